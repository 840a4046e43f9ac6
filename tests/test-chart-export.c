/* test-chart-export.c: the exported picture, pixel by pixel, and its files
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "nhs-chart-export.h"
#include "test-chart-util.h"
#include "test-png-util.h"

typedef struct
{
  guint8 r, g, b, a;
} Pixel;

static cairo_surface_t *
decode_png (GBytes *bytes)
{
  gsize len;
  const guint8 *data = g_bytes_get_data (bytes, &len);

  return test_png_decode (data, len);
}

/* Unpremultiplied RGBA of one pixel */
static Pixel
pixel_at (cairo_surface_t *surface,
          int              x,
          int              y)
{
  const guint8 *row;
  guint32 v;
  Pixel p;

  cairo_surface_flush (surface);
  g_assert_cmpint (x, >=, 0);
  g_assert_cmpint (y, >=, 0);
  g_assert_cmpint (x, <, cairo_image_surface_get_width (surface));
  g_assert_cmpint (y, <, cairo_image_surface_get_height (surface));
  row = cairo_image_surface_get_data (surface) + (gsize) y * cairo_image_surface_get_stride (surface);
  memcpy (&v, row + 4 * x, 4);
  p.a = v >> 24;
  p.r = p.a ? ((v >> 16) & 0xff) * 255 / p.a : 0;
  p.g = p.a ? ((v >> 8) & 0xff) * 255 / p.a : 0;
  p.b = p.a ? (v & 0xff) * 255 / p.a : 0;
  return p;
}

static gboolean
pixel_is (Pixel  p,
          guint8 r,
          guint8 g,
          guint8 b)
{
  return p.a == 255 && ABS (p.r - r) <= 2 && ABS (p.g - g) <= 2 && ABS (p.b - b) <= 2;
}

#define assert_pixel(p, r_, g_, b_) \
  G_STMT_START { \
    Pixel p__ = (p); \
    if (!pixel_is (p__, r_, g_, b_)) \
      g_error ("pixel is #%02x%02x%02x alpha %u, not #%02x%02x%02x", p__.r, p__.g, p__.b, p__.a, r_, g_, b_); \
  } G_STMT_END

/* Background around (x, y): all but a faint one-pixel grid line of the nine
 * pixels across it are exactly the colour */
static void
assert_background (cairo_surface_t *image,
                   double           x,
                   double           y,
                   guint8           r,
                   guint8           g,
                   guint8           b)
{
  guint n = 0;

  for (int dx = -4; dx <= 4; dx++)
    {
      Pixel p = pixel_at (image, (int) x + dx, (int) y);
      if (p.a == 255 && p.r == r && p.g == g && p.b == b)
        n++;
      else
        /* a grid line is a faint tint of the foreground, nothing more */
        g_assert_cmpint (ABS ((int) p.r - r) + ABS ((int) p.g - g) + ABS ((int) p.b - b), <, 3 * 40);
    }
  g_assert_cmpuint (n, >=, 8);
}

/* The fixture, 1 December 2023 to 1 June 2024, 800 × 500 */
static void
fixture_options (NhsChartExportOptions *options)
{
  nhs_chart_export_options_init (options);
  options->width = 800;
  options->height = 500;
  options->from_us = local_day (2023, 12, 1);
  options->to_us = local_day (2024, 6, 1);
}

/* Lays the chart out as the export does, for the geometry it chose */
static NhsChartRenderer *
layout_like_export (NhsChartModel               *model,
                    const NhsChartExportOptions *options)
{
  NhsChartRenderer *renderer = nhs_chart_renderer_new ();
  cairo_surface_t *scratch = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, options->width, options->height);
  cairo_t *cr = cairo_create (scratch);
  NhsChartStyle style;

  nhs_chart_export_options_to_style (options, &style);
  nhs_chart_renderer_set_style (renderer, &style);
  nhs_chart_renderer_render (renderer, model, cr, options->width, options->height, options->from_us, options->to_us);
  cairo_destroy (cr);
  cairo_surface_destroy (scratch);
  return renderer;
}

/* Where time t falls, from the axis span alone: a linear scale */
static double
x_for (NhsChartRenderer            *renderer,
       const NhsChartExportOptions *options,
       gint64                       t)
{
  double x, w;

  nhs_chart_renderer_get_time_axis (renderer, &x, &w);
  return x + (double) (t - options->from_us) / (double) (options->to_us - options->from_us) * w;
}

static double
lane_middle (NhsChartRenderer *renderer,
             guint             lane)
{
  double y, h;

  g_assert_true (nhs_chart_renderer_get_lane_band (renderer, lane, &y, &h));
  return y + h / 2;
}

/* The fixture's chart exported as a PNG and read back, with the geometry
 * the export laid it out with, and where the tests look */
