/* nhs-chart-export.c: the chart as a PNG, SVG or PDF file
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Everything is drawn into memory first and written with
 * nhs_write_file_atomic(), so a failure never leaves half a file. The same
 * inputs give the same bytes: PNG text chunks carry no time, and the PDF's
 * dates are the dataset's, not the clock's.
 */
#define G_LOG_DOMAIN "nhs-chart-export"

#include "config.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <glib/gi18n.h>
#include <math.h>

#include "nhs-chart-export.h"
#include "nhs-event-writer.h"
#include "nhs-export-private.h"
#include "nhs-png-writer.h"
#include "nhs-time-zone.h"

/* The largest image cairo draws, per side, and the most pixels we ask for
 * in all (400 MB of memory) */
#define MAX_PIXELS 32767
#define MAX_AREA (100 * 1000 * 1000)

/* Auxiliary functions */

static char *
dup_sources_text (NhsChartModel *model)
{
  const char * const *publishers = nhs_chart_model_get_publishers (model);
  NhsDataset *dataset = nhs_chart_model_get_dataset (model);

  if (publishers == NULL || publishers[0] == NULL)
    return g_strdup (nhs_dataset_get_title (dataset));
  {
    g_autofree char *joined = g_strjoinv ("; ", (char **) publishers);
    return g_strdup_printf ("%s: %s", nhs_dataset_get_title (dataset), joined);
  }
}

static GDateTime *
dup_pdf_date (NhsChartModel *model)
{
  GDateTime *updated = nhs_dataset_get_updated (nhs_chart_model_get_dataset (model));
  gint64 from, to;

  if (updated != NULL)
    return g_date_time_to_utc (updated);
  nhs_chart_model_get_extent (model, &from, &to);
  return g_date_time_new_from_unix_utc (to / G_USEC_PER_SEC);
}

static gboolean
check_surface (cairo_surface_t *surface,
               int              width,
               int              height,
               GError         **error)
{
  if (cairo_surface_status (surface) == CAIRO_STATUS_SUCCESS)
    return TRUE;
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE,
               _("The chart is too large to draw (%d × %d pixels). Choose a smaller size or scale."),
               width, height);
  return FALSE;
}

static char *
format_day (NhsChartModel *model,
            gint64         us)
{
  g_autoptr(GDateTime) local = nhs_time_zone_local (nhs_chart_model_get_timezone (model), us);

  return g_date_time_format (local, "%Y-%m-%d");
}

/* "Range: 2023-03-01 to 2025-12-31 (Europe/London). Groups: … . Mode: …" */
static char *
dup_comment (NhsChartModel               *model,
             const NhsChartExportOptions *options)
{
  g_autoptr(GString) groups = g_string_new (NULL);
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  const char *filter = nhs_chart_model_get_filter_description (model);
  gint64 from_us = options->from_us, to_us = options->to_us;

  if (to_us <= from_us)
    nhs_chart_model_get_extent (model, &from_us, &to_us);
  from = format_day (model, from_us);
  to = format_day (model, to_us - 1);
  for (guint l = 0; l < nhs_chart_model_get_n_lanes (model); l++)
    {
      const NhsChartLane *lane = nhs_chart_model_get_lane (model, l);
      if (!lane->visible)
        continue;
      g_string_append_printf (groups, "%s%s", groups->len ? ", " : "", nhs_group_get_id (lane->group));
    }
  return g_strdup_printf ("Range: %s to %s (%s). Groups: %s. Mode: %s%s%s. Filter: %s.",
                          from, to, nhs_dataset_get_timezone_id (nhs_chart_model_get_dataset (model)),
                          groups->len ? groups->str : "none",
                          options->mode == NHS_CHART_MODE_MONTHLY ? "monthly" : "timeline",
                          options->show_cumulative ? ", cumulative" : "",
                          options->show_pay ? ", pay" : "",
                          filter ? filter : "none");
}

