/* kw-discuss-list.c: "Discuss first": the findings ranked by how far
 * apart the room's estimates lie (KwEstimateSummary.disagreement), what
 * the room talks about next. Each row says, in words a projector audience
 * reads, how many estimates there are, the group's median and the spread.
 * It follows the board in an idle, once per burst of changes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kw-discuss-list"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "kw-discuss-list.h"
#include "kw-estimates-text.h"

struct _KwDiscussList
{
  GtkWidget   parent_instance;

  /* Template children */
  GtkStack   *stack;
  GtkListBox *list;

  KwBoard    *board;
  guint       update_id;
};

G_DEFINE_FINAL_TYPE (KwDiscussList, kw_discuss_list, GTK_TYPE_WIDGET)

enum {
  SIGNAL_FINDING_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

#define FINDING_KEY "kw-finding"

typedef struct
{
  KwFinding *finding;
  guint      position;
  double     disagreement;
} Ranked;

static int
compare_ranked (gconstpointer a,
                gconstpointer b)
{
  const Ranked *x = a;
  const Ranked *y = b;

  if (x->disagreement != y->disagreement)
    return x->disagreement > y->disagreement ? -1 : 1;
  return x->position < y->position ? -1 : x->position > y->position;
}

GPtrArray *
kw_discuss_rank_findings (KwBoard *board)
{
  g_autoptr(GArray) ranked = g_array_new (FALSE, FALSE, sizeof (Ranked));
  GPtrArray *findings = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_val_if_fail (KW_IS_BOARD (board), findings);

  for (guint i = 0; i < kw_board_get_n_findings (board); i++)
    {
      KwFinding *finding = kw_board_get_finding (board, i);
      KwEstimateSummary summary;

      if (!kw_finding_summarize_estimates (finding, &summary) || summary.n_known < 2)
        continue;
      g_array_append_val (ranked, ((Ranked) { finding, i, summary.disagreement }));
    }

  g_array_sort (ranked, compare_ranked);
  for (guint i = 0; i < ranked->len; i++)
    g_ptr_array_add (findings, g_object_ref (g_array_index (ranked, Ranked, i).finding));

  return findings;
}

/* How far apart, in a word the back of the room reads. */
static const char *
describe_disagreement (double disagreement)
{
  if (disagreement >= 4)
    return C_("disagreement", "Far apart");
  if (disagreement >= 2)
    return C_("disagreement", "Apart");
  if (disagreement > 0)
    return C_("disagreement", "Close");
  return C_("disagreement", "Agreed");
}

static GtkWidget *
create_row (KwDiscussList *self,
            KwFinding     *finding,
            guint          rank)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *level;
  KwEstimateSummary summary;
  guint position = 0;
  g_autofree char *title = NULL;
  g_autofree char *summary_words = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *accessible = NULL;

  kw_finding_summarize_estimates (finding, &summary);
  kw_board_find_position (self->board, finding, &position);
  summary_words = kw_estimates_describe_summary (&summary);

  /* Translators: a finding in the Discuss first list: its number, its title. */
  title = g_strdup_printf (_("%u. %s"), position + 1, kw_finding_get_title (finding));
  /* Translators: how many estimates a finding has, then what they say. */
  subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u estimate · %s", "%u estimates · %s",
                                           summary.n_estimates),
                              summary.n_estimates, summary_words);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);

  level = gtk_label_new (describe_disagreement (summary.disagreement));
  gtk_widget_add_css_class (level, "kw-discuss-level");
  gtk_widget_set_valign (level, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), level);

  /* Translators: a row of the Discuss first list read out: its rank, the
   * finding, how far apart, the estimates. */
  accessible = g_strdup_printf (_("%u: %s. %s. %s"), rank, title, describe_disagreement (summary.disagreement),
                                subtitle);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  /* The row's title would be read after the label a second time. */
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_RELATION_LABELLED_BY);

  g_object_set_data_full (G_OBJECT (row), FINDING_KEY, g_object_ref (finding), g_object_unref);
  return row;
}