typedef struct
{
  NhsChartExportOptions options;
  cairo_surface_t *image;
  NhsChartRenderer *renderer;
  double strike_x;          /* a day into the residents' walkout of 3–9 January
                             * 2024, clear of the number on its middle */
  double quiet_x;           /* 16 March 2024: no walkout in either lane */
  double resident_y;
  double consultant_y;
} Exported;

static void
exported_clear (Exported *e)
{
  g_clear_pointer (&e->image, cairo_surface_destroy);
  g_clear_object (&e->renderer);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Exported, exported_clear)

/* Exports with e->options (fixture_options () changed as the test likes) */
static void
export_png (Exported      *e,
            NhsChartModel *model)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) png = nhs_chart_export_to_bytes (model, &e->options, NHS_CHART_FORMAT_PNG, &error);

  g_assert_no_error (error);
  e->image = decode_png (png);
  e->renderer = layout_like_export (model, &e->options);
  e->strike_x = x_for (e->renderer, &e->options, local_day (2024, 1, 4) + 7 * HOUR_US);
  e->quiet_x = x_for (e->renderer, &e->options, local_day (2024, 3, 16));
  e->resident_y = lane_middle (e->renderer, 0);
  e->consultant_y = lane_middle (e->renderer, 1);
}

static NhsChartModel *
fixture_model (void)
{
  g_autoptr(NhsDataset) ds = test_load_fixture ("chart.json");

  return nhs_chart_model_new (ds, NULL);
}

/* Rows of column x in the pay panel whose pixels are of the colour (within
 * a tolerance that lets a lighter line count); their middle, or -1 */
static double
line_middle (cairo_surface_t *image,
             int              x,
             double           top,
             double           bottom,
             gboolean       (*is_colour) (Pixel p))
{
  double sum = 0;
  guint n = 0;

  for (int y = (int) top; y < (int) bottom; y++)
    if (is_colour (pixel_at (image, x, y)))
      {
        sum += y + 0.5;
        n++;
      }
  return n > 0 ? sum / n : -1;
}

static gboolean
is_blue (Pixel p)
{
  return p.a == 255 && p.b - p.r > 80 && p.b - p.g > 30;
}

static gboolean
is_orange (Pixel p)
{
  return p.a == 255 && p.r - p.b > 80 && p.r - p.g > 50;
}

/* The bundled data, one group shown, April 2023 to April 2025, 1600 × 900 */
static void
export_group (Exported   *e,
              const char *group)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NhsDataset) ds = nhs_dataset_load_bundled (&error);
  g_autoptr(NhsEventFilter) filter = nhs_event_filter_new ();
  g_autoptr(NhsChartModel) model = NULL;
  const char *only[] = { group, NULL };
  g_autoptr(GBytes) png = NULL;

  g_assert_no_error (error);
  nhs_event_filter_set_only_groups (filter, ds, only);
  model = nhs_chart_model_new (ds, filter);
  nhs_chart_export_options_init (&e->options);
  e->options.from_us = local_day (2023, 4, 1);
  e->options.to_us = local_day (2025, 4, 1);
  png = nhs_chart_export_to_bytes (model, &e->options, NHS_CHART_FORMAT_PNG, &error);
  g_assert_no_error (error);
  e->image = decode_png (png);
  e->renderer = layout_like_export (model, &e->options);
}

/* The residents' 2023/24 award at its average, 8.8%, from its
 * announcement; at 13.2% from the top-up agreed on 16 September 2024; each
 * value read back from the pixel rows within a pixel of its place */
static void
test_pay_award_step (void)
{
  g_auto(Exported) e = { 0 };
  double y0, y10, top, bottom, px_per_point;
  double before, after, old_level;

  export_group (&e, "resident");
  y0 = nhs_chart_renderer_pay_to_y (e.renderer, 0);
  y10 = nhs_chart_renderer_pay_to_y (e.renderer, 10);
  px_per_point = (y0 - y10) / 10;
  g_assert_cmpfloat (px_per_point, >, 5);
  top = nhs_chart_renderer_pay_to_y (e.renderer, 15) - 4;
  bottom = y0 + 2;

  /* October 2023: one line in the panel, at 8.8% read off the 0% and 10% rows */
  before = line_middle (e.image, (int) x_for (e.renderer, &e.options, local_day (2023, 10, 2)), top, bottom, is_blue);
  g_assert_cmpfloat (before, >, 0);
  g_assert_cmpfloat_with_epsilon (10 * (y0 - before) / (y0 - y10), 8.8, 1 / px_per_point);

  /* October 2024: 13.2% for 2023/24 (the 2024/25 line is lower), and the
   * 8.8% row left empty */
  after = line_middle (e.image, (int) x_for (e.renderer, &e.options, local_day (2024, 10, 2)),
                       top, nhs_chart_renderer_pay_to_y (e.renderer, 11), is_blue);
  g_assert_cmpfloat (after, >, 0);
  g_assert_cmpfloat_with_epsilon (10 * (y0 - after) / (y0 - y10), 13.2, 1 / px_per_point);
  old_level = nhs_chart_renderer_pay_to_y (e.renderer, 8.8);
  g_assert_false (is_blue (pixel_at (e.image, (int) x_for (e.renderer, &e.options, local_day (2024, 10, 2)), (int) old_level)));
  /* and on 10 September, before the top-up, nothing at 13.2% yet */
  g_assert_cmpfloat (line_middle (e.image, (int) x_for (e.renderer, &e.options, local_day (2024, 9, 10)),
                                  top, nhs_chart_renderer_pay_to_y (e.renderer, 11), is_blue), <, 0);

  /* backdated, April to the announcement of 13 July 2023: lighter */
  {
    Pixel backdated = pixel_at (e.image, (int) x_for (e.renderer, &e.options, local_day (2023, 5, 15)), (int) old_level);
    Pixel announced = pixel_at (e.image, (int) x_for (e.renderer, &e.options, local_day (2023, 10, 2)), (int) old_level);
    g_assert_true (is_blue (announced));
    g_assert_cmpint (backdated.r, >, announced.r + 60);
  }
}

