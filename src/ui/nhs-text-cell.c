/* nhs-text-cell.c: one line of plain text in a list cell
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What GtkInscription does for the event list, cheaper where GTK 4.8 makes
 * it count. The list's 200 rows hold 1,200 text cells; each new
 * GtkInscription asks Pango for its font's metrics when measured, which
 * shapes a sample text, once per widget: a large share of the first frame
 * showing a large dataset (docs/benchmarks.md). A text cell measures in characters of its font, and the
 * metrics of each font are kept for every cell that uses it. The text is
 * plain (never markup), one line, ellipsized at the end, and laid out
 * only when drawn.
 */
#define G_LOG_DOMAIN "nhs-text-cell"

#include "config.h"

#include <glib/gi18n.h>

#include <pango/pangocairo.h>

#include "nhs-text-cell-private.h"

struct _NhsTextCell
{
  GtkWidget parent_instance;

  char *text;
  float xalign;
  guint min_chars;
  guint nat_chars;
  gboolean numeric;
  PangoLayout *layout;  /* made when first drawn, dropped when the font changes */
  PangoFontDescription *font;  /* the font the layout was made with */
};

G_DEFINE_FINAL_TYPE (NhsTextCell, nhs_text_cell, GTK_TYPE_WIDGET)

typedef struct
{
  double resolution;  /* dots per inch they were measured at */
  int char_width;     /* Pango units */
  int line_height;    /* pixels */
} Metrics;

/* font description → Metrics, for every cell: a font's metrics do not
 * change, and a list uses one or two fonts */
static GHashTable *metrics_cache;

static const Metrics *
get_metrics (NhsTextCell *self)
{
  PangoContext *context = gtk_widget_get_pango_context (GTK_WIDGET (self));
  const PangoFontDescription *font = pango_context_get_font_description (context);
  Metrics *metrics;

  if (metrics_cache == NULL)
    metrics_cache = g_hash_table_new_full ((GHashFunc) pango_font_description_hash,
                                           (GEqualFunc) pango_font_description_equal,
                                           (GDestroyNotify) pango_font_description_free, g_free);
  metrics = g_hash_table_lookup (metrics_cache, font);
  /* the same font at another resolution (the display's settings changed)
   * is measured again */
  if (metrics == NULL || metrics->resolution != pango_cairo_context_get_resolution (context))
    {
      PangoFontMetrics *m = pango_context_get_metrics (context, font, NULL);

      metrics = g_new (Metrics, 1);
      metrics->resolution = pango_cairo_context_get_resolution (context);
      metrics->char_width = MAX (pango_font_metrics_get_approximate_char_width (m),
                                 pango_font_metrics_get_approximate_digit_width (m));
      metrics->line_height = PANGO_PIXELS_CEIL (pango_font_metrics_get_height (m));
      if (metrics->line_height <= 0)
        metrics->line_height = PANGO_PIXELS_CEIL (pango_font_metrics_get_ascent (m) + pango_font_metrics_get_descent (m));
      pango_font_metrics_unref (m);
      g_hash_table_insert (metrics_cache, pango_font_description_copy (font), metrics);
    }
  return metrics;
}

static void
nhs_text_cell_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  NhsTextCell *self = NHS_TEXT_CELL (widget);
  const Metrics *metrics = get_metrics (self);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = PANGO_PIXELS_CEIL (metrics->char_width * (int) self->min_chars);
      *natural = PANGO_PIXELS_CEIL (metrics->char_width * (int) MAX (self->min_chars, self->nat_chars));
    }
  else
    *minimum = *natural = metrics->line_height;
}

static void
ensure_layout (NhsTextCell *self)
{
  PangoAttrList *attrs;

  if (self->layout != NULL)
    return;
  /* plain text: never markup */
  self->layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), self->text);
  pango_layout_set_ellipsize (self->layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_single_paragraph_mode (self->layout, TRUE);
  if (self->numeric)
    {
      /* tabular figures, as the .numeric style class gives labels */
      attrs = pango_attr_list_new ();
      pango_attr_list_insert (attrs, pango_attr_font_features_new ("tnum=1"));
      pango_layout_set_attributes (self->layout, attrs);
      pango_attr_list_unref (attrs);
    }
}

