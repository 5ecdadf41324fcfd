/* kw-finding-filter.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kw-finding-filter"

#include "config.h"

#include <string.h>

#include "kw-finding-filter.h"

struct _KwFindingFilter
{
  GtkFilter  parent_instance;

  char      *search;      /* as typed, stripped; NULL for none */
  char      *search_key;  /* casefolded */
  char      *tag;         /* NULL for all tags */
};

G_DEFINE_FINAL_TYPE (KwFindingFilter, kw_finding_filter, GTK_TYPE_FILTER)

enum {
  PROP_0,
  PROP_SEARCH,
  PROP_TAG,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
text_matches (const char *text,
              const char *key)
{
  g_autofree char *folded = NULL;

  if (text == NULL || *text == '\0')
    return FALSE;

  folded = g_utf8_casefold (text, -1);
  return strstr (folded, key) != NULL;
}

static gboolean
search_matches (KwFindingFilter *self,
                KwFinding       *finding)
{
  static const KwFindingText searched[] = {
    KW_FINDING_TEXT_TITLE,
    KW_FINDING_TEXT_DESCRIPTION,
    KW_FINDING_TEXT_OWNER,
    KW_FINDING_TEXT_SOURCE,
  };
  const char * const *tags = kw_finding_get_tags (finding);

  for (guint i = 0; i < G_N_ELEMENTS (searched); i++)
    {
      if (text_matches (kw_finding_get_text (finding, searched[i]), self->search_key))
        return TRUE;
    }

  for (guint i = 0; tags != NULL && tags[i] != NULL; i++)
    {
      if (text_matches (tags[i], self->search_key))
        return TRUE;
    }

  return FALSE;
}

gboolean
kw_finding_filter_matches (KwFindingFilter *self,
                           KwFinding       *finding)
{
  g_return_val_if_fail (KW_IS_FINDING_FILTER (self), FALSE);
  g_return_val_if_fail (KW_IS_FINDING (finding), FALSE);

  if (self->tag != NULL && !kw_finding_has_tag (finding, self->tag))
    return FALSE;

  return self->search_key == NULL || search_matches (self, finding);
}

static gboolean
kw_finding_filter_match (GtkFilter *filter,
                         gpointer   item)
{
  return KW_IS_FINDING (item) && kw_finding_filter_matches (KW_FINDING_FILTER (filter), item);
}

static GtkFilterMatch
kw_finding_filter_get_strictness (GtkFilter *filter)
{
  KwFindingFilter *self = KW_FINDING_FILTER (filter);

  return self->search_key == NULL && self->tag == NULL ? GTK_FILTER_MATCH_ALL : GTK_FILTER_MATCH_SOME;
}

static void
kw_finding_filter_finalize (GObject *object)
{
  KwFindingFilter *self = KW_FINDING_FILTER (object);

  g_clear_pointer (&self->search, g_free);
  g_clear_pointer (&self->search_key, g_free);
  g_clear_pointer (&self->tag, g_free);

  G_OBJECT_CLASS (kw_finding_filter_parent_class)->finalize (object);
}

static void
kw_finding_filter_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  KwFindingFilter *self = KW_FINDING_FILTER (object);

  switch (prop_id)
    {
    case PROP_SEARCH:
      g_value_set_string (value, self->search);
      break;

    case PROP_TAG:
      g_value_set_string (value, self->tag);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kw_finding_filter_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  KwFindingFilter *self = KW_FINDING_FILTER (object);

  switch (prop_id)
    {
    case PROP_SEARCH:
      kw_finding_filter_set_search (self, g_value_get_string (value));
      break;

    case PROP_TAG:
      kw_finding_filter_set_tag (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kw_finding_filter_class_init (KwFindingFilterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkFilterClass *filter_class = GTK_FILTER_CLASS (klass);

  object_class->finalize = kw_finding_filter_finalize;
  object_class->get_property = kw_finding_filter_get_property;
  object_class->set_property = kw_finding_filter_set_property;

  filter_class->match = kw_finding_filter_match;
  filter_class->get_strictness = kw_finding_filter_get_strictness;

  properties[PROP_SEARCH] =
    g_param_spec_string ("search", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TAG] =
    g_param_spec_string ("tag", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kw_finding_filter_init (KwFindingFilter *self)
{
}

KwFindingFilter *
kw_finding_filter_new (void)
{
  return g_object_new (KW_TYPE_FINDING_FILTER, NULL);
}

const char *
kw_finding_filter_get_search (KwFindingFilter *self)
{
  g_return_val_if_fail (KW_IS_FINDING_FILTER (self), NULL);

  return self->search;
}

void
kw_finding_filter_set_search (KwFindingFilter *self,
                              const char      *search)
{
  g_autofree char *stripped = NULL;

  g_return_if_fail (KW_IS_FINDING_FILTER (self));

  /* Spaces around the text find nothing more. */
  stripped = g_strstrip (g_strdup (search != NULL ? search : ""));
  if (*stripped == '\0')
    g_clear_pointer (&stripped, g_free);

  if (g_strcmp0 (self->search, stripped) == 0)
    return;

  g_free (self->search);
  g_free (self->search_key);
  self->search = g_steal_pointer (&stripped);
  self->search_key = self->search != NULL ? g_utf8_casefold (self->search, -1) : NULL;

  gtk_filter_changed (GTK_FILTER (self), GTK_FILTER_CHANGE_DIFFERENT);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCH]);
}

const char *
kw_finding_filter_get_tag (KwFindingFilter *self)
{
  g_return_val_if_fail (KW_IS_FINDING_FILTER (self), NULL);

  return self->tag;
}

void
kw_finding_filter_set_tag (KwFindingFilter *self,
                           const char      *tag)
{
  g_return_if_fail (KW_IS_FINDING_FILTER (self));

  if (g_strcmp0 (self->tag, tag) == 0)
    return;

  g_free (self->tag);
  self->tag = g_strdup (tag);

  gtk_filter_changed (GTK_FILTER (self), GTK_FILTER_CHANGE_DIFFERENT);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TAG]);
}