static void
render (NhsChartModel               *model,
        const NhsChartExportOptions *options,
        cairo_t                     *cr)
{
  g_autoptr(NhsChartRenderer) renderer = nhs_chart_renderer_new ();
  NhsChartStyle style;

  nhs_chart_export_options_to_style (options, &style);
  nhs_chart_renderer_set_style (renderer, &style);
  nhs_chart_renderer_render (renderer, model, cr, options->width, options->height, options->from_us, options->to_us);
}

static GBytes *
export_png (NhsChartModel               *model,
            const NhsChartExportOptions *options,
            GError                     **error)
{
  int scale = CLAMP (options->scale, 1, 2);
  int pw = options->width * scale, ph = options->height * scale;
  cairo_surface_t *surface;
  cairo_t *cr;
  GBytes *png;

  if (pw > MAX_PIXELS || ph > MAX_PIXELS || (gint64) pw * ph > MAX_AREA)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("The chart is too large to draw (%d × %d pixels). Choose a smaller size or scale."), pw, ph);
      return NULL;
    }
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, pw, ph);
  if (!check_surface (surface, pw, ph, error))
    {
      cairo_surface_destroy (surface);
      return NULL;
    }
  cairo_surface_set_device_scale (surface, scale, scale);
  cr = cairo_create (surface);
  render (model, options, cr);
  cairo_destroy (cr);

  {
    g_autofree char *sources = dup_sources_text (model);
    g_autofree char *comment = dup_comment (model, options);
    g_autofree char *software = g_strdup_printf ("%s %s", PACKAGE_NAME, PACKAGE_VERSION);
    const NhsPngText texts[] = {
      { "Title", nhs_dataset_get_title (nhs_chart_model_get_dataset (model)) },
      { "Source", sources },
      { "Software", software },
      { "Comment", comment },
    };

    png = nhs_png_encode (surface, texts, G_N_ELEMENTS (texts), error);
  }
  cairo_surface_destroy (surface);
  return png;
}

static GBytes *
export_vector (NhsChartModel               *model,
               const NhsChartExportOptions *options,
               NhsChartFormat               format,
               GError                     **error)
{
  GByteArray *out = g_byte_array_new ();
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;

  if (format == NHS_CHART_FORMAT_SVG)
    {
      surface = cairo_svg_surface_create_for_stream (_nhs_export_append_cb, out, options->width, options->height);
      cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PX);
    }
  else
    {
      g_autoptr(GDateTime) date = dup_pdf_date (model);

      /* points at 96 pixels per inch, so a 1600-pixel chart prints 16.7 inches wide */
      surface = _nhs_export_pdf_surface_new (out, options->width * 0.75, options->height * 0.75,
                                             nhs_dataset_get_title (nhs_chart_model_get_dataset (model)), date);
    }
  if (!check_surface (surface, options->width, options->height, error))
    {
      cairo_surface_destroy (surface);
      g_byte_array_unref (out);
      return NULL;
    }

  cr = cairo_create (surface);
  if (format == NHS_CHART_FORMAT_PDF)
    cairo_scale (cr, 0.75, 0.75);
  render (model, options, cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_byte_array_unref (out);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not make the %s file: %s"),
                   format == NHS_CHART_FORMAT_SVG ? "SVG" : "PDF", cairo_status_to_string (status));
      return NULL;
    }
  return g_byte_array_free_to_bytes (out);
}

/* What the layer's files share (nhs-export-private.h) */

cairo_status_t
_nhs_export_append_cb (void                *closure,
                       const unsigned char *data,
                       unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

cairo_surface_t *
_nhs_export_pdf_surface_new (GByteArray *out,
                             double      width_pt,
                             double      height_pt,
                             const char *title,
                             GDateTime  *date)
{
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (_nhs_export_append_cb, out, width_pt, height_pt);
  g_autofree char *when = g_date_time_format (date, "%Y-%m-%dT%H:%M:%SZ");
  g_autofree char *creator = g_strdup_printf ("%s %s", PACKAGE_NAME, PACKAGE_VERSION);

  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, creator);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, when);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_MOD_DATE, when);
  return surface;
}

