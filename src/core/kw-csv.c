/* TEMPORARY placeholder: replaced by the real importer. */
#define G_LOG_DOMAIN "kw-csv"
#include "config.h"
#include "kw-csv.h"
G_DEFINE_QUARK (kw-csv-error-quark, kw_csv_error)
KwBoard *kw_csv_import_bytes (GBytes *b, const char *n, GError **e) { g_set_error (e, KW_CSV_ERROR, KW_CSV_ERROR_SYNTAX, "not implemented"); return NULL; }
KwBoard *kw_csv_import_file (GFile *f, GCancellable *c, GError **e) { g_set_error (e, KW_CSV_ERROR, KW_CSV_ERROR_SYNTAX, "not implemented"); return NULL; }
