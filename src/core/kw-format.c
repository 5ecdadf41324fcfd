/* TEMPORARY placeholder: replaced by the real loader and writer. */
#define G_LOG_DOMAIN "kw-format"
#include "config.h"
#include "kw-format.h"
G_DEFINE_QUARK (kw-format-error-quark, kw_format_error)
KwBoard *kw_format_load_bytes (GBytes *b, const char *n, GError **e) { g_set_error (e, KW_FORMAT_ERROR, KW_FORMAT_ERROR_INVALID, "not implemented"); return NULL; }
KwBoard *kw_format_load_file (GFile *f, GCancellable *c, GError **e) { g_set_error (e, KW_FORMAT_ERROR, KW_FORMAT_ERROR_INVALID, "not implemented"); return NULL; }
void kw_format_load_file_async (GFile *f, GCancellable *c, GAsyncReadyCallback cb, gpointer d) { }
KwBoard *kw_format_load_file_finish (GFile *f, GAsyncResult *r, GError **e) { return NULL; }
GBytes *kw_format_save_bytes (KwBoard *b, GError **e) { return NULL; }
gboolean kw_format_save_file (KwBoard *b, GFile *f, const char *et, char **ne, GCancellable *c, GError **e) { return FALSE; }
void kw_format_save_file_async (KwBoard *b, GFile *f, const char *et, GCancellable *c, GAsyncReadyCallback cb, gpointer d) { }
gboolean kw_format_save_file_finish (GFile *f, GAsyncResult *r, char **ne, GError **e) { return FALSE; }
