/* kw-gui-test.h: what the widget tests share: waiting on the main loop
 * without sleeping, finding the dialogs a window presents, and an
 * application of their own in a throwaway home, removed afterwards.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "kw-test-timing.h"

G_BEGIN_DECLS

/* How long a wait may take before it counts as a hang. */
#define KW_GUI_TEST_WAIT_TIMEOUT_MS (20000 * KW_TEST_SLOWDOWN)

typedef gboolean (*KwGuiTestCondition) (gpointer data);

/* Setting up and tearing down */

/* Makes a temporary folder from tmp_template (as g_dir_make_tmp()) and
 * points XDG_DATA_HOME into it, keeps settings in memory, then initializes
 * GTK and libadwaita. Returns the folder, for kw_gui_test_finish(). */
char             *kw_gui_test_init               (int                 *argc,
                                                  char              ***argv,
                                                  const char          *tmp_template);
/* A registered, non-unique AdwApplication with the app's resources. */
GtkApplication   *kw_gui_test_application_new    (const char          *application_id);
/* Drops the application, removes the temporary folder and frees its name. */
void              kw_gui_test_finish             (GtkApplication     **app,
                                                  char               **tmp_dir);
/* Removes path and all below it; follows no symbolic links. */
void              kw_gui_test_remove_tree        (const char          *path);

/* Waiting */

/* The limit of kw_gui_test_wait_until(), KW_GUI_TEST_WAIT_TIMEOUT_MS until
 * changed. */
void              kw_gui_test_set_wait_timeout   (guint                timeout_ms);
/* Iterates the main context until cond holds; FALSE after the timeout. */
gboolean          kw_gui_test_wait_until         (KwGuiTestCondition   cond,
                                                  gpointer             data);
/* Runs the main loop for ms milliseconds, whatever happens. */
void              kw_gui_test_spin_for           (guint                ms);

/* Conditions for kw_gui_test_wait_until() */

gboolean          kw_gui_test_window_is_idle     (gpointer             window);
gboolean          kw_gui_test_window_is_saved    (gpointer             window);
gboolean          kw_gui_test_widget_is_mapped   (gpointer             widget);
/* data is a weak pointer's location: holds once the object is gone. */
gboolean          kw_gui_test_pointer_is_null    (gpointer             data);
/* Holds while kw_gui_test_find_dialog (parent) finds one. */
gboolean          kw_gui_test_dialog_is_shown    (gpointer             parent);

/* Windows and dialogs */

/* The visible AdwMessageDialog transient for parent, or NULL. */
AdwMessageDialog *kw_gui_test_find_dialog        (GtkWindow           *parent);
/* The visible file chooser (Save As, Export, Open), or NULL. */
GtkFileChooser   *kw_gui_test_find_file_chooser  (void);
/* Holds while kw_gui_test_find_file_chooser () finds one. */
gboolean          kw_gui_test_file_chooser_is_shown (gpointer          data);
/* The text behind the dialog's Details expander, or NULL without one. */
const char       *kw_gui_test_dialog_get_details (AdwMessageDialog    *dialog);
/* Answers as a click on the response would, and closes the dialog. */
void              kw_gui_test_close_dialog       (AdwMessageDialog    *dialog,
                                                  const char          *response);
/* The toast a window's AdwToastOverlay shows now (under root), or NULL;
 * unref it when done. */
AdwToast         *kw_gui_test_dup_shown_toast    (GtkWidget           *root);
/* Destroys the window and waits until it is finalized. */
void              kw_gui_test_destroy_window     (GtkWindow           *window);

/* Kwadrant's own windows: a new one shown and mapped, and a finding made
 * the board's only selection. */
typedef struct _KwWindow KwWindow;
typedef struct _KwFinding KwFinding;
KwWindow         *kw_gui_test_new_window         (GtkApplication      *app);
void              kw_gui_test_select_finding     (KwWindow            *window,
                                                  KwFinding           *finding);
/* A new finding added through the history, as the tray adds it; placed
 * unless impact is negative. Returns it, owned by the board. */
KwFinding        *kw_gui_test_add_finding        (KwWindow            *window,
                                                  const char          *title,
                                                  double               impact,
                                                  double               effort);

G_END_DECLS
