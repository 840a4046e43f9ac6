/* nhs-chart-layer-legend.c: the title, the legend and the source line
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nhs-chart-renderer"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "nhs-chart-renderer-private.h"

static char *
dup_range_text (NhsChartRenderer *self)
{
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autoptr(GDateTime) from = chart_local_time (self, self->from_us);
  g_autoptr(GDateTime) to = chart_local_time (self, self->to_us - 1);

  /* TRANSLATORS: a day in the chart's subtitle, source line and tooltips,
   * "1 March 2023"; see g_date_time_format() */
  a = g_date_time_format (from, _("%-d %B %Y"));
  b = g_date_time_format (to, _("%-d %B %Y"));
  /* TRANSLATORS: the range a chart shows, "1 March 2023 to 31 December 2025" */
  return g_strdup_printf (_("%s to %s"), a, b);
}

/* At most 400 bytes of the title, whole characters: shaping a title of
 * megabytes, to show its first words, would take minutes */
static char *
dup_bounded_title (NhsDataset *dataset)
{
  const char *title = nhs_dataset_get_title (dataset);

  if (strlen (title) <= 400)
    return g_strdup (title);
  return g_strndup (title, g_utf8_find_prev_char (title, title + 400) - title);
}

static void
draw_title (NhsChartRenderer *self,
            cairo_t          *cr,
            double            x,
            double            y)
{
  NhsDataset *dataset = nhs_chart_model_get_dataset (self->model);
  const char *filter = nhs_chart_model_get_filter_description (self->model);
  g_autofree char *range = dup_range_text (self);
  g_autofree char *subtitle = NULL;
  g_autofree char *title = NULL;
  const char *what;

  if (self->style.mode == NHS_CHART_MODE_MONTHLY)
    what = self->style.show_pay ? _("Strike days per month by group, and pay") : _("Strike days per month by group");
  else
    what = self->style.show_pay ? _("Walkouts and strike mandates by group, and pay") : _("Walkouts and strike mandates by group");

  if (filter != NULL)
    /* TRANSLATORS: the chart's subtitle: what, when, and the filter */
    subtitle = g_strdup_printf (_("%s · %s · Filter: %s"), what, range, filter);
  else
    subtitle = g_strdup_printf ("%s · %s", what, range);

  /* a title of any length: Pango is given a bounded part of it, ellipsized
   * to the width */
  title = dup_bounded_title (dataset);
  chart_show_text_ellipsized (self, cr, title, TEXT_TITLE, x, y, self->width - 2 * x, &self->style.foreground, 1);
  chart_show_text_ellipsized (self, cr, subtitle, TEXT_NORMAL, x, y + chart_line_height (self, TEXT_TITLE),
                              self->width - 2 * x, &self->style.foreground, 0.7);
}

