/* kw-window-private.h: what the files of KwWindow share.
 *
 * kw-window.c builds the window (template, models, lists, details,
 * presentation, editing); kw-window-document.c shows its KwDocument
 * (loading, title and page, bars); kw-window-actions.c holds the actions and
 * the one function that decides which are enabled; kw-window-save.c asks
 * the questions around saving, closing and changes on disk;
 * kw-window-search.c the search bar and its tags; kw-window-recent.c shows
 * the recent boards; kw-window-import.c brings findings in from a CSV
 * file or pasted rows, and opens boards dropped on the window;
 * kw-window-delete.c deletes the selection; kw-window-snapshots.c takes,
 * lists and compares with the board's snapshots; kw-window-review.c shows
 * review mode; kw-window-estimates.c the participants, the estimates
 * window and "Use the group's median"; kw-window-round.c runs a blind
 * round, and kw-window-voting.c lets phones score it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "kw-changes-panel.h"
#include "kw-details-panel.h"
#include "kw-document.h"
#include "kw-estimates-window.h"
#include "kw-finding-filter.h"
#include "kw-matrix.h"
#include "kw-plan-model.h"
#include "kw-recent-boards.h"
#include "kw-review-view.h"
#include "kw-tray.h"
#include "kw-vote-server.h"
#include "kw-window.h"

G_BEGIN_DECLS

struct _KwWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template children */
  AdwToastOverlay      *toast_overlay;
  AdwWindowTitle       *window_title;
  GtkStack             *stack;
  GtkWidget            *recent_box;
  GtkListBox           *recent_list;
  GtkSpinner           *spinner;
  GtkLabel             *loading_label;
  GtkListView          *plan_view;
  GMenu                *recent_menu;
  GtkWidget            *header_bar;
  GtkWidget            *undo_box;
  GtkWidget            *search_button;
  GtkWidget            *details_button;
  GtkWidget            *present_button;
  GtkWidget            *sidebar;
  GtkWidget            *sidebar_separator;
  KwTray               *tray;
  KwMatrix             *matrix;
  GtkRevealer          *details_revealer;
  GtkWidget            *details_box;
  /* Built the first time it shows: hundreds of widgets a board does not
   * need on screen before its first frame. NULL until then. */
  KwDetailsPanel       *details_panel;
  GtkSearchBar         *search_bar;
  GtkEditable          *search_entry;
  GtkDropDown          *tag_dropdown;
  GtkInfoBar           *file_bar;
  GtkLabel             *file_bar_label;
  GtkWidget            *reload_button;
  GtkWidget            *keep_button;
  GtkWidget            *file_save_button;
  GtkWidget            *file_save_as_button;
  GtkInfoBar           *read_only_bar;
  GtkWidget            *board_scroller;
  /* "Changes since …": shown instead of the outcome lists while the
   * matrix is compared with a snapshot. */
  KwChangesPanel       *changes_panel;
  /* Review mode: the findings due for review, one at a time. */
  KwReviewView         *review_view;

  /* The board, its file and everything that keeps it safe: loading,
   * saving, drafts, changes on disk. The window shows what it says. */
  KwDocument           *document;
  KwPlanModel          *plan;
  /* The one selection over the board's findings: the matrix, the lists
   * and the tray all show and change it. */
  GtkMultiSelection    *selection;
  /* Findings that match the search and tag; the matrix dims the others,
   * the lists and the tray leave them out. */
  KwFindingFilter      *filter;
  GtkFilter            *lists_filter;
  GtkFilter            *tray_filter;
  GtkStringList        *tags;
  guint                 tags_idle_id;
  guint                 present_timeout_id;
  /* Built on first use: a shortcuts window is hundreds of widgets, and
   * GtkApplication's automatic help overlay would build it for every
   * window before its first frame. */
  GtkWindow            *shortcuts_window;
  /* The typing grid and "Discuss first": built on first use, NULL once
   * closed. */
  KwEstimatesWindow    *estimates_window;
  /* Hidden while presenting, shown again after. */
  gboolean              estimates_hidden_for_presentation;
  GSettings            *settings;   /* NULL when the schema is not installed */
  KwRecentBoards       *recent_boards;  /* the application's */
  /* Answers to this window's loads and saves come back while it may be
   * gone: cancelled in dispose. */
  GCancellable         *cancellable;
  /* The workshop date a snapshot was last offered for after saving. */
  char                 *snapshot_offered_for;

  /* Findings the last change gave a review date, told in an idle. */
  GPtrArray            *review_given;
  guint                 review_toast_id;
  char                 *follow_up_day;   /* the ISO date the marks and lists were made for */
  guint                 day_change_id;

  guint                 present_pending : 1;
  guint                 started : 1;           /* showing a board, not the welcome */
  guint                 close_after_save : 1;
  guint                 close_confirmed : 1;
  guint                 presenting : 1;
  guint                 reviewing : 1;
  guint                 details_visible : 1;
  KwMatrixStyle         matrix_labels;
  guint                 snap : 1;
  guint                 hide_done : 1;
  guint                 updating_tags : 1;

  /* The blind round (kw-window-round.c): NULL when none. */
  KwRound              *round;
  KwParticipantList    *participants;   /* the board's, followed for Start Round */
  GtkWidget            *countdown_label;
  guint                 countdown_id;
  /* Voting from phones (kw-window-voting.c): NULL when not serving. */
  KwVoteServer         *vote_server;
  GtkWidget            *voting_button;
  gboolean              voting_own_pace;
};

