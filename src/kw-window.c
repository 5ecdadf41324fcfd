/* TEMPORARY placeholder: replaced by the real window. */
#define G_LOG_DOMAIN "kw-window"
#include "config.h"
#include "kw-window.h"
struct _KwWindow { AdwApplicationWindow parent_instance; KwBoard *board; GFile *file; };
G_DEFINE_FINAL_TYPE (KwWindow, kw_window, ADW_TYPE_APPLICATION_WINDOW)
static void kw_window_class_init (KwWindowClass *k) { }
static void kw_window_init (KwWindow *s) { s->board = kw_board_new (); }
KwWindow *kw_window_new (GtkApplication *a) { return g_object_new (KW_TYPE_WINDOW, "application", a, NULL); }
void kw_window_load_file (KwWindow *s, GFile *f) { g_set_object (&s->file, f); }
GFile *kw_window_get_file (KwWindow *s) { return s->file; }
KwBoard *kw_window_get_board (KwWindow *s) { return s->board; }
gboolean kw_window_is_blank (KwWindow *s) { return s->file == NULL; }