void
chart_draw_swatch (NhsChartRenderer *self,
             cairo_t          *cr,
             int               lane,
             LegendKey         key,
             double            x,
             double            y,
             double            w,
             double            h,
             double            alpha)
{
  NhsChartColor fg = self->style.foreground;

  if (lane >= 0)
    {
      cairo_rectangle (cr, x, y, w, h);
      chart_fill_lane_path (self, cr, lane, alpha);
      return;
    }

  switch (key)
    {
    case KEY_MANDATE:
      cairo_rectangle (cr, x, y, w, h);
      chart_set_color (cr, &fg, 0.12);
      cairo_fill (cr);
      cairo_move_to (cr, x, y + 0.5);
      cairo_line_to (cr, x + w, y + 0.5);
      chart_set_color (cr, &fg, 0.4);
      cairo_set_line_width (cr, 1);
      cairo_stroke (cr);
      break;
    case KEY_ANNOUNCED:
    case KEY_CALLED_OFF:
      cairo_rectangle (cr, x + 0.75, y + 0.75, w - 1.5, h - 1.5);
      chart_set_color (cr, &fg, 0.25);
      if (key == KEY_ANNOUNCED)
        cairo_fill_preserve (cr);
      chart_set_color (cr, &fg, 0.8);
      cairo_set_line_width (cr, 1.5);
      chart_set_dash (cr, key == KEY_CALLED_OFF ? 1 : 0, 1.5);
      cairo_stroke (cr);
      chart_set_dash (cr, 0, 1);
      break;
    case KEY_AWARD:
      /* paler from 1 April, ticked where announced, then full */
      cairo_move_to (cr, x, y + h / 2);
      cairo_line_to (cr, x + w / 2, y + h / 2);
      chart_set_color (cr, &fg, 0.3);
      cairo_set_line_width (cr, 2.5);
      cairo_stroke (cr);
      cairo_move_to (cr, x + w / 2, y + h / 2);
      cairo_line_to (cr, x + w, y + h / 2);
      cairo_move_to (cr, x + w / 2, y);
      cairo_line_to (cr, x + w / 2, y + h);
      chart_set_color (cr, &fg, 0.85);
      cairo_stroke (cr);
      break;
    case KEY_INFERRED:
      cairo_move_to (cr, x, y + h / 2);
      cairo_line_to (cr, x + w, y + h / 2);
      chart_set_color (cr, &fg, 0.85);
      cairo_set_line_width (cr, 5);
      cairo_stroke_preserve (cr);
      chart_set_color (cr, &self->style.background, 1);
      cairo_set_line_width (cr, 2);
      cairo_stroke (cr);
      break;
    case KEY_OFFER:
    case KEY_CLAIM:
      chart_draw_pay_point (self, cr, key == KEY_OFFER ? NHS_FIGURE_METRIC_PAY_OFFER : NHS_FIGURE_METRIC_PAY_CLAIM,
                            -1, x + w / 2, y + h / 2, h * 0.45);
      break;
    default:
      break;
    }
}

/* The keys what the model holds calls for, a bit per LegendKey */
static guint
keys_of (NhsChartModel *model)
{
  GArray *steps = nhs_chart_model_get_steps (model);
  guint statuses = 1 << KEY_ANNOUNCED | 1 << KEY_CALLED_OFF;
  guint keys = 0;

  for (guint l = 0; l < nhs_chart_model_get_n_lanes (model); l++)
    {
      const NhsChartLane *lane = nhs_chart_model_get_lane (model, l);

      keys |= lane->mandates->len > 0 ? 1 << KEY_MANDATE : 0;
      for (guint i = 0; i < lane->bars->len && (keys & statuses) != statuses; i++)
        {
          NhsEventStatus status = g_array_index (lane->bars, NhsChartBar, i).status;
          keys |= status == NHS_EVENT_STATUS_ANNOUNCED ? 1 << KEY_ANNOUNCED :
                  status == NHS_EVENT_STATUS_CALLED_OFF ? 1 << KEY_CALLED_OFF : 0;
        }
    }
  for (guint i = 0; i < steps->len; i++)
    keys |= nhs_figure_is_inferred (g_array_index (steps, NhsChartStep, i).figure) ? 1 << KEY_INFERRED : 0;
  return keys;
}

/* Lays out and, when cr is not NULL, draws the legend from (x, y) within
 * width; returns its height */
static double
legend_pass (NhsChartRenderer *self,
             cairo_t          *cr,
             double            x0,
             double            y,
             double            width)
{
  double lh = chart_line_height (self, TEXT_NORMAL);
  double sw = self->font * 1.5, sh = self->font * 0.85;
  double x = x0, rows = 1;
  guint n = nhs_chart_model_get_n_lanes (self->model);
  GPtrArray *keys = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) key_ids = g_array_new (FALSE, FALSE, sizeof (int));
  guint in_model = keys_of (self->model);
  int key;

  if (cr != NULL)
    g_array_set_size (self->legend, 0);

  /* groups first, then what the shapes and shades mean */
  for (guint l = 0; l < n; l++)
    {
      const NhsChartLane *lane = nhs_chart_model_get_lane (self->model, l);
      g_autofree char *days = chart_lane_days_label (lane);

      if (!lane->visible && !self->style.legend_shows_hidden)
        continue;
      g_ptr_array_add (keys, lane->visible ? g_strdup_printf ("%s · %s", nhs_group_get_short_name (lane->group), days)
                                           : g_strdup (nhs_group_get_short_name (lane->group)));
      key = (int) l;
      g_array_append_val (key_ids, key);
    }