enum {
  PROP_0,
  PROP_MODIFIED,
  PROP_LOADING,
  PROP_PRESENTING,
  PROP_DETAILS_VISIBLE,
  PROP_MATRIX_LABELS,
  PROP_SNAP,
  PROP_HIDE_DONE,
  PROP_ROUND,
  N_PROPS
};

extern GParamSpec *kw_window_properties[N_PROPS];

/* What an answer from the document needs: the window, and the file or
 * draft it was about (a failed load leaves the document's own file as it
 * was, so the error names the file that was asked for). */
typedef struct
{
  KwWindow *self;
  GObject  *subject;
} KwWindowRequest;

KwWindowRequest *kw_window_request_new  (KwWindow        *self,
                                         GObject         *subject);
void             kw_window_request_free (KwWindowRequest *request);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KwWindowRequest, kw_window_request_free)

/* The document's board, history and file */
static inline KwBoard *
kw_window_board (KwWindow *self)
{
  return kw_document_get_board (self->document);
}

static inline KwHistory *
kw_window_history (KwWindow *self)
{
  return kw_document_get_history (self->document);
}

static inline GFile *
kw_window_file (KwWindow *self)
{
  return kw_document_get_file (self->document);
}

/* kw-window.c */
void            kw_window_update_title         (KwWindow   *self);
void            kw_window_update_page          (KwWindow   *self);
void            kw_window_show_toast           (KwWindow   *self,
                                                const char *text);
void            kw_window_start_board          (KwWindow   *self);
void            kw_window_set_presenting       (KwWindow   *self,
                                                gboolean    presenting);
KwDetailsPanel *kw_window_ensure_details_panel (KwWindow   *self);
void            kw_window_show_details         (KwWindow   *self,
                                                const char *page,
                                                gboolean    focus);
void            kw_window_select_only          (KwWindow   *self,
                                                KwFinding  *finding);
KwFinding      *kw_window_get_first_selected   (KwWindow   *self);

void            kw_window_present_pending      (KwWindow   *self);

/* kw-window-document.c */
void            kw_window_update_file_bar      (KwWindow   *self);
void            kw_window_set_bar_shown        (GtkInfoBar *bar,
                                                gboolean    shown);
void            kw_window_follow_document      (KwWindow   *self);
void            kw_window_show_board           (KwWindow   *self);
void            kw_window_check_file_when_active               (KwWindow   *self,
                                                GParamSpec *pspec,
                                                gpointer    user_data);
void            kw_window_file_bar_response_cb           (KwWindow   *self,
                                                int         response,
                                                GtkInfoBar *bar);

/* kw-window-recent.c */
void            kw_window_add_to_recent        (KwWindow   *self,
                                                GFile      *file);
void            kw_window_forget_recent        (KwWindow   *self,
                                                GFile      *file);
void            kw_window_open                 (KwWindow   *self,
                                                GFile      *file);
void            kw_window_follow_recent_boards (KwWindow   *self);
void            kw_window_recent_row_activated_cb        (KwWindow      *self,
                                                GtkListBoxRow *row);

/* kw-window-follow-up.c */
void            kw_window_follow_review_dates  (KwWindow   *self);
void            kw_window_forget_review_dates  (KwWindow   *self);
void            kw_window_watch_date           (KwWindow   *self);
void            kw_window_forget_date          (KwWindow   *self);
void            kw_window_change_review_date_action_cb (GtkWidget  *widget,
                                                const char *action_name,
                                                GVariant   *parameter);

