/* test-save-failure.c: saves that fail for real, in the window, under Xvfb:
 * a read-only folder, a full disk, a USB stick pulled out while the board
 * is open. Each time the window explains what happened, keeps the board
 * open with its changes, leaves the file on disk as it was, and Save As
 * from the error saves the changes elsewhere.
 *
 * The folders are real mounts in a mount namespace of this test's own
 * (root only: a read-only bind mount, a tmpfs of a few hundred KB, a bind
 * mount that is unmounted and removed), so the system sees none of them.
 * Without root, only the read-only folder is tested, with chmod.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define _GNU_SOURCE  /* unshare() */

#include "config.h"

#include <adwaita.h>
#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <sched.h>
#include <string.h>
#include <sys/mount.h>
#include <unistd.h>

#include "kw-format.h"
#include "kw-window.h"
#include "kw-gui-test.h"

static GtkApplication *app;
static char *tmp_dir;
static gboolean have_mount_namespace;

/* Fixtures */

static char *
tmp_path (const char *name)
{
  return g_build_filename (tmp_dir, name, NULL);
}

static GBytes *
read_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);

  return g_bytes_new_take (contents, length);
}

static void
copy_example_to (const char *target)
{
  g_autofree char *source = g_build_filename (g_getenv ("KW_SOURCE_DIR"), "data", "examples",
                                              "klantcontact-nl.kwadrant", NULL);
  g_autoptr(GBytes) bytes = read_bytes (source);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (target, g_bytes_get_data (bytes, NULL), (gssize) g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);
}

static KwWindow *
open_window (GFile *file)
{
  KwWindow *window = kw_window_new (app);

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (kw_gui_test_wait_until (kw_gui_test_widget_is_mapped, window));
  kw_window_load_file (window, file);
  g_assert_true (kw_gui_test_wait_until (kw_gui_test_window_is_idle, window));
  g_assert_null (kw_gui_test_find_dialog (GTK_WINDOW (window)));

  return window;
}

static void
assert_no_temporary_files (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      if (g_str_has_prefix (name, "."))
        g_error ("a failed save left %s in %s", name, folder);
    }
}

/* Mounts, in this test's own mount namespace */

static gboolean
enter_mount_namespace (void)
{
  if (geteuid () != 0)
    return FALSE;

  /* Before any thread exists: the save threads GIO starts later are in
   * the namespace too. MS_PRIVATE keeps every mount below out of the
   * system's view. */
  if (unshare (CLONE_NEWNS) != 0)
    {
      g_printerr ("# no mount namespace: %s\n", g_strerror (errno));
      return FALSE;
    }
  if (mount (NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) != 0)
    {
      g_printerr ("# could not make the mounts private: %s\n", g_strerror (errno));
      return FALSE;
    }

  return TRUE;
}

static void
mount_or_fail (const char    *source,
               const char    *target,
               const char    *type,
               unsigned long  flags,
               const char    *options)
{
  if (mount (source, target, type, flags, options) != 0)
    g_error ("mount %s on %s: %s", source ? source : "(none)", target, g_strerror (errno));
}

static void
make_read_only (const char *folder)
{
  if (have_mount_namespace)
    {
      mount_or_fail (folder, folder, NULL, MS_BIND, NULL);
      mount_or_fail (NULL, folder, NULL, MS_REMOUNT | MS_BIND | MS_RDONLY, NULL);
    }
  else
    {
      g_assert_cmpint (g_chmod (folder, 0555), ==, 0);
    }
}

static void
make_writable (const char *folder)
{
  if (have_mount_namespace)
    g_assert_cmpint (umount2 (folder, MNT_DETACH), ==, 0);
  else
    g_assert_cmpint (g_chmod (folder, 0755), ==, 0);
}

/* Writes a file until the disk is full. */
static void
fill_disk (const char *folder)
{
  g_autofree char *path = g_build_filename (folder, "filler", NULL);
  char block[4096] = { 0 };
  int fd = g_open (path, O_WRONLY | O_CREAT | O_CLOEXEC, 0600);

  g_assert_cmpint (fd, >=, 0);
  for (;;)
    {
      ssize_t n = write (fd, block, sizeof block);

      if (n < 0 && errno == ENOSPC)
        break;
      g_assert_cmpint (n, >, 0);
    }
  g_assert_true (g_close (fd, NULL));
}

/* The steps every case shares */

typedef struct
{
  KwWindow *window;
  GFile    *file;
  GBytes   *on_disk;   /* the file as it was before the failing save */
  guint     n_findings;
} Case;