static void
update_now (KwDiscussList *self)
{
  g_autoptr(GPtrArray) findings = NULL;
  GtkWidget *child;

  g_clear_handle_id (&self->update_id, g_source_remove);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);

  findings = self->board != NULL ? kw_discuss_rank_findings (self->board) : g_ptr_array_new ();
  for (guint i = 0; i < findings->len; i++)
    gtk_list_box_append (self->list, create_row (self, findings->pdata[i], i + 1));

  gtk_stack_set_visible_child_name (self->stack, findings->len > 0 ? "list" : "empty");
}

static gboolean
update_idle_cb (gpointer data)
{
  KwDiscussList *self = data;

  self->update_id = 0;
  update_now (self);
  return G_SOURCE_REMOVE;
}

static void
board_changed_cb (KwDiscussList *self)
{
  if (self->update_id == 0)
    self->update_id = g_idle_add (update_idle_cb, self);
}

static void
row_activated_cb (KwDiscussList *self,
                  GtkListBoxRow *row)
{
  KwFinding *finding = g_object_get_data (G_OBJECT (row), FINDING_KEY);

  if (finding != NULL)
    g_signal_emit (self, signals[SIGNAL_FINDING_ACTIVATED], 0, finding);
}

KwBoard *
kw_discuss_list_get_board (KwDiscussList *self)
{
  g_return_val_if_fail (KW_IS_DISCUSS_LIST (self), NULL);

  return self->board;
}

void
kw_discuss_list_set_board (KwDiscussList *self,
                           KwBoard       *board)
{
  g_return_if_fail (KW_IS_DISCUSS_LIST (self));

  if (self->board == board)
    return;

  if (self->board != NULL)
    g_signal_handlers_disconnect_by_data (self->board, self);
  g_set_object (&self->board, board);
  if (board != NULL)
    g_signal_connect_object (board, "changed", G_CALLBACK (board_changed_cb), self, G_CONNECT_SWAPPED);

  update_now (self);
}

GPtrArray *
kw_discuss_list_dup_findings (KwDiscussList *self)
{
  GPtrArray *findings = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_val_if_fail (KW_IS_DISCUSS_LIST (self), findings);

  if (self->update_id != 0)
    update_now (self);

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      KwFinding *finding = g_object_get_data (G_OBJECT (row), FINDING_KEY);

      if (finding != NULL)
        g_ptr_array_add (findings, g_object_ref (finding));
    }

  return findings;
}

GtkListBox *
kw_discuss_list_get_list (KwDiscussList *self)
{
  g_return_val_if_fail (KW_IS_DISCUSS_LIST (self), NULL);

  return self->list;
}

static void
kw_discuss_list_dispose (GObject *object)
{
  KwDiscussList *self = KW_DISCUSS_LIST (object);

  g_clear_handle_id (&self->update_id, g_source_remove);
  if (self->board != NULL)
    g_signal_handlers_disconnect_by_data (self->board, self);
  g_clear_object (&self->board);
  gtk_widget_dispose_template (GTK_WIDGET (self), KW_TYPE_DISCUSS_LIST);

  G_OBJECT_CLASS (kw_discuss_list_parent_class)->dispose (object);
}

static void
kw_discuss_list_class_init (KwDiscussListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kw_discuss_list_dispose;

  signals[SIGNAL_FINDING_ACTIVATED] =
    g_signal_new ("finding-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, KW_TYPE_FINDING);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/kwadrant/Kwadrant/kw-discuss-list.ui");
  gtk_widget_class_bind_template_child (widget_class, KwDiscussList, stack);
  gtk_widget_class_bind_template_child (widget_class, KwDiscussList, list);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_set_css_name (widget_class, "kw-discuss-list");
}

static void
kw_discuss_list_init (KwDiscussList *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  update_now (self);
}

KwDiscussList *
kw_discuss_list_new (void)
{
  return g_object_new (KW_TYPE_DISCUSS_LIST, NULL);
}