#define ADD_KEY(id, text) G_STMT_START { g_ptr_array_add (keys, g_strdup (text)); key = -1 - (id); g_array_append_val (key_ids, key); } G_STMT_END
  if (self->style.mode == NHS_CHART_MODE_TIMELINE)
    {
      if (in_model & (1 << KEY_MANDATE))
        ADD_KEY (KEY_MANDATE, _("Strike mandate"));
      if (in_model & (1 << KEY_ANNOUNCED))
        ADD_KEY (KEY_ANNOUNCED, _("Announced"));
      if (in_model & (1 << KEY_CALLED_OFF))
        ADD_KEY (KEY_CALLED_OFF, _("Called off"));
    }
  if (self->style.show_pay)
    {
      /* TRANSLATORS: the legend's key for award lines: paler from 1 April until announced */
      ADD_KEY (KEY_AWARD, _("Pay award, paler until announced"));
      if (in_model & (1 << KEY_INFERRED))
        /* TRANSLATORS: the legend's key for an award inferred from others, not confirmed */
        ADD_KEY (KEY_INFERRED, _("Inferred award"));
      ADD_KEY (KEY_OFFER, _("Offer"));
      ADD_KEY (KEY_CLAIM, _("Claim"));
    }
#undef ADD_KEY

  for (guint i = 0; i < keys->len; i++)
    {
      const char *text = g_ptr_array_index (keys, i);
      int id = g_array_index (key_ids, int, i);
      gboolean hidden = id >= 0 && !nhs_chart_model_get_lane (self->model, id)->visible;
      double tw, item_w;

      chart_text_size (self, text, TEXT_NORMAL, &tw, NULL);
      item_w = sw + self->font * 0.4 + tw;
      if (x > x0 && x + item_w > x0 + width)
        {
          x = x0;
          y += lh * 1.15;
          rows++;
        }
      if (cr != NULL)
        {
          double alpha = hidden ? 0.35 : 1;

          chart_draw_swatch (self, cr, id >= 0 ? id : -1, (LegendKey) (-1 - id), x, y + (lh - sh) / 2, sw, sh, alpha);
          chart_show_text (self, cr, text, TEXT_NORMAL, x + sw + self->font * 0.4, y, 0, &self->style.foreground,
                     hidden ? 0.45 : 0.9);
          if (hidden)
            {
              cairo_move_to (cr, x + sw + self->font * 0.4, y + lh / 2);
              cairo_rel_line_to (cr, tw, 0);
              chart_set_color (cr, &self->style.foreground, 0.45);
              cairo_set_line_width (cr, 1);
              cairo_stroke (cr);
            }
          if (id >= 0)
            {
              LegendItem item = { { x - 3, y - 1, item_w + 6, lh + 2 }, id };
              g_array_append_val (self->legend, item);
            }
        }
      x += item_w + self->font * 1.4;
    }
  g_ptr_array_unref (keys);
  return rows * lh + (rows - 1) * lh * 0.15;
}