static void
open_and_change (Case       *c,
                 const char *path)
{
  KwBoard *board;
  g_autoptr(KwFinding) finding = kw_finding_new ("Terugbelverzoeken na 17:00 uur");

  c->file = g_file_new_for_path (path);
  c->on_disk = read_bytes (path);
  c->window = open_window (c->file);
  board = kw_window_get_board (c->window);

  kw_board_set_title (board, "Middagsessie");
  kw_finding_place (finding, 0.8, 0.2);
  g_assert_true (kw_board_append_finding (board, finding));
  c->n_findings = kw_board_get_n_findings (board);
  g_assert_true (kw_window_get_modified (c->window));
}

/* Saves, and checks the error dialog and that nothing was lost; returns
 * the dialog. */
static AdwMessageDialog *
save_and_expect_error (Case       *c,
                       const char *explanation)
{
  KwBoard *board = kw_window_get_board (c->window);
  AdwMessageDialog *dialog;

  gtk_widget_activate_action (GTK_WIDGET (c->window), "win.save", NULL);
  g_assert_true (kw_gui_test_wait_until (kw_gui_test_dialog_is_shown, c->window));
  dialog = kw_gui_test_find_dialog (GTK_WINDOW (c->window));

  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Could not save “board.kwadrant”");
  if (strstr (adw_message_dialog_get_body (dialog), explanation) == NULL)
    g_error ("the message “%s” does not say “%s”", adw_message_dialog_get_body (dialog), explanation);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "Save As"));
  g_assert_true (adw_message_dialog_has_response (dialog, "save-as"));

  /* The board is still open, with its changes, as the one to save. */
  g_assert_true (kw_window_get_board (c->window) == board);
  g_assert_true (kw_window_get_modified (c->window));
  g_assert_cmpstr (kw_board_get_title (board), ==, "Middagsessie");
  g_assert_cmpuint (kw_board_get_n_findings (board), ==, c->n_findings);
  g_assert_true (g_file_equal (kw_window_get_file (c->window), c->file));
  g_assert_true (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (c->window)), "• Middagsessie"));

  return dialog;
}

static void
assert_unchanged_on_disk (Case       *c,
                          const char *path)
{
  g_autoptr(GBytes) now = read_bytes (path);

  g_assert_true (g_bytes_equal (now, c->on_disk));
}

/* Chooses Save As in the error dialog and saves into a writable folder. */
static void
save_as_elsewhere (Case             *c,
                   AdwMessageDialog *dialog,
                   const char       *name)
{
  g_autofree char *folder_path = tmp_path ("rescued");
  g_autofree char *path = g_build_filename (folder_path, name, NULL);
  g_autoptr(GFile) saved = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(KwBoard) reloaded = NULL;
  GtkFileChooser *chooser;

  g_mkdir_with_parents (folder_path, 0700);

  kw_gui_test_close_dialog (dialog, "save-as");
  g_assert_true (kw_gui_test_wait_until (kw_gui_test_file_chooser_is_shown, NULL));
  chooser = kw_gui_test_find_file_chooser ();

  /* Typed as a whole path, as a user may: the chooser starts in the
   * folder that failed, which may be gone. */
  g_assert_true (kw_gui_test_wait_until (kw_gui_test_widget_is_mapped, chooser));
  gtk_file_chooser_set_current_name (chooser, path);
  /* As a click on Save: the chooser checks the name first, then answers. */
  gtk_widget_activate (gtk_dialog_get_widget_for_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT));

  if (!kw_gui_test_wait_until (kw_gui_test_window_is_saved, c->window))
    {
      AdwMessageDialog *error_dialog = kw_gui_test_find_dialog (GTK_WINDOW (c->window));

      g_error ("Save As did not save: %s",
               error_dialog != NULL ? adw_message_dialog_get_body (error_dialog) : "no message either");
    }
  g_assert_null (kw_gui_test_find_dialog (GTK_WINDOW (c->window)));
  g_assert_cmpstr (g_file_peek_path (kw_window_get_file (c->window)), ==, path);

  reloaded = kw_format_load_file (saved, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (kw_board_get_title (reloaded), ==, "Middagsessie");
  g_assert_cmpuint (kw_board_get_n_findings (reloaded), ==, c->n_findings);
}

static void
case_clear (Case *c)
{
  if (c->window != NULL)
    kw_gui_test_destroy_window (GTK_WINDOW (c->window));
  g_clear_object (&c->file);
  g_clear_pointer (&c->on_disk, g_bytes_unref);
}

/* Tests */

