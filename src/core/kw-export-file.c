/* kw-export-file.c: one export, from the board to a file.
 *
 * The board is read in the main thread only. The export's language is
 * pushed where its text is made (kw_plan_language_push() switches the
 * calling thread only, so the window's own strings stay in its language).
 * The text formats are built in memory; for the PNG and the PDF, whose
 * drawing takes seconds on a large board, the main thread copies what
 * they show, translated (a KwMatrixScene, a KwPlanPages), and a worker
 * thread draws that copy. GIO writes every result as a whole, so a failed
 * or cancelled export never leaves half a file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kw-export-file"

#include "config.h"

#include "kw-export-csv.h"
#include "kw-export-file.h"
#include "kw-export-html.h"
#include "kw-export-ics.h"
#include "kw-export-svg.h"
#include "kw-export-xlsx.h"
#include "kw-matrix-render.h"
#include "kw-plan-text.h"

/* One export: the file to write, and for a drawing what the worker thread
 * draws, copied from the board: it never touches the board itself. */
typedef struct
{
  GFile          *file;
  KwMatrixScene  *scene;  /* PNG */
  int             width;
  int             height;
  KwPlanPages    *pages;  /* PDF */
  KwPaper         paper;
} ExportJob;

static void
export_job_free (gpointer data)
{
  ExportJob *job = data;

  g_clear_object (&job->file);
  g_clear_pointer (&job->scene, kw_matrix_scene_free);
  g_clear_pointer (&job->pages, kw_plan_pages_free);
  g_free (job);
}

static void
write_finished_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  if (g_file_replace_contents_finish (G_FILE (object), result, NULL, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

/* The text formats, in memory; NULL for the formats written directly. */
static GBytes *
build_bytes (KwBoard                    *board,
             const KwExportFileOptions  *options,
             GError                    **error)
{
  const char *lang = options->lang;

  switch (options->format)
    {
    case KW_EXPORT_FORMAT_HTML:
      {
        KwExportHtmlOptions html = { lang, NULL, options->since };

        return kw_export_html_bytes (board, &html, error);
      }

    case KW_EXPORT_FORMAT_CSV:
      {
        KwExportCsvOptions csv = { lang, options->separator, options->bom };

        return kw_export_csv_bytes (board, &csv, error);
      }

    case KW_EXPORT_FORMAT_XLSX:
      return kw_export_xlsx_bytes (board, lang, error);

    case KW_EXPORT_FORMAT_ICS:
      {
        KwExportIcsOptions ics = { lang, NULL };

        return kw_export_ics_bytes (board, &ics, error);
      }

    case KW_EXPORT_FORMAT_SVG:
      return kw_export_svg_bytes (board, lang, options->width, options->height, error);

    case KW_EXPORT_FORMAT_PDF:
    case KW_EXPORT_FORMAT_PNG:
    default:
      return NULL;
    }
}

/* In the worker thread: only the job's own copies are read. */
static void
draw_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  ExportJob *job = task_data;
  g_autoptr(GError) error = NULL;
  GBytes *bytes;

  if (job->pages != NULL)
    bytes = kw_plan_pages_render_pdf (job->pages, job->paper, cancellable, &error);
  else
    bytes = kw_matrix_scene_render_png (job->scene, job->width, job->height, &error);

  if (bytes == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, bytes, (GDestroyNotify) g_bytes_unref);
}

static void
write_bytes (GTask  *task,
             GBytes *bytes)
{
  ExportJob *job = g_task_get_task_data (task);
  GCancellable *cancellable = g_task_get_cancellable (task);

  /* Replaced as a whole: a failed write never leaves half a file. */
  g_file_replace_contents_bytes_async (job->file, bytes, NULL, FALSE, G_FILE_CREATE_NONE,
                                       cancellable, write_finished_cb, task);
}

static void
drawn_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  bytes = g_task_propagate_pointer (G_TASK (result), &error);
  if (bytes == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  write_bytes (g_steal_pointer (&task), bytes);
}

/* In the main thread, in the export's language: what the worker draws. */
static void
prepare_drawing (KwBoard                   *board,
                 const KwExportFileOptions *options,
                 ExportJob                 *job)
{
  if (options->format == KW_EXPORT_FORMAT_PDF)
    {
      job->pages = kw_plan_pages_new (board, options->lang, NULL, options->since);
      job->paper = options->paper;
    }
  else
    {
      job->scene = kw_matrix_scene_new_for_board (board, options->lang);
      job->width = options->width;
      job->height = options->height;
    }
}

static void
draw_and_write (KwBoard                   *board,
                const KwExportFileOptions *options,
                GTask                     *task)
{
  g_autoptr(GTask) drawing = NULL;
  ExportJob *drawing_job = g_new0 (ExportJob, 1);

  prepare_drawing (board, options, drawing_job);

  /* A task of its own, holding the copies: when the export is cancelled
   * (its dialog closed), the export task returns at once, cancelled, and
   * the worker stops at the next page (PDF) or when the image is drawn
   * (PNG). */
  drawing = g_task_new (g_task_get_source_object (task), g_task_get_cancellable (task), drawn_cb, task);
  g_task_set_source_tag (drawing, draw_and_write);
  g_task_set_task_data (drawing, drawing_job, export_job_free);
  g_task_run_in_thread (drawing, draw_in_thread);
}

void
kw_export_file_async (KwBoard                   *board,
                      const KwExportFileOptions *options,
                      GFile                     *file,
                      gpointer                   source_object,
                      GCancellable              *cancellable,
                      GAsyncReadyCallback        callback,
                      gpointer                   user_data)
{
  ExportJob *job;
  g_autoptr(GTask) task = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (KW_IS_BOARD (board));
  g_return_if_fail (options != NULL);
  g_return_if_fail (G_IS_FILE (file));

  job = g_new0 (ExportJob, 1);
  job->file = g_object_ref (file);
  task = g_task_new (source_object, cancellable, callback, user_data);
  g_task_set_source_tag (task, kw_export_file_async);
  g_task_set_task_data (task, job, export_job_free);

  /* A plan asked for in Dutch is never written in English because the
   * Dutch catalogue could not be read: say so, and write nothing. */
  if (!kw_plan_language_load (options->lang, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (options->format == KW_EXPORT_FORMAT_PNG || options->format == KW_EXPORT_FORMAT_PDF)
    {
      draw_and_write (board, options, g_steal_pointer (&task));
      return;
    }

  bytes = build_bytes (board, options, &error);
  if (bytes == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  write_bytes (g_steal_pointer (&task), bytes);
}

/* The synchronous exports' last step: bytes made in memory first, so a
 * failure never leaves half a file behind, then the file replaced. */
gboolean
kw_export_file_write_bytes (GFile   *file,
                            GBytes  *bytes,
                            GError **error)
{
  return g_file_replace_contents (file, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                  NULL, FALSE, G_FILE_CREATE_NONE, NULL, NULL, error);
}

gboolean
kw_export_file_finish (GAsyncResult  *result,
                       GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == kw_export_file_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