/* The consultants' 2024/25 award is inferred: drawn hollow, its colour on
 * either side of a middle of the background */
static void
test_pay_inferred (void)
{
  g_auto(Exported) e = { 0 };
  double y;
  guint hollow = 0, solid = 0;

  export_group (&e, "consultant");
  y = nhs_chart_renderer_pay_to_y (e.renderer, 6);
  for (gint64 day = local_day (2024, 10, 1); day < local_day (2025, 3, 1); day += 5 * 24 * HOUR_US)
    {
      int x = (int) x_for (e.renderer, &e.options, day);
      if (is_orange (pixel_at (e.image, x, (int) y - 2)) && is_orange (pixel_at (e.image, x, (int) y + 2)) &&
          pixel_is (pixel_at (e.image, x, (int) y), 0xff, 0xff, 0xff))
        hollow++;
    }
  /* the confirmed 2023/24 award of the same group: solid through its middle */
  for (gint64 day = local_day (2023, 9, 1); day < local_day (2024, 2, 1); day += 5 * 24 * HOUR_US)
    if (is_orange (pixel_at (e.image, (int) x_for (e.renderer, &e.options, day), (int) y)))
      solid++;
  g_assert_cmpuint (hollow, >, 5);
  g_assert_cmpuint (solid, >, 5);
}

static gboolean
crosses (const NhsChartLabel *label,
         double               x0,
         double               x1,
         double               y0,
         double               y1)
{
  return label->x < MAX (x0, x1) && MIN (x0, x1) < label->x + label->width &&
         label->y < MAX (y0, y1) && MIN (y0, y1) < label->y + label->height;
}

/* No label of the pay panel lies across an award's line, its backdated
 * stretch or the step of a later top-up (all groups, all the data) */
static void
test_pay_labels_clear (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NhsDataset) ds = nhs_dataset_load_bundled (&error);
  g_autoptr(NhsChartModel) model = NULL;
  g_autoptr(NhsChartRenderer) renderer = NULL;
  NhsChartExportOptions options;
  GArray *steps, *labels;

  g_assert_no_error (error);
  model = nhs_chart_model_new (ds, NULL);
  steps = nhs_chart_model_get_steps (model);
  nhs_chart_export_options_init (&options);
  nhs_chart_model_get_extent (model, &options.from_us, &options.to_us);
  renderer = layout_like_export (model, &options);
  labels = nhs_chart_renderer_get_pay_labels (renderer);
  g_assert_cmpuint (labels->len, >=, steps->len);

  for (guint i = 0; i < labels->len; i++)
    for (guint k = 0; k < steps->len; k++)
      {
        const NhsChartLabel *label = &g_array_index (labels, NhsChartLabel, i);
        const NhsChartStep *s = &g_array_index (steps, NhsChartStep, k);
        double y = nhs_chart_renderer_pay_to_y (renderer, s->value);
        double half = nhs_figure_is_inferred (s->figure) ? 2.5 : 1.25;

        g_assert_false (crosses (label, x_for (renderer, &options, s->start_us), x_for (renderer, &options, s->end_us),
                                 y - half, y + half));
        if (s->revision != NULL)
          {
            double x = x_for (renderer, &options, s->revised_us);
            double yr = nhs_chart_renderer_pay_to_y (renderer, nhs_figure_get_value (s->revision));
            g_assert_false (crosses (label, x - 1.25, x + 1.25, y, yr));
            g_assert_false (crosses (label, x, x + 20, yr - 1.25, yr + 1.25));
          }
      }
}

/* A title of megabytes is drawn as its first words, ellipsized: Pango is
 * never given the whole of it */