gboolean
_nhs_export_check_not_folder (const char *path,
                              GError    **error)
{
  g_autofree char *name = NULL;

  if (!g_file_test (path, G_FILE_TEST_IS_DIR))
    return TRUE;
  name = g_filename_display_name (path);
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY,
               _("Could not save to %s: that is a folder. Choose a file name."), name);
  return FALSE;
}

/* Public API */

void
nhs_chart_export_options_init (NhsChartExportOptions *options)
{
  *options = (NhsChartExportOptions) {
    .width = 1600,
    .height = 900,
    .scale = 1,
    .background = NHS_CHART_BACKGROUND_LIGHT,
    .show_title = TRUE,
    .show_legend = TRUE,
    .show_source = TRUE,
    .mode = NHS_CHART_MODE_TIMELINE,
    .show_cumulative = FALSE,
    .show_pay = TRUE,
  };
}

void
nhs_chart_export_options_to_style (const NhsChartExportOptions *options,
                                   NhsChartStyle               *style)
{
  g_return_if_fail (options != NULL);
  g_return_if_fail (style != NULL);

  nhs_chart_style_init (style, options->background == NHS_CHART_BACKGROUND_DARK);
  style->fill_background = options->background != NHS_CHART_BACKGROUND_TRANSPARENT;
  /* 13 px at 1600 × 900; smaller pictures get smaller text, to a point */
  style->font_size = CLAMP (round (sqrt ((double) options->width * options->height) / 92.0), 10, 24);
  style->mode = options->mode;
  style->show_cumulative = options->show_cumulative;
  style->show_pay = options->show_pay;
  style->show_title = options->show_title;
  style->show_legend = options->show_legend;
  style->show_source = options->show_source;
}

gboolean
nhs_chart_format_for_path (const char     *path,
                           NhsChartFormat *format)
{
  g_autofree char *lower = NULL;

  g_return_val_if_fail (path != NULL, FALSE);

  lower = g_ascii_strdown (path, -1);
  if (g_str_has_suffix (lower, ".png"))
    *format = NHS_CHART_FORMAT_PNG;
  else if (g_str_has_suffix (lower, ".svg"))
    *format = NHS_CHART_FORMAT_SVG;
  else if (g_str_has_suffix (lower, ".pdf"))
    *format = NHS_CHART_FORMAT_PDF;
  else
    return FALSE;
  return TRUE;
}

GBytes *
nhs_chart_export_to_bytes (NhsChartModel               *model,
                           const NhsChartExportOptions *options,
                           NhsChartFormat               format,
                           GError                     **error)
{
  g_return_val_if_fail (NHS_IS_CHART_MODEL (model), NULL);
  g_return_val_if_fail (options != NULL, NULL);

  if (options->width < 1 || options->height < 1)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, _("The chart needs a width and a height."));
      return NULL;
    }
  if (format == NHS_CHART_FORMAT_PNG)
    return export_png (model, options, error);
  return export_vector (model, options, format, error);
}

gboolean
nhs_chart_export_file (NhsDataset                  *dataset,
                       NhsEventFilter              *filter,
                       const NhsChartExportOptions *options,
                       const char                  *path,
                       GError                     **error)
{
  g_autoptr(NhsChartModel) model = NULL;
  g_autoptr(GBytes) bytes = NULL;
  NhsChartFormat format;

  g_return_val_if_fail (NHS_IS_DATASET (dataset), FALSE);
  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!_nhs_export_check_not_folder (path, error))
    return FALSE;
  if (!nhs_chart_format_for_path (path, &format))
    {
      g_autofree char *name = g_filename_display_basename (path);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("Could not save %s: the name must end in .png, .svg or .pdf, which decides the format."), name);
      return FALSE;
    }

  model = nhs_chart_model_new (dataset, filter);
  bytes = nhs_chart_export_to_bytes (model, options, format, error);
  if (bytes == NULL)
    return FALSE;
  return nhs_write_file_atomic (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), error);
}
