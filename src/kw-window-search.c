/* kw-window-search.c: the search bar: the text and the tag the findings
 * are filtered by (a KwFindingFilter), and the list of the board's tags
 * to choose from.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kw-window-search"

#include "config.h"

#include <glib/gi18n.h>

#include "kw-plan-item.h"
#include "kw-window-private.h"

/* The outcome lists: every heading, the findings that match; the
 * summary and the unplaced findings have their own places. */
static gboolean
lists_filter_match_cb (gpointer item,
                       gpointer user_data)
{
  KwPlanItem *plan_item = item;

  switch (kw_plan_item_get_kind (plan_item))
    {
    case KW_PLAN_ITEM_SUMMARY:
      return FALSE;
    case KW_PLAN_ITEM_FINDING:
      return kw_plan_item_get_outcome (plan_item) != KW_OUTCOME_UNPLACED &&
             kw_finding_filter_matches (user_data, kw_plan_item_get_finding (plan_item));
    case KW_PLAN_ITEM_GROUP:
    case KW_PLAN_ITEM_EMPTY:
    default:
      return kw_plan_item_get_outcome (plan_item) != KW_OUTCOME_UNPLACED;
    }
}

static gboolean
tray_filter_match_cb (gpointer item,
                      gpointer user_data)
{
  KwPlanItem *plan_item = item;

  return kw_plan_item_get_kind (plan_item) == KW_PLAN_ITEM_FINDING &&
         kw_plan_item_get_outcome (plan_item) == KW_OUTCOME_UNPLACED &&
         kw_finding_filter_matches (user_data, kw_plan_item_get_finding (plan_item));
}

/* The lists and the tray follow the search and tag too. */
static void
filter_changed_cb (KwWindow        *self,
                   GtkFilterChange  change,
                   GtkFilter       *filter)
{
  gtk_filter_changed (self->lists_filter, GTK_FILTER_CHANGE_DIFFERENT);
  gtk_filter_changed (self->tray_filter, GTK_FILTER_CHANGE_DIFFERENT);
}

void
kw_window_search_changed_cb (KwWindow       *self,
                   GtkSearchEntry *entry)
{
  kw_finding_filter_set_search (self->filter, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

void
kw_window_stop_search_cb (KwWindow       *self,
                GtkSearchEntry *entry)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  gtk_drop_down_set_selected (self->tag_dropdown, 0);
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (self->matrix));
}

void
kw_window_tag_selected_cb (KwWindow    *self,
                 GParamSpec  *pspec,
                 GtkDropDown *dropdown)
{
  guint selected = gtk_drop_down_get_selected (dropdown);
  const char *tag = NULL;

  if (self->updating_tags)
    return;

  /* The first entry is "All tags". */
  if (selected != GTK_INVALID_LIST_POSITION && selected > 0)
    tag = gtk_string_list_get_string (self->tags, selected);

  kw_finding_filter_set_tag (self->filter, tag);
}

static int
compare_tags (gconstpointer a,
              gconstpointer b)
{
  return g_utf8_collate (*(const char * const *) a, *(const char * const *) b);
}

static GPtrArray *
collect_board_tags (KwBoard *board)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *tags = g_ptr_array_new ();

  for (guint i = 0; i < kw_board_get_n_findings (board); i++)
    {
      const char * const *finding_tags = kw_finding_get_tags (kw_board_get_finding (board, i));

      for (guint j = 0; finding_tags != NULL && finding_tags[j] != NULL; j++)
        {
          if (g_hash_table_add (seen, (gpointer) finding_tags[j]))
            g_ptr_array_add (tags, (gpointer) finding_tags[j]);
        }
    }

  g_ptr_array_sort (tags, compare_tags);
  return tags;
}

static gboolean
tags_unchanged (GtkStringList *list,
                GPtrArray     *tags)
{
  if (g_list_model_get_n_items (G_LIST_MODEL (list)) != tags->len + 1)
    return FALSE;

  for (guint i = 0; i < tags->len; i++)
    {
      if (g_strcmp0 (gtk_string_list_get_string (list, i + 1), tags->pdata[i]) != 0)
        return FALSE;
    }

  return TRUE;
}

static gboolean
update_tags_cb (gpointer user_data)
{
  KwWindow *self = user_data;
  g_autoptr(GPtrArray) tags = collect_board_tags (kw_window_board (self));
  const char *chosen = kw_finding_filter_get_tag (self->filter);
  guint selected = 0;

  self->tags_idle_id = 0;

  if (tags_unchanged (self->tags, tags))
    return G_SOURCE_REMOVE;

  self->updating_tags = TRUE;
  g_ptr_array_insert (tags, 0, (gpointer) _("All tags"));
  g_ptr_array_add (tags, NULL);
  gtk_string_list_splice (self->tags, 0, g_list_model_get_n_items (G_LIST_MODEL (self->tags)),
                          (const char * const *) tags->pdata);

  /* The chosen tag stays chosen while any finding still has it. */
  for (guint i = 1; chosen != NULL && i < tags->len - 1; i++)
    {
      if (g_str_equal (tags->pdata[i], chosen))
        selected = i;
    }
  gtk_drop_down_set_selected (self->tag_dropdown, selected);
  self->updating_tags = FALSE;

  if (selected == 0)
    kw_finding_filter_set_tag (self->filter, NULL);

  return G_SOURCE_REMOVE;
}

/* A drag changes the board every frame; the tags are gathered once it
 * is quiet. */
void
kw_window_queue_update_tags (KwWindow *self)
{
  if (self->tags_idle_id == 0 && self->tags != NULL && !gtk_widget_in_destruction (GTK_WIDGET (self)))
    self->tags_idle_id = g_idle_add_full (G_PRIORITY_LOW, update_tags_cb, self, NULL);
}

void
kw_window_update_tags_now (KwWindow *self)
{
  g_clear_handle_id (&self->tags_idle_id, g_source_remove);
  update_tags_cb (self);
}

/* The filter the matrix dims by, and the two the lists and the tray
 * follow, and the tags to choose from. */
void
kw_window_setup_search (KwWindow *self)
{
  self->filter = kw_finding_filter_new ();
  self->lists_filter = GTK_FILTER (gtk_custom_filter_new (lists_filter_match_cb, self->filter, NULL));
  self->tray_filter = GTK_FILTER (gtk_custom_filter_new (tray_filter_match_cb, self->filter, NULL));
  g_signal_connect_object (self->filter, "changed", G_CALLBACK (filter_changed_cb), self, G_CONNECT_SWAPPED);

  self->tags = gtk_string_list_new (NULL);
  gtk_drop_down_set_model (self->tag_dropdown, G_LIST_MODEL (self->tags));
}