static void
test_long_title (void)
{
  g_autoptr(GString) json = g_string_new ("{ \"format\": \"nhs-dispute-dataset\", \"version\": 1, \"title\": \"");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(NhsDataset) ds = NULL;
  g_autoptr(NhsChartModel) model = NULL;
  g_autoptr(GBytes) png = NULL;
  g_autoptr(GError) error = NULL;
  NhsChartExportOptions options;

  for (guint i = 0; i < 500000; i++)
    g_string_append (json, "Pay dispute ");
  g_string_append (json, "\", \"timezone\": \"Europe/London\", \"groups\": [ { \"id\": \"g\", \"name\": \"G\" } ], "
                         "\"events\": [ { \"id\": \"e\", \"kind\": \"strike\", \"groups\": [ \"g\" ], "
                         "\"start\": \"2024-01-03T07:00\", \"end\": \"2024-01-05T07:00\", \"title\": \"Strike\" } ] }");
  bytes = g_string_free_to_bytes (g_steal_pointer (&json));
  ds = nhs_dataset_load_bytes (bytes, "long-title.json", NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (strlen (nhs_dataset_get_title (ds)), >, 5000000);
  model = nhs_chart_model_new (ds, NULL);
  nhs_chart_export_options_init (&options);
  options.width = 800;
  options.height = 500;
  png = nhs_chart_export_to_bytes (model, &options, NHS_CHART_FORMAT_PNG, &error);
  g_assert_no_error (error);
  g_assert_nonnull (png);
}

/* The cumulative count in a panel of its own, under the lanes: none of its
 * line in them */
static void
test_cumulative_panel (void)
{
  g_autoptr(NhsChartModel) model = fixture_model ();
  g_auto(Exported) e = { 0 };
  double top, y, h;
  double x;
  guint in_lanes = 0, below = 0;

  fixture_options (&e.options);
  e.options.show_cumulative = TRUE;
  e.options.show_pay = FALSE;
  export_png (&e, model);
  x = e.quiet_x;
  g_assert_true (nhs_chart_renderer_get_lane_band (e.renderer, 0, &top, &h));
  g_assert_true (nhs_chart_renderer_get_lane_band (e.renderer, 1, &y, &h));
  for (int yy = (int) top; yy < (int) (y + h); yy++)
    in_lanes += pixel_is (pixel_at (e.image, (int) x, yy), 0x1c, 0x71, 0xd8);
  for (int yy = (int) (y + h) + 1; yy < cairo_image_surface_get_height (e.image) - 40; yy++)
    below += pixel_is (pixel_at (e.image, (int) x, yy), 0x1c, 0x71, 0xd8);
  g_assert_cmpuint (in_lanes, ==, 0);
  g_assert_cmpuint (below, >, 0);
}

static void
test_pixels (void)
{
  g_autoptr(NhsChartModel) model = fixture_model ();
  g_auto(Exported) e = { 0 };
  double y, h;
  guint solid = 0, hatch = 0;

  fixture_options (&e.options);
  export_png (&e, model);
  g_assert_cmpint (cairo_image_surface_get_width (e.image), ==, 800);
  g_assert_cmpint (cairo_image_surface_get_height (e.image), ==, 500);

  assert_pixel (pixel_at (e.image, (int) e.strike_x, (int) e.resident_y), 0x1c, 0x71, 0xd8);
  /* the same day in the consultants' lane, and mid-March there: nothing */
  assert_background (e.image, e.strike_x, e.consultant_y, 0xff, 0xff, 0xff);
  assert_background (e.image, e.quiet_x, e.consultant_y, 0xff, 0xff, 0xff);
  /* in the residents' lane mid-March is inside the mandate: shaded, neither
   * the background nor the bar colour */
  g_assert_false (pixel_is (pixel_at (e.image, (int) e.quiet_x, (int) e.resident_y), 0xff, 0xff, 0xff));
  g_assert_false (pixel_is (pixel_at (e.image, (int) e.quiet_x, (int) e.resident_y), 0x1c, 0x71, 0xd8));

  /* the consultants' merged strikes of 20–23 January: their orange with the
   * lighter stripes of their pattern, a cue besides the hue */
  g_assert_true (nhs_chart_renderer_get_lane_band (e.renderer, 1, &y, &h));
  for (int x = (int) ceil (x_for (e.renderer, &e.options, local_day (2024, 1, 20) + 8 * HOUR_US));
       x < (int) x_for (e.renderer, &e.options, local_day (2024, 1, 23) + 6 * HOUR_US); x++)
    for (int yy = (int) (y + h / 2 - 3); yy <= (int) (y + h / 2 + 3); yy++)
      {
        Pixel p = pixel_at (e.image, x, yy);
        if (pixel_is (p, 0xe6, 0x61, 0x00))
          solid++;
        else if (p.r > 0xe6 && p.g > 0x61 + 40 && p.b > 40)
          hatch++;
      }
  g_assert_cmpuint (solid, >, 10);
  g_assert_cmpuint (hatch, >, 3);
}

static void
test_scale (void)
{
  g_autoptr(NhsChartModel) model = fixture_model ();
  g_auto(Exported) e = { 0 };

  fixture_options (&e.options);
  e.options.scale = 2;
  export_png (&e, model);
  /* twice the pixels, the same picture */
  g_assert_cmpint (cairo_image_surface_get_width (e.image), ==, 1600);
  g_assert_cmpint (cairo_image_surface_get_height (e.image), ==, 1000);
  assert_pixel (pixel_at (e.image, (int) (2 * e.strike_x), (int) (2 * e.resident_y)), 0x1c, 0x71, 0xd8);
  assert_background (e.image, 2 * e.quiet_x, 2 * e.consultant_y, 0xff, 0xff, 0xff);
}

static double
channel (double c)
{
  return c <= 0.04045 ? c / 12.92 : pow ((c + 0.055) / 1.055, 2.4);
}

static double
contrast_ratio (Pixel a,
                Pixel b)
{
  double la = 0.2126 * channel (a.r / 255.0) + 0.7152 * channel (a.g / 255.0) + 0.0722 * channel (a.b / 255.0);
  double lb = 0.2126 * channel (b.r / 255.0) + 0.7152 * channel (b.g / 255.0) + 0.0722 * channel (b.b / 255.0);

  return (MAX (la, lb) + 0.05) / (MIN (la, lb) + 0.05);
}

static void
test_dark (void)
{
  /* a dark group colour must be lightened to stand out on a dark background */
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "chart.json", NULL);
  g_autofree char *json = NULL;
  g_autoptr(GString) dark = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(NhsDataset) ds = NULL;
  g_autoptr(NhsChartModel) model = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(Exported) e = { 0 };
  Pixel bar, background = { 0x24, 0x24, 0x24, 255 };

  g_assert_true (g_file_get_contents (path, &json, NULL, NULL));
  dark = g_string_new (json);
  g_assert_cmpint (g_string_replace (dark, "#1c71d8", "#1a3a6e", 1), ==, 1);
  bytes = g_bytes_new (dark->str, dark->len);
  ds = nhs_dataset_load_bytes (bytes, "dark.json", NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  model = nhs_chart_model_new (ds, NULL);

  fixture_options (&e.options);
  e.options.background = NHS_CHART_BACKGROUND_DARK;
  export_png (&e, model);

  assert_background (e.image, e.quiet_x, e.consultant_y, 0x24, 0x24, 0x24);
  bar = pixel_at (e.image, (int) e.strike_x, (int) e.resident_y);
  /* not the dataset's navy, but a lighter blue that reads on the background */
  g_assert_false (pixel_is (bar, 0x1a, 0x3a, 0x6e));
  g_assert_cmpuint (bar.b, >, bar.r);
  g_assert_cmpfloat (contrast_ratio (bar, background), >=, 3.0);
}

static void
test_transparent (void)
{
  g_autoptr(NhsChartModel) model = fixture_model ();
  g_auto(Exported) e = { 0 };

  fixture_options (&e.options);
  e.options.background = NHS_CHART_BACKGROUND_TRANSPARENT;
  export_png (&e, model);
  g_assert_cmpuint (pixel_at (e.image, 2, 2).a, ==, 0);
  g_assert_cmpuint (pixel_at (e.image, (int) e.quiet_x, (int) e.consultant_y).a, ==, 0);
  assert_pixel (pixel_at (e.image, (int) e.strike_x, (int) e.resident_y), 0x1c, 0x71, 0xd8);
}

static guint32
be32 (const guint8 *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

/* keyword → text of every tEXt and iTXt chunk; asserts that each chunk's
 * CRC is right and that the text chunks come before the image data */
static GHashTable *
png_text (GBytes *png)
{
  gsize len;
  const guint8 *data = g_bytes_get_data (png, &len);
  GHashTable *text = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  gboolean seen_idat = FALSE;

  g_assert_cmpmem (data, 8, "\x89PNG\r\n\x1a\n", 8);
  for (gsize pos = 8; pos + 12 <= len;)
    {
      guint32 n = be32 (data + pos);
      const guint8 *type = data + pos + 4;

      g_assert_cmpuint (pos + 12 + n, <=, len);
      g_assert_cmpuint (test_png_crc32 (type, n + 4), ==, be32 (data + pos + 8 + n));
      if (memcmp (type, "IDAT", 4) == 0)
        seen_idat = TRUE;
      if (memcmp (type, "tEXt", 4) == 0 || memcmp (type, "iTXt", 4) == 0)
        {
          const char *key = (const char *) type + 4;
          gsize key_len = strnlen (key, n);
          const char *value = key + key_len + 1;
          gsize value_len = n - key_len - 1;

          g_assert_false (seen_idat);
          if (memcmp (type, "iTXt", 4) == 0)
            {
              /* flags, method, then empty language and translated keyword */
              value += 4;
              value_len -= 4;
              g_hash_table_insert (text, g_strndup (key, key_len), g_strndup (value, value_len));
            }
          else
            g_hash_table_insert (text, g_strndup (key, key_len),
                                 g_convert (value, value_len, "UTF-8", "ISO-8859-1", NULL, NULL, NULL));
        }
      pos += 12 + n;
    }
  return text;
}

static void
test_png_text (void)
{
  g_autoptr(NhsDataset) ds = test_load_fixture ("chart.json");
  g_autoptr(NhsEventFilter) filter = nhs_event_filter_new ();
  g_autoptr(NhsChartModel) model = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) png = NULL;
  g_autoptr(GHashTable) text = NULL;
  g_autofree char *software = g_strdup_printf ("NHS Dispute Explorer %s", PACKAGE_VERSION);
  NhsChartExportOptions options;

  nhs_event_filter_set_group_enabled (filter, "consultant", FALSE);
  model = nhs_chart_model_new (ds, filter);
  fixture_options (&options);
  options.mode = NHS_CHART_MODE_MONTHLY;
  png = nhs_chart_export_to_bytes (model, &options, NHS_CHART_FORMAT_PNG, &error);
  g_assert_no_error (error);
  text = png_text (png);

  g_assert_cmpstr (g_hash_table_lookup (text, "Title"), ==, "Chart fixture");
  g_assert_cmpstr (g_hash_table_lookup (text, "Software"), ==, software);
  /* the publishers behind what is shown, most cited first */
  g_assert_cmpstr (g_hash_table_lookup (text, "Source"), ==, "Chart fixture: BMA; Department of Health and Social Care");
  g_assert_cmpstr (g_hash_table_lookup (text, "Comment"), ==,
                   "Range: 2023-12-01 to 2024-05-31 (Europe/London). Groups: resident. Mode: monthly, pay. "
                   "Filter: groups hidden: consultant.");
  /* and cairo still reads the file */
  cairo_surface_destroy (decode_png (png));
}

/* Whether binary data (with NULs in it) contains the text */
static gboolean
contains (const char *data,
          gsize       len,
          const char *text)
{
  gsize n = strlen (text);

  for (gsize i = 0; i + n <= len; i++)
    if (memcmp (data + i, text, n) == 0)
      return TRUE;
  return FALSE;
}

static void
test_vector (void)
{
  g_autoptr(NhsDataset) ds = test_load_fixture ("chart.json");
  g_autoptr(NhsChartModel) model = nhs_chart_model_new (ds, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) svg = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GBytes) pdf2 = NULL;
  g_autofree char *svg_text = NULL;
  NhsChartExportOptions options;
  const char *pdf_data;
  gsize len;

  fixture_options (&options);
  svg = nhs_chart_export_to_bytes (model, &options, NHS_CHART_FORMAT_SVG, &error);
  g_assert_no_error (error);
  svg_text = g_strndup (g_bytes_get_data (svg, NULL), g_bytes_get_size (svg));
  g_assert_true (g_str_has_prefix (svg_text, "<?xml"));
  g_assert_nonnull (strstr (svg_text, "width=\"800px\""));
  g_assert_nonnull (strstr (svg_text, "height=\"500px\""));
  /* the residents' colour is there as a fill */
  g_assert_nonnull (strstr (svg_text, "rgb(10.980392%,44.313725%,84.705882%)"));

  pdf = nhs_chart_export_to_bytes (model, &options, NHS_CHART_FORMAT_PDF, &error);
  g_assert_no_error (error);
  pdf_data = g_bytes_get_data (pdf, &len);
  g_assert_true (len > 1000 && memcmp (pdf_data, "%PDF-", 5) == 0);
  /* the date is the data's (the fixture's extent ends 1 August 2024), never
   * the clock's, so a second export is the same file */
  g_assert_true (contains (pdf_data, len, "/CreationDate (20240731230000Z)"));
  g_assert_true (contains (pdf_data, len, "/Title (Chart fixture)"));
  pdf2 = nhs_chart_export_to_bytes (model, &options, NHS_CHART_FORMAT_PDF, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (pdf, pdf2));
}