/* kw-window-search.c */
void            kw_window_setup_search         (KwWindow       *self);
void            kw_window_update_tags_now      (KwWindow       *self);
void            kw_window_queue_update_tags    (KwWindow       *self);
void            kw_window_search_changed_cb    (KwWindow       *self,
                                                GtkSearchEntry *entry);
void            kw_window_stop_search_cb       (KwWindow       *self,
                                                GtkSearchEntry *entry);
void            kw_window_tag_selected_cb      (KwWindow       *self,
                                                GParamSpec     *pspec,
                                                GtkDropDown    *dropdown);

/* kw-window-actions.c */
void            kw_window_class_add_actions    (GtkWidgetClass *widget_class);
void            kw_window_update_actions       (KwWindow   *self);

/* kw-window-save.c */
void            kw_window_save                 (KwWindow   *self);
void            kw_window_save_as              (KwWindow   *self);
void            kw_window_reload               (KwWindow   *self);
void            kw_window_ask_to_save_changes  (KwWindow   *self);

/* kw-window-import.c */
void            kw_window_setup_import         (KwWindow   *self);
void            kw_window_import_action_cb     (GtkWidget  *widget,
                                                const char *action_name,
                                                GVariant   *parameter);

/* kw-window-delete.c */
void            kw_window_delete_selected      (KwWindow   *self);
/* The selected findings in the board's order (new references). */
GPtrArray      *kw_window_collect_selected     (KwWindow   *self);

/* kw-window-snapshots.c */
void            kw_window_setup_snapshots      (KwWindow   *self);
void            kw_window_take_snapshot        (KwWindow   *self);
GtkWindow      *kw_window_show_snapshots       (KwWindow   *self);
KwSnapshot     *kw_window_get_compare          (KwWindow   *self);
void            kw_window_set_compare          (KwWindow   *self,
                                                KwSnapshot *snapshot);
void            kw_window_saved_toast          (KwWindow   *self);

/* kw-window-review.c */
void            kw_window_setup_review         (KwWindow   *self);
void            kw_window_start_review         (KwWindow   *self);
void            kw_window_offer_review         (KwWindow   *self);
void            kw_window_leave_review         (KwWindow   *self);
void            kw_window_review_action_cb     (GtkWidget  *widget,
                                                const char *action_name,
                                                GVariant   *parameter);

/* kw-window-voting.c: phones score the open round. */
KwVoteServer   *kw_window_get_vote_server      (KwWindow       *self);
void            kw_window_start_voting         (KwWindow       *self);
void            kw_window_stop_voting          (KwWindow       *self);
void            kw_window_setup_voting         (KwWindow       *self);
void            kw_window_dispose_voting       (KwWindow       *self);
void            kw_window_class_add_voting_actions (GtkWidgetClass *widget_class);
void            kw_window_update_voting_actions (KwWindow      *self,
                                                 gboolean       editable);

/* kw-window-round.c */
/* The round the window runs (property "round"), NULL when none: the
 * matrix shows it, the estimates grid fills it. */
KwRound        *kw_window_get_round            (KwWindow       *self);
void            kw_window_start_round          (KwWindow       *self);
void            kw_window_close_round          (KwWindow       *self);
void            kw_window_ask_countdown        (KwWindow       *self);
void            kw_window_setup_round          (KwWindow       *self);
void            kw_window_dispose_round        (KwWindow       *self);
void            kw_window_class_add_round_actions (GtkWidgetClass *widget_class);
void            kw_window_update_round_actions (KwWindow       *self,
                                                gboolean        editable);
/* kw-window-estimates.c */
GtkWindow         *kw_window_show_participants       (KwWindow   *self);
KwEstimatesWindow *kw_window_ensure_estimates_window (KwWindow   *self);
/* page: "grid" or "discuss" */
KwEstimatesWindow *kw_window_show_estimates          (KwWindow   *self,
                                                      const char *page);
void               kw_window_forget_estimates        (KwWindow   *self);
void               kw_window_estimates_follow_presentation (KwWindow *self);
/* The selection's findings, or all; returns how many moved. */
guint              kw_window_use_median              (KwWindow   *self,
                                                      gboolean    all);

G_END_DECLS
