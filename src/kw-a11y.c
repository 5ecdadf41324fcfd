/* kw-a11y.c: accessibility fixes the widgets share.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kw-a11y"

#include "config.h"

#include <glib/gi18n.h>

#include "kw-a11y.h"

/* GTK 4.8 gives a button with a mnemonic its raw label ("_Open…") as the
 * accessible label property and also names it by its label child, so a
 * screen reader says "_Open… Open…". Without the property the child's
 * text alone names it; a check button gets the text without the
 * underscore. */
/* "Go at Their _Own Pace" as it is read: "Go at Their Own Pace" ("__"
 * stands for one underscore). */
static char *
strip_mnemonic (const char *label)
{
  GString *text = g_string_new (NULL);

  for (const char *p = label; *p != '\0'; p++)
    {
      if (*p == '_' && p[1] != '\0')
        p++;
      g_string_append_c (text, *p);
    }
  return g_string_free (text, FALSE);
}

static void
drop_raw_label (GtkWidget *button)
{
  g_autofree char *spoken = NULL;

  if (GTK_IS_BUTTON (button))
    {
      gtk_accessible_reset_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL);
      return;
    }
  /* A check button is not named by its label child: without the property
   * it is read as "GtkCheckButton". */
  spoken = strip_mnemonic (gtk_check_button_get_label (GTK_CHECK_BUTTON (button)));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, spoken, -1);
}

static void
button_label_changed_cb (GtkWidget  *button,
                         GParamSpec *pspec,
                         gpointer    user_data)
{
  drop_raw_label (button);
}

static gboolean
has_mnemonic_label (GtkWidget *button)
{
  if (GTK_IS_BUTTON (button))
    return gtk_button_get_use_underline (GTK_BUTTON (button)) && gtk_button_get_label (GTK_BUTTON (button)) != NULL;
  /* A check button is no GtkButton, and has the same trouble. */
  return gtk_check_button_get_use_underline (GTK_CHECK_BUTTON (button))
         && gtk_check_button_get_label (GTK_CHECK_BUTTON (button)) != NULL;
}

static void
name_button_once (GtkWidget *button)
{
  if (!has_mnemonic_label (button))
    return;

  drop_raw_label (button);
  /* GTK sets the property again whenever the label changes. */
  if (g_object_get_data (G_OBJECT (button), "kw-a11y-named") == NULL)
    {
      g_object_set_data (G_OBJECT (button), "kw-a11y-named", GINT_TO_POINTER (TRUE));
      g_signal_connect (button, "notify::label", G_CALLBACK (button_label_changed_cb), NULL);
    }
}

/**
 * kw_a11y_name_buttons_once:
 * @root: a widget
 *
 * Makes every button with a mnemonic under @root (and @root itself) read
 * its label once, also after the label changes.
 */
void
kw_a11y_name_buttons_once (GtkWidget *root)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  if (GTK_IS_BUTTON (root) || GTK_IS_CHECK_BUTTON (root))
    name_button_once (root);

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    kw_a11y_name_buttons_once (child);
}

static void
name_buttons_on_map_cb (GtkWidget *widget,
                        gpointer   user_data)
{
  kw_a11y_name_buttons_once (widget);
}

/**
 * kw_a11y_name_buttons_once_when_shown:
 * @widget: a widget whose buttons are added later, such as an
 *   #AdwMessageDialog and its responses
 *
 * Like kw_a11y_name_buttons_once(), each time @widget is mapped.
 */
void
kw_a11y_name_buttons_once_when_shown (GtkWidget *widget)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  g_signal_connect (widget, "map", G_CALLBACK (name_buttons_on_map_cb), NULL);
}

/* GtkDropDown's own button, the part that takes the focus, has no name in
 * GTK 4.8, so a screen reader says "GtkToggleButton". It gets the
 * drop-down's name and the choice it shows: "Tag: All tags". */
static GtkWidget *
find_drop_down_button (GtkDropDown *dropdown)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (dropdown)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_TOGGLE_BUTTON (child))
        return child;
    }
  return NULL;
}

