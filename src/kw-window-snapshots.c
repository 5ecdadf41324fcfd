/* kw-window-snapshots.c: the board's snapshots in the window: Take
 * Snapshot, the list of snapshots, comparing with one ("Changes since …"
 * beside the matrix, the earlier spots on it), and the offer to take one
 * after saving a board whose workshop has been.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kw-window-snapshots"

#include "config.h"

#include <glib/gi18n.h>

#include "kw-snapshot-dialog.h"
#include "kw-snapshots-dialog.h"
#include "kw-window-private.h"

/* ---- Take Snapshot ---------------------------------------------------- */

static void
take_response_cb (KwSnapshotDialog *dialog,
                  const char       *response,
                  KwWindow         *self)
{
  g_autoptr(KwSnapshot) snapshot = NULL;
  g_autofree char *name = NULL;
  g_autofree char *note = NULL;
  g_autofree char *toast = NULL;

  if (!g_str_equal (response, "accept"))
    return;

  name = kw_snapshot_dialog_dup_name (dialog);
  note = kw_snapshot_dialog_dup_note (dialog);
  snapshot = kw_snapshot_new_from_board (kw_window_board (self), name, note, NULL);
  if (!kw_history_add_snapshot (kw_window_history (self), snapshot, G_MAXUINT))
    {
      kw_window_show_toast (self, _("The board has no room for another snapshot"));
      return;
    }

  /* Translators: a toast after Take Snapshot; %s is its name. */
  toast = g_strdup_printf (_("Snapshot “%s” taken"), kw_snapshot_get_name (snapshot));
  kw_window_show_toast (self, toast);
}

void
kw_window_take_snapshot (KwWindow *self)
{
  KwSnapshotDialog *dialog;

  if (kw_document_get_loading (self->document) || kw_document_get_read_only (self->document))
    return;

  kw_window_start_board (self);
  dialog = kw_snapshot_dialog_new (GTK_WINDOW (self), kw_window_board (self), NULL);
  g_signal_connect_object (dialog, "response", G_CALLBACK (take_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- The list of snapshots --------------------------------------------- */

static void
snapshots_dialog_compare_cb (KwWindow          *self,
                             KwSnapshot        *snapshot,
                             KwSnapshotsDialog *dialog)
{
  kw_window_set_compare (self, snapshot);
}

GtkWindow *
kw_window_show_snapshots (KwWindow *self)
{
  KwSnapshotsDialog *dialog;

  dialog = kw_snapshots_dialog_new (GTK_WINDOW (self), kw_window_board (self), kw_window_history (self));
  g_signal_connect_object (dialog, "compare", G_CALLBACK (snapshots_dialog_compare_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));

  return GTK_WINDOW (dialog);
}

/* ---- Comparing --------------------------------------------------------- */

KwSnapshot *
kw_window_get_compare (KwWindow *self)
{
  return kw_changes_panel_get_snapshot (self->changes_panel);
}

void
kw_window_set_compare (KwWindow   *self,
                       KwSnapshot *snapshot)
{
  kw_changes_panel_set_snapshot (self->changes_panel, snapshot);
}

/* The panel leaves the comparison itself when its snapshot goes (deleted,
 * its taking undone, another board): the window follows it. */
static void
compare_snapshot_changed_cb (KwWindow       *self,
                             GParamSpec     *pspec,
                             KwChangesPanel *panel)
{
  gboolean comparing = kw_changes_panel_get_snapshot (panel) != NULL;

  gtk_widget_set_visible (GTK_WIDGET (panel), comparing);
  gtk_widget_set_visible (self->board_scroller, !comparing);
  if (comparing)
    gtk_widget_grab_focus (kw_changes_panel_get_list (panel));
  else if (gtk_widget_get_mapped (self->board_scroller))
    /* Not the matrix: focusing it focuses, and so selects, a card. */
    gtk_widget_grab_focus (GTK_WIDGET (self->plan_view));

  kw_window_update_actions (self);
}

static void
compare_changes_changed_cb (KwWindow       *self,
                            GParamSpec     *pspec,
                            KwChangesPanel *panel)
{
  kw_matrix_set_changes (self->matrix, kw_changes_panel_get_changes (panel));
}

/* Selecting a change selects its finding (a removed one is not on the
 * board any more: nothing to select). */
static void
change_selected_cb (KwWindow       *self,
                    KwChange       *change,
                    KwChangesPanel *panel)
{
  KwFinding *finding = kw_board_lookup_finding (kw_window_board (self), kw_change_get_finding_id (change));

  if (finding != NULL)
    kw_window_select_only (self, finding);
}

/* ---- The offer after saving --------------------------------------------- */

static char *
local_day (GDateTime *date_time)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (date_time);

  return g_date_time_format (local, "%Y-%m-%d");
}

/* Whether the board's workshop is over (its day has passed: saving during
 * the workshop is not the moment) and no snapshot was taken on its day or
 * since: the state after the workshop is what a later visit wants to
 * compare with. */
static gboolean
wants_workshop_snapshot (KwWindow *self)
{
  KwBoard *board = kw_window_board (self);
  const char *workshop = kw_board_get_workshop_date (board);
  GListModel *snapshots = kw_board_get_snapshots (board);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *today = local_day (now);

  if (workshop == NULL || *workshop == '\0' || g_strcmp0 (workshop, today) >= 0)
    return FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (snapshots); i++)
    {
      g_autoptr(KwSnapshot) snapshot = g_list_model_get_item (snapshots, i);
      g_autofree char *day = local_day (kw_snapshot_get_taken (snapshot));

      if (g_strcmp0 (day, workshop) >= 0)
        return FALSE;
    }

  return TRUE;
}

/* After a save: "Saved", and when the workshop has been and has no
 * snapshot yet, a button to take one in the same toast. Never a question
 * that waits: the board is saved either way. Offered once per workshop
 * date in a window. */
void
kw_window_saved_toast (KwWindow *self)
{
  const char *workshop = kw_board_get_workshop_date (kw_window_board (self));
  AdwToast *toast;

  if (kw_document_get_read_only (self->document) || !wants_workshop_snapshot (self) ||
      g_strcmp0 (self->snapshot_offered_for, workshop) == 0)
    {
      kw_window_show_toast (self, _("Saved"));
      return;
    }

  g_free (self->snapshot_offered_for);
  self->snapshot_offered_for = g_strdup (workshop);

  toast = adw_toast_new (_("Saved. Keep the workshop’s result as a snapshot?"));
  adw_toast_set_button_label (toast, _("_Take Snapshot"));
  adw_toast_set_action_name (toast, "win.take-snapshot");
  adw_toast_set_timeout (toast, 10);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

void
kw_window_setup_snapshots (KwWindow *self)
{
  g_signal_connect_object (self->changes_panel, "notify::snapshot",
                           G_CALLBACK (compare_snapshot_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->changes_panel, "notify::changes",
                           G_CALLBACK (compare_changes_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->changes_panel, "change-selected",
                           G_CALLBACK (change_selected_cb), self, G_CONNECT_SWAPPED);
}
