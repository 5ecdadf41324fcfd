/* kw-qr-view.c: see kw-qr-view.h.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kw-qr-view"

#include "config.h"

#include <glib/gi18n.h>

#include "kw-qr-view.h"

/* Phones read a code of this size from arm's length on a laptop; on a
 * projector it grows to MAX_SIZE, for the back of the room, as its space
 * allows. */
#define MIN_SIZE 160
#define MAX_SIZE 400

struct _KwQrView
{
  GtkWidget  parent_instance;

  KwQrCode  *code;
};

G_DEFINE_FINAL_TYPE (KwQrView, kw_qr_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CODE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
kw_qr_view_measure (GtkWidget      *widget,
                    GtkOrientation  orientation,
                    int             for_size,
                    int            *minimum,
                    int            *natural,
                    int            *minimum_baseline,
                    int            *natural_baseline)
{
  /* Square: as tall as it is given width, and the other way round. */
  *minimum = MIN_SIZE;
  *natural = CLAMP (for_size, MIN_SIZE, MAX_SIZE);
}

static GtkSizeRequestMode
kw_qr_view_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
kw_qr_view_snapshot (GtkWidget   *widget,
                     GtkSnapshot *snapshot)
{
  KwQrView *self = KW_QR_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  int size = MIN (width, height);
  double x = (width - size) / 2.0;
  cairo_t *cr;

  if (self->code == NULL || size <= 0)
    return;

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  kw_qr_code_draw (self->code, cr, x, 0, size);
  cairo_destroy (cr);
}

KwQrCode *
kw_qr_view_get_code (KwQrView *self)
{
  g_return_val_if_fail (KW_IS_QR_VIEW (self), NULL);
  return self->code;
}

void
kw_qr_view_set_code (KwQrView *self,
                     KwQrCode *code)
{
  g_autofree char *label = NULL;

  g_return_if_fail (KW_IS_QR_VIEW (self));

  if (!g_set_object (&self->code, code))
    return;

  /* Translators: what a screen reader says of the QR code; %s is the
   * address it holds. */
  label = code != NULL ? g_strdup_printf (_("QR code of %s"), kw_qr_code_get_text (code)) : NULL;
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CODE]);
}

static void
kw_qr_view_dispose (GObject *object)
{
  KwQrView *self = KW_QR_VIEW (object);

  g_clear_object (&self->code);

  G_OBJECT_CLASS (kw_qr_view_parent_class)->dispose (object);
}

static void
kw_qr_view_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  KwQrView *self = KW_QR_VIEW (object);

  switch (prop_id)
    {
    case PROP_CODE:
      g_value_set_object (value, self->code);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kw_qr_view_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  KwQrView *self = KW_QR_VIEW (object);

  switch (prop_id)
    {
    case PROP_CODE:
      kw_qr_view_set_code (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kw_qr_view_class_init (KwQrViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kw_qr_view_dispose;
  object_class->get_property = kw_qr_view_get_property;
  object_class->set_property = kw_qr_view_set_property;
  widget_class->measure = kw_qr_view_measure;
  widget_class->get_request_mode = kw_qr_view_get_request_mode;
  widget_class->snapshot = kw_qr_view_snapshot;

  properties[PROP_CODE] =
    g_param_spec_object ("code", NULL, NULL, KW_TYPE_QR_CODE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "kw-qr-view");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
kw_qr_view_init (KwQrView *self)
{
}

GtkWidget *
kw_qr_view_new (void)
{
  return g_object_new (KW_TYPE_QR_VIEW, NULL);
}