static void
test_format_for_path (void)
{
  NhsChartFormat format;

  g_assert_true (nhs_chart_format_for_path ("chart.png", &format));
  g_assert_cmpint (format, ==, NHS_CHART_FORMAT_PNG);
  g_assert_true (nhs_chart_format_for_path ("/tmp/Chart.SVG", &format));
  g_assert_cmpint (format, ==, NHS_CHART_FORMAT_SVG);
  g_assert_true (nhs_chart_format_for_path ("a.b.pdf", &format));
  g_assert_cmpint (format, ==, NHS_CHART_FORMAT_PDF);
  g_assert_false (nhs_chart_format_for_path ("chart.jpg", &format));
  g_assert_false (nhs_chart_format_for_path ("png", &format));
}

static guint
count_files (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  g_assert_nonnull (d);
  while (g_dir_read_name (d) != NULL)
    n++;
  return n;
}

static void
test_failures_leave_nothing (void)
{
  g_autoptr(NhsDataset) ds = test_load_fixture ("chart.json");
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("nhs-chart-XXXXXX", NULL);
  g_autofree char *existing = g_build_filename (dir, "chart.png", NULL);
  g_autofree char *missing = g_build_filename (dir, "no-such-folder", "chart.png", NULL);
  g_autofree char *wrong = g_build_filename (dir, "chart.jpg", NULL);
  g_autofree char *folder_png = g_build_filename (dir, "folder.png", NULL);
  g_autofree char *contents = NULL;
  NhsChartExportOptions options;

  g_assert_nonnull (dir);
  g_assert_true (g_file_set_contents (existing, "old", -1, NULL));
  nhs_chart_export_options_init (&options);

  /* a folder that does not exist */
  g_assert_false (nhs_chart_export_file (ds, NULL, &options, missing, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "the folder does not exist"));
  g_clear_error (&error);

  /* a path that is a folder, with or without a picture's extension */
  g_assert_false (nhs_chart_export_file (ds, NULL, &options, dir, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY);
  g_assert_nonnull (strstr (error->message, "that is a folder"));
  g_clear_error (&error);
  g_assert_cmpint (g_mkdir (folder_png, 0755), ==, 0);
  g_assert_false (nhs_chart_export_file (ds, NULL, &options, folder_png, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY);
  g_clear_error (&error);
  g_assert_cmpint (g_rmdir (folder_png), ==, 0);

  /* a name whose extension says no format */
  g_assert_false (nhs_chart_export_file (ds, NULL, &options, wrong, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_assert_nonnull (strstr (error->message, ".png, .svg or .pdf"));
  g_clear_error (&error);

  /* too many pixels: refused before anything is written, the old file kept */
  options.width = 10000;
  options.height = 10000;
  options.scale = 2;
  g_assert_false (nhs_chart_export_file (ds, NULL, &options, existing, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_assert_nonnull (strstr (error->message, "too large"));
  g_clear_error (&error);
  g_assert_true (g_file_get_contents (existing, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "old");

  /* nothing but the old file in the folder: no temporary files left */
  g_assert_cmpuint (count_files (dir), ==, 1);

  /* and a good export replaces it whole */
  nhs_chart_export_options_init (&options);
  g_assert_true (nhs_chart_export_file (ds, NULL, &options, existing, &error));
  g_assert_no_error (error);
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (existing, &contents, NULL, NULL));
  g_assert_cmpmem (contents, 8, "\x89PNG\r\n\x1a\n", 8);
  g_assert_cmpuint (count_files (dir), ==, 1);

  g_assert_cmpint (g_remove (existing), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* What is where; what the tooltip says of each is test-chart-tooltip's */
static void
test_hits (void)
{
  g_autoptr(NhsDataset) ds = test_load_fixture ("chart.json");
  g_autoptr(NhsChartModel) model = nhs_chart_model_new (ds, NULL);
  g_autoptr(NhsChartRenderer) renderer = NULL;
  NhsChartExportOptions options;
  NhsChartHit hit;
  double strike_x, quiet_x;

  fixture_options (&options);
  renderer = layout_like_export (model, &options);
  strike_x = x_for (renderer, &options, local_day (2024, 1, 4) + 7 * HOUR_US);
  quiet_x = x_for (renderer, &options, local_day (2024, 3, 16));

  /* the bar: its event */
  g_assert_true (nhs_chart_renderer_hit_test (renderer, strike_x, lane_middle (renderer, 0), &hit));
  g_assert_cmpint (hit.kind, ==, NHS_CHART_HIT_BAR);
  g_assert_cmpstr (nhs_event_get_id (hit.event), ==, "rd-jan");

  /* the residents' lane away from bars: the mandate behind it */
  g_assert_true (nhs_chart_renderer_hit_test (renderer, quiet_x, lane_middle (renderer, 0), &hit));
  g_assert_cmpint (hit.kind, ==, NHS_CHART_HIT_MANDATE);
  g_assert_cmpstr (nhs_event_get_id (hit.event), ==, "ballot-rd");

  /* the consultants' lane in March: nothing */
  g_assert_false (nhs_chart_renderer_hit_test (renderer, quiet_x, lane_middle (renderer, 1), &hit));
  g_assert_cmpint (hit.kind, ==, NHS_CHART_HIT_NONE);

  /* scanning down through 10 February finds the offer's marker and its
   * pay point */
  {
    double x = x_for (renderer, &options, local_day (2024, 2, 10) + 12 * HOUR_US);
    gboolean marker = FALSE, point = FALSE;

    for (double y = 0; y < options.height; y += 1)
      if (nhs_chart_renderer_hit_test (renderer, x, y, &hit))
        {
          if (hit.kind == NHS_CHART_HIT_MARKER && g_str_equal (nhs_event_get_id (hit.event), "offer-rd"))
            marker = TRUE;
          if (hit.kind == NHS_CHART_HIT_PAY_POINT)
            {
              const NhsChartPayPoint *p = &g_array_index (nhs_chart_model_get_pay_points (model), NhsChartPayPoint,
                                                          hit.index);
              point = TRUE;
              g_assert_cmpstr (nhs_event_get_id (hit.event), ==, "offer-rd");
              g_assert_cmpstr (nhs_figure_get_id (p->figure), ==, "offer-rd-3");
            }
        }
    g_assert_true (marker);
    g_assert_true (point);
  }
}

/* The darkest pixel (the least red) of a row between x0 and x1 */
static Pixel
darkest_pixel (cairo_surface_t *image,
               int              x0,
               int              x1,
               int              y)
{
  Pixel darkest = pixel_at (image, x0, y);

  for (int x = x0 + 1; x <= x1; x++)
    if (pixel_at (image, x, y).r < darkest.r)
      darkest = pixel_at (image, x, y);
  return darkest;
}

/* The announced walkout of 1–3 July 2024 (the residents' lane): wide
 * enough, a light fill inside an outline of the lane's colour; a few
 * pixels wide, a fill lighter than a walkout that happened, but visible */
static void
test_announced_walkout (void)
{
  g_autoptr(NhsChartModel) model = fixture_model ();
  g_auto(Exported) wide = { 0 };
  g_auto(Exported) narrow = { 0 };
  Pixel inside, edge, lane, thin, happened;
  double x0, x1;

  fixture_options (&wide.options);
  wide.options.from_us = local_day (2024, 6, 15);
  wide.options.to_us = local_day (2024, 7, 20);
  export_png (&wide, model);
  x0 = x_for (wide.renderer, &wide.options, local_day (2024, 7, 1) + 7 * HOUR_US);
  x1 = x_for (wide.renderer, &wide.options, local_day (2024, 7, 3) + 7 * HOUR_US);
  g_assert_cmpfloat (x1 - x0, >, 20);
  inside = pixel_at (wide.image, (int) ((x0 + x1) / 2), (int) wide.resident_y);
  lane = pixel_at (wide.image, (int) x_for (wide.renderer, &wide.options, local_day (2024, 7, 12)), (int) wide.resident_y);
  /* the outline: the darkest pixel at the bar's left end, near the colour
   * (a line of 1.5 pixels, smoothed) */
  edge = darkest_pixel (wide.image, (int) x0, (int) x0 + 3, (int) wide.resident_y);
  g_assert_cmpint (edge.r, <, 0x60);
  g_assert_cmpint (edge.b, >, 0xc8);
  /* inside, a light tint over the lane's own shade */
  g_assert_cmpint (inside.r, <, lane.r - 20);
  g_assert_cmpint (inside.r, >, edge.r + 80);

  /* 600 days across 800 pixels: the walkout is under three pixels wide */
  fixture_options (&narrow.options);
  narrow.options.from_us = local_day (2023, 1, 1);
  narrow.options.to_us = local_day (2024, 8, 23);
  export_png (&narrow, model);
  x0 = x_for (narrow.renderer, &narrow.options, local_day (2024, 7, 1) + 7 * HOUR_US);
  x1 = x_for (narrow.renderer, &narrow.options, local_day (2024, 7, 3) + 7 * HOUR_US);
  g_assert_cmpfloat (x1 - x0, <, 4);
  /* the darkest pixel across it */
  thin = darkest_pixel (narrow.image, (int) x0 - 1, (int) x1 + 1, (int) narrow.resident_y);
  happened = pixel_at (narrow.image, (int) x_for (narrow.renderer, &narrow.options, local_day (2024, 1, 5)),
                       (int) narrow.resident_y);
  assert_pixel (happened, 0x1c, 0x71, 0xd8);
  /* lighter than the colour, well away from white */
  g_assert_cmpint (thin.r, >, happened.r + 40);
  g_assert_cmpint (thin.r, <, 0xe0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/chart-export/pixels", test_pixels);
  g_test_add_func ("/chart-export/pay-award-step", test_pay_award_step);
  g_test_add_func ("/chart-export/pay-inferred", test_pay_inferred);
  g_test_add_func ("/chart-export/cumulative-panel", test_cumulative_panel);
  g_test_add_func ("/chart-export/pay-labels-clear", test_pay_labels_clear);
  g_test_add_func ("/chart-export/long-title", test_long_title);
  g_test_add_func ("/chart-export/scale", test_scale);
  g_test_add_func ("/chart-export/announced-walkout", test_announced_walkout);
  g_test_add_func ("/chart-export/dark", test_dark);
  g_test_add_func ("/chart-export/transparent", test_transparent);
  g_test_add_func ("/chart-export/png-text", test_png_text);
  g_test_add_func ("/chart-export/vector", test_vector);
  g_test_add_func ("/chart-export/format-for-path", test_format_for_path);
  g_test_add_func ("/chart-export/failures-leave-nothing", test_failures_leave_nothing);
  g_test_add_func ("/chart-export/hits", test_hits);

  return g_test_run ();
}