static void
drop_down_selected_cb (GtkDropDown *dropdown,
                       GParamSpec  *pspec,
                       GtkWidget   *button)
{
  const char *name = g_object_get_data (G_OBJECT (dropdown), "kw-a11y-name");
  gpointer item = gtk_drop_down_get_selected_item (dropdown);
  g_autofree char *label = NULL;

  if (GTK_IS_STRING_OBJECT (item))
    /* Translators: what a screen reader says for a drop-down: its name
     * and the choice it shows, e.g. "Tag: All tags". */
    label = g_strdup_printf (C_("accessible drop-down", "%s: %s"),
                             name, gtk_string_object_get_string (item));
  else
    label = g_strdup (name);

  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

/**
 * kw_a11y_name_drop_down:
 * @dropdown: a #GtkDropDown of #GtkStringObject items
 * @name: what the drop-down chooses, as its label says it ("Tag")
 *
 * Names @dropdown and the button in it after @name and the current choice.
 */
void
kw_a11y_name_drop_down (GtkDropDown *dropdown,
                        const char  *name)
{
  GtkWidget *button;

  g_return_if_fail (GTK_IS_DROP_DOWN (dropdown));
  g_return_if_fail (name != NULL);

  gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  button = find_drop_down_button (dropdown);
  if (button == NULL)
    return;

  g_object_set_data_full (G_OBJECT (dropdown), "kw-a11y-name", g_strdup (name), g_free);
  g_signal_connect_object (dropdown, "notify::selected-item", G_CALLBACK (drop_down_selected_cb), button, 0);
  drop_down_selected_cb (dropdown, NULL, button);
}

/* Announcements
 *
 * GTK 4.8 has no gtk_accessible_announce(). The announcer is a status
 * line with the alert role: each message becomes its accessible name, and
 * GTK sends that change to AT-SPI as the alert's accessible-name changing
 * (GTK 4.8 sends no "showing" change when a widget is shown, so hiding
 * and showing it again would add nothing). Sighted people read the line
 * too. */

#define ANNOUNCER_KEY "kw-a11y-announcer"

static void
announcer_realize_cb (GtkWidget *announcer)
{
  g_object_set_data (G_OBJECT (gtk_widget_get_root (announcer)), ANNOUNCER_KEY, announcer);
}

static void
announcer_unrealize_cb (GtkWidget *announcer)
{
  GtkRoot *root = gtk_widget_get_root (announcer);

  if (root != NULL && g_object_get_data (G_OBJECT (root), ANNOUNCER_KEY) == announcer)
    g_object_set_data (G_OBJECT (root), ANNOUNCER_KEY, NULL);
}

/**
 * kw_a11y_announcer_new:
 *
 * Makes the status line kw_a11y_announce() shows its messages in, for
 * the window it is put in. Empty until the first message (shown all the
 * same: a hidden widget is never realized, and so never found).
 *
 * Returns: (transfer floating): a new widget
 */
GtkWidget *
kw_a11y_announcer_new (void)
{
  GtkWidget *announcer = g_object_new (GTK_TYPE_BOX,
                                       "accessible-role", GTK_ACCESSIBLE_ROLE_ALERT,
                                       NULL);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (announcer, "kw-announcer");
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_add_css_class (label, "caption");
  gtk_box_append (GTK_BOX (announcer), label);

  g_signal_connect (announcer, "realize", G_CALLBACK (announcer_realize_cb), NULL);
  g_signal_connect (announcer, "unrealize", G_CALLBACK (announcer_unrealize_cb), NULL);

  return announcer;
}

/**
 * kw_a11y_announce:
 * @widget: a widget in the window to announce in
 * @message: what to say
 *
 * Shows @message in the window's announcer, the status line whose
 * accessible name screen readers are told about.
 * Without an announcer (none was made for the window) only the debug log
 * has it.
 */
void
kw_a11y_announce (GtkWidget  *widget,
                  const char *message)
{
  GtkRoot *root;
  GtkWidget *announcer;
  GtkWidget *label;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (message != NULL);

  g_debug ("Announcing: %s", message);

  root = gtk_widget_get_root (widget);
  announcer = root != NULL ? g_object_get_data (G_OBJECT (root), ANNOUNCER_KEY) : NULL;
  if (announcer == NULL)
    return;

  label = gtk_widget_get_first_child (announcer);
  gtk_label_set_text (GTK_LABEL (label), message);
  gtk_accessible_update_property (GTK_ACCESSIBLE (announcer), GTK_ACCESSIBLE_PROPERTY_LABEL, message, -1);
}