static void
draw_source (NhsChartRenderer *self,
             cairo_t          *cr,
             double            x,
             double            y_bottom,
             double            width)
{
  NhsDataset *dataset = nhs_chart_model_get_dataset (self->model);
  const char * const *publishers = nhs_chart_model_get_publishers (self->model);
  g_autoptr(GString) text = g_string_new (NULL);
  GDateTime *updated = nhs_dataset_get_updated (dataset);
  guint n = publishers ? g_strv_length ((char **) publishers) : 0;
  double h;

  {
    g_autofree char *title = dup_bounded_title (dataset);
    g_string_append_printf (text, _("Data: %s"), title);
  }
  /* how far the data go, not only when the file was written */
  {
    gint64 first, last;
    if (nhs_dataset_get_time_bounds (dataset, &first, &last))
      {
        g_autoptr(GDateTime) end = chart_local_time (self, last - 1);
        g_autofree char *date = g_date_time_format (end, _("%-d %B %Y"));
        /* TRANSLATORS: in the chart's source line: the date of the last event */
        g_string_append_printf (text, _(", events to %s"), date);
      }
  }
  if (updated != NULL)
    {
      g_autofree char *date = g_date_time_format (updated, _("%-d %B %Y"));
      /* TRANSLATORS: in the chart's source line: when the dataset was written */
      g_string_append_printf (text, _(", updated %s"), date);
    }
  g_string_append_c (text, '.');
  if (n > 0)
    {
      g_autoptr(GString) first = g_string_new (NULL);
      guint shown = MIN (n, 5);

      for (guint i = 0; i < shown; i++)
        g_string_append_printf (first, "%s%s", i > 0 ? ", " : "", publishers[i]);
      g_string_append_c (text, ' ');
      if (n > shown)
        /* TRANSLATORS: the publishers behind what the chart shows, the most cited first */
        g_string_append_printf (text, ngettext ("Evidence: %s and %u other.", "Evidence: %s and %u others.", n - shown),
                                first->str, n - shown);
      else
        g_string_append_printf (text, _("Evidence: %s."), first->str);
    }
  g_string_append_printf (text, " %s %s", PACKAGE_NAME, PACKAGE_VERSION);

  h = chart_line_height (self, TEXT_SMALL);
  chart_show_text_ellipsized (self, cr, text->str, TEXT_SMALL, x, y_bottom - h, width, &self->style.foreground, 0.65);
}

static void
legend_measure (NhsChartRenderer *self,
                NhsChartMeasure  *measure)
{
  if (self->style.show_title)
    {
      self->title_y = measure->top;
      measure->top += chart_line_height (self, TEXT_TITLE) + chart_line_height (self, TEXT_NORMAL) + self->font * 0.6;
    }
  if (self->style.show_legend)
    {
      self->legend_y = measure->top;
      measure->top += legend_pass (self, NULL, self->pad, measure->top, self->width - 2 * self->pad) + self->font * 0.8;
    }
  else
    g_array_set_size (self->legend, 0);
  if (self->style.show_source)
    {
      self->source_bottom = measure->bottom;
      measure->bottom -= chart_line_height (self, TEXT_SMALL) + self->font * 0.5;
    }
}

static void
legend_draw (NhsChartRenderer *self,
             cairo_t          *cr)
{
  if (self->style.show_title && !(self->hidden & NHS_CHART_HIDDEN_TITLE))
    draw_title (self, cr, self->pad, self->title_y);
  if (self->style.show_legend && !(self->hidden & NHS_CHART_HIDDEN_LEGEND))
    legend_pass (self, cr, self->pad, self->legend_y, self->width - 2 * self->pad);
  if (self->style.show_source && !(self->hidden & NHS_CHART_HIDDEN_SOURCE))
    draw_source (self, cr, self->pad, self->source_bottom, self->width - 2 * self->pad);
}

static LayerHit
legend_hit (NhsChartRenderer *self,
            double            x,
            double            y,
            NhsChartHit      *hit)
{
  for (guint i = 0; i < self->legend->len; i++)
    {
      const LegendItem *item = &g_array_index (self->legend, LegendItem, i);
      if (x >= item->rect.x && x < item->rect.x + item->rect.width &&
          y >= item->rect.y && y < item->rect.y + item->rect.height)
        {
          *hit = (NhsChartHit) { NHS_CHART_HIT_LEGEND, item->lane, 0, NULL };
          return LAYER_HIT_FOUND;
        }
    }
  return LAYER_HIT_PASS;
}

static gboolean
legend_highlight_hit (NhsChartRenderer  *self,
                      cairo_t           *cr,
                      const NhsChartHit *hit)
{
  if (hit->kind != NHS_CHART_HIT_LEGEND)
    return FALSE;
  for (guint i = 0; i < self->legend->len; i++)
    {
      const LegendItem *item = &g_array_index (self->legend, LegendItem, i);
      if (item->lane != hit->lane)
        continue;
      cairo_rectangle (cr, item->rect.x, item->rect.y, item->rect.width, item->rect.height);
      chart_set_color (cr, &self->style.foreground, 0.08);
      cairo_fill (cr);
    }
  return TRUE;
}

const NhsChartLayer nhs_chart_legend_layer = {
  .measure = legend_measure,
  .draw = legend_draw,
  .hit = legend_hit,
  .highlight_hit = legend_highlight_hit,
};
