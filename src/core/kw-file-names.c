/* kw-file-names.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kw-file-names"

#include "config.h"

#include "kw-file-names.h"

/* From the basename, not the parse name: on a network share the parse
 * name is a URI, "werkbord%20maart.kwadrant" for "werkbord maart". */
char *
kw_file_dup_display_name (GFile *file)
{
  g_autofree char *basename = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  basename = g_file_get_basename (file);
  if (basename == NULL)
    return g_file_get_parse_name (file);

  return g_filename_display_name (basename);
}

char *
kw_file_dup_location_name (GFile *file)
{
  g_autofree char *parse_name = NULL;
  g_autofree char *unescaped = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  parse_name = g_file_get_parse_name (file);
  if (g_file_is_native (file))
    return g_steal_pointer (&parse_name);

  unescaped = g_uri_unescape_string (parse_name, NULL);
  if (unescaped == NULL)
    return g_steal_pointer (&parse_name);

  return g_utf8_make_valid (unescaped, -1);
}

char *
kw_file_dup_folder_name (GFile *file)
{
  g_autoptr(GFile) parent = NULL;
  g_autoptr(GFile) home = NULL;
  g_autofree char *relative = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  parent = g_file_get_parent (file);
  if (parent == NULL)
    return kw_file_dup_location_name (file);

  home = g_file_new_for_path (g_get_home_dir ());
  if (g_file_equal (parent, home))
    return g_strdup ("~");

  relative = g_file_get_relative_path (home, parent);
  if (relative != NULL)
    {
      g_autofree char *display = g_filename_display_name (relative);

      return g_build_filename ("~", display, NULL);
    }

  return kw_file_dup_location_name (parent);
}

gboolean
kw_file_has_suffix (GFile      *file,
                    const char *suffix)
{
  g_autofree char *basename = NULL;
  g_autofree char *folded = NULL;
  g_autofree char *folded_suffix = NULL;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (suffix != NULL, FALSE);

  basename = g_file_get_basename (file);
  if (basename == NULL)
    return FALSE;

  folded = g_ascii_strdown (basename, -1);
  folded_suffix = g_ascii_strdown (suffix, -1);

  return g_str_has_suffix (folded, folded_suffix);
}

/* File choosers add no extension: a name typed without one gets the
 * format's, so the file opens in the right program. */
GFile *
kw_file_ensure_suffix (GFile      *file,
                       const char *suffix)
{
  g_autofree char *basename = NULL;
  g_autofree char *with_suffix = NULL;
  g_autoptr(GFile) parent = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (suffix != NULL, NULL);

  basename = g_file_get_basename (file);
  if (basename == NULL || kw_file_has_suffix (file, suffix) || (parent = g_file_get_parent (file)) == NULL)
    return g_object_ref (file);

  with_suffix = g_strconcat (basename, suffix, NULL);

  return g_file_get_child (parent, with_suffix);
}