static void
nhs_text_cell_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  NhsTextCell *self = NHS_TEXT_CELL (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  PangoRectangle logical;
  GdkRGBA color;
  float x, y;

  if (self->text == NULL || *self->text == '\0' || width <= 0)
    return;
  ensure_layout (self);
  pango_layout_set_width (self->layout, width * PANGO_SCALE);
  pango_layout_get_pixel_extents (self->layout, NULL, &logical);
  x = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL ? 1 - self->xalign : self->xalign;
  x = MAX (0, (width - logical.width) * x) - logical.x;
  y = floorf ((height - logical.height) / 2.0f) - logical.y;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);
  G_GNUC_END_IGNORE_DEPRECATIONS

  gtk_snapshot_save (snapshot);
  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_snapshot_append_layout (snapshot, self->layout, &color);
  gtk_snapshot_pop (snapshot);
  gtk_snapshot_restore (snapshot);
}

static void
nhs_text_cell_css_changed (GtkWidget         *widget,
                           GtkCssStyleChange *change)
{
  NhsTextCell *self = NHS_TEXT_CELL (widget);

  const PangoFontDescription *font;

  GTK_WIDGET_CLASS (nhs_text_cell_parent_class)->css_changed (widget, change);
  /* another font or size: lay out and measure again (a change of colour,
   * as when the row is selected, only redraws) */
  font = pango_context_get_font_description (gtk_widget_get_pango_context (widget));
  if (self->font != NULL && pango_font_description_equal (self->font, font))
    return;
  g_clear_pointer (&self->font, pango_font_description_free);
  self->font = pango_font_description_copy (font);
  g_clear_object (&self->layout);
  gtk_widget_queue_resize (widget);
}

static void
nhs_text_cell_finalize (GObject *object)
{
  NhsTextCell *self = NHS_TEXT_CELL (object);

  g_clear_object (&self->layout);
  g_clear_pointer (&self->font, pango_font_description_free);
  g_free (self->text);
  G_OBJECT_CLASS (nhs_text_cell_parent_class)->finalize (object);
}

static void
nhs_text_cell_class_init (NhsTextCellClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = nhs_text_cell_finalize;
  widget_class->measure = nhs_text_cell_measure;
  widget_class->snapshot = nhs_text_cell_snapshot;
  widget_class->css_changed = nhs_text_cell_css_changed;

  gtk_widget_class_set_css_name (widget_class, "label");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LABEL);
}

static void
nhs_text_cell_init (NhsTextCell *self)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  C_("empty cell", "blank"), -1);
}

/**
 * nhs_text_cell_new:
 * @xalign: where a text narrower than the cell goes, 0 (start) to 1 (end)
 * @min_chars: the narrowest the cell gets, in characters
 * @nat_chars: the width it asks for, in characters
 * @numeric: whether figures take one width each (dates, counts)
 *
 * Returns: (transfer floating): a new text cell, empty
 */
GtkWidget *
nhs_text_cell_new (float    xalign,
                   guint    min_chars,
                   guint    nat_chars,
                   gboolean numeric)
{
  NhsTextCell *self = g_object_new (NHS_TYPE_TEXT_CELL, NULL);

  self->xalign = CLAMP (xalign, 0, 1);
  self->min_chars = min_chars;
  self->nat_chars = nat_chars;
  self->numeric = numeric;
  if (numeric)
    gtk_widget_add_css_class (GTK_WIDGET (self), "numeric");
  return GTK_WIDGET (self);
}

/**
 * nhs_text_cell_set_text:
 * @self: a text cell
 * @text: (nullable): plain text, shown as it is
 */
void
nhs_text_cell_set_text (NhsTextCell *self,
                        const char  *text)
{
  g_return_if_fail (NHS_IS_TEXT_CELL (self));

  if (g_strcmp0 (self->text, text) == 0)
    return;
  g_free (self->text);
  self->text = g_strdup (text);
  /* a search gives every row new text: the layout is kept, with its
   * attributes, and given the text */
  if (self->layout != NULL)
    pango_layout_set_text (self->layout, text ? text : "", -1);
  /* with an empty name, GTK 4.8 gives screen readers the type name */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  text && *text ? text : C_("empty cell", "blank"), -1);
  /* the size is the cell's, not the text's: only a redraw */
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * nhs_text_cell_get_text:
 * @self: a text cell
 *
 * Returns: (nullable): the text shown
 */
const char *
nhs_text_cell_get_text (NhsTextCell *self)
{
  g_return_val_if_fail (NHS_IS_TEXT_CELL (self), NULL);
  return self->text;
}

/* Private API, for the tests */

PangoLayout *
nhs_text_cell_get_layout (NhsTextCell *self)
{
  g_return_val_if_fail (NHS_IS_TEXT_CELL (self), NULL);

  ensure_layout (self);
  return self->layout;
}
