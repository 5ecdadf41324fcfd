/* kw-file-names.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kw-file-names"

#include "config.h"

#include <string.h>

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

/* The length of name's first length bytes without a trailing suffix
 * (ASCII case ignored), or length when they do not end in it. */
static gsize
strip_suffix (const char *name,
              gsize       length,
              const char *suffix)
{
  gsize suffix_length = strlen (suffix);

  if (suffix_length == 0 || length < suffix_length ||
      g_ascii_strncasecmp (name + length - suffix_length, suffix, suffix_length) != 0)
    return length;

  return length - suffix_length;
}

/* File choosers add no extension: a name typed without one gets the
 * format's, so the file opens in the right program. GTK's chooser selects
 * a suggested "Untitled board.kwadrant" only up to the extension, so
 * typing "workshop.kwadrant" over it gives "workshop.kwadrant.kwadrant":
 * a repeated suffix counts once. */
GFile *
kw_file_ensure_suffix (GFile      *file,
                       const char *suffix)
{
  g_autofree char *basename = NULL;
  g_autofree char *with_suffix = NULL;
  g_autoptr(GFile) parent = NULL;
  gsize length;
  gsize stem_length;
  gsize shorter;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (suffix != NULL, NULL);

  basename = g_file_get_basename (file);
  if (basename == NULL || *suffix == '\0' || (parent = g_file_get_parent (file)) == NULL)
    return g_object_ref (file);

  length = strlen (basename);
  stem_length = length;
  while ((shorter = strip_suffix (basename, stem_length, suffix)) != stem_length)
    stem_length = shorter;

  /* Ends in it once, as typed ("Matrix.SVG" stays). */
  if (stem_length + strlen (suffix) == length)
    return g_object_ref (file);

  basename[stem_length] = '\0';
  with_suffix = g_strconcat (basename, suffix, NULL);

  return g_file_get_child (parent, with_suffix);
}

char *
kw_file_dup_display_stem (GFile      *file,
                          const char *suffix)
{
  g_autofree char *name = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (suffix != NULL, NULL);

  name = kw_file_dup_display_name (file);
  name[strip_suffix (name, strlen (name), suffix)] = '\0';

  return g_steal_pointer (&name);
}