static void
test_read_only_folder (void)
{
  g_autofree char *folder = tmp_path ("read-only");
  g_autofree char *path = g_build_filename (folder, "board.kwadrant", NULL);
  Case c = { 0 };
  AdwMessageDialog *dialog;

  if (!have_mount_namespace && geteuid () == 0)
    {
      g_test_skip ("permissions do not stop root, and there is no mount namespace for a read-only mount");
      return;
    }

  g_assert_cmpint (g_mkdir (folder, 0755), ==, 0);
  copy_example_to (path);
  open_and_change (&c, path);

  make_read_only (folder);
  dialog = save_and_expect_error (&c, have_mount_namespace ? "is read-only" : "permission");
  assert_unchanged_on_disk (&c, path);
  assert_no_temporary_files (folder);

  save_as_elsewhere (&c, dialog, "read-only-rescued.kwadrant");
  make_writable (folder);
  assert_unchanged_on_disk (&c, path);

  case_clear (&c);
}

static void
test_full_disk (void)
{
  g_autofree char *folder = tmp_path ("full");
  g_autofree char *path = g_build_filename (folder, "board.kwadrant", NULL);
  Case c = { 0 };
  AdwMessageDialog *dialog;

  if (!have_mount_namespace)
    {
      g_test_skip ("a full disk needs a tmpfs in a mount namespace: run as root");
      return;
    }

  /* Room for the board and a little more, not for a second copy. */
  g_assert_cmpint (g_mkdir (folder, 0755), ==, 0);
  mount_or_fail ("kw-full", folder, "tmpfs", MS_NOSUID | MS_NODEV, "size=256k,mode=0755");
  copy_example_to (path);
  open_and_change (&c, path);

  fill_disk (folder);
  dialog = save_and_expect_error (&c, "is full");
  /* The complete previous board, never a truncated one. */
  assert_unchanged_on_disk (&c, path);
  assert_no_temporary_files (folder);

  save_as_elsewhere (&c, dialog, "full-rescued.kwadrant");
  assert_unchanged_on_disk (&c, path);

  case_clear (&c);
  g_assert_cmpint (umount2 (folder, MNT_DETACH), ==, 0);
}

static void
test_removed_stick (void)
{
  g_autofree char *stick = tmp_path ("stick-contents");
  g_autofree char *mount_point = tmp_path ("stick");
  g_autofree char *path = g_build_filename (mount_point, "board.kwadrant", NULL);
  g_autofree char *stick_path = g_build_filename (stick, "board.kwadrant", NULL);
  Case c = { 0 };
  AdwMessageDialog *dialog;

  g_assert_cmpint (g_mkdir (mount_point, 0755), ==, 0);
  if (have_mount_namespace)
    {
      /* The stick's files live on in stick-contents, to check afterwards. */
      g_assert_cmpint (g_mkdir (stick, 0755), ==, 0);
      mount_or_fail (stick, mount_point, NULL, MS_BIND, NULL);
    }
  copy_example_to (path);
  open_and_change (&c, path);

  /* Pulled out: unmounted, and the desktop removes the mount point. */
  if (have_mount_namespace)
    g_assert_cmpint (umount2 (mount_point, MNT_DETACH), ==, 0);
  else
    g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (g_rmdir (mount_point), ==, 0);

  dialog = save_and_expect_error (&c, "is no longer there");
  g_assert_false (g_file_test (mount_point, G_FILE_TEST_EXISTS));
  if (have_mount_namespace)
    {
      assert_unchanged_on_disk (&c, stick_path);
      assert_no_temporary_files (stick);
    }

  save_as_elsewhere (&c, dialog, "stick-rescued.kwadrant");

  case_clear (&c);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  have_mount_namespace = enter_mount_namespace ();

  /* GIO's udisks2 monitor needs a system bus, which a CI machine may not
   * have; it warns, and warnings are fatal in tests. The mounts made here
   * are plain mounts, which the unix monitor sees. */
  g_setenv ("GIO_USE_VOLUME_MONITOR", "unix", TRUE);

  tmp_dir = kw_gui_test_init (&argc, &argv, "kw-test-save-failure-XXXXXX");
  app = kw_gui_test_application_new ("io.github.kwadrant.Kwadrant.SaveFailureTest");
  /* These waits have always had 30 s, not the 20 s of the other tests. */
  kw_gui_test_set_wait_timeout (30000 * KW_TEST_SLOWDOWN);

  g_test_add_func ("/save-failure/read-only-folder", test_read_only_folder);
  g_test_add_func ("/save-failure/full-disk", test_full_disk);
  g_test_add_func ("/save-failure/removed-stick", test_removed_stick);

  status = g_test_run ();

  kw_gui_test_finish (&app, &tmp_dir);

  return status;
}
