/* nhs-export-dialog.c: Export Chart…
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The choices live in the export-* settings, as actions the controls are
 * bound to, so the next export starts from the last. The preview is the
 * exported picture itself, drawn by the same renderer, scaled to fit.
 */
#define G_LOG_DOMAIN "nhs-export-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "nhs-chart-renderer.h"
#include "nhs-export-dialog.h"
#include "nhs-export-dialog-private.h"
#include "nhs-ui-text.h"

struct _NhsExportDialog
{
  GtkWindow parent_instance;

  GtkSpinButton *width_spin;
  GtkSpinButton *height_spin;
  GtkDrawingArea *preview;
  GtkLabel *summary_label;

  NhsDataset *dataset;
  NhsEventFilter *filter;
  NhsChartModel *model;
  NhsChartRenderer *renderer;
  GSettings *settings;
  /* what the view shows: range, mode, series */
  NhsChartExportOptions view_options;
  GtkFileChooserNative *chooser;
};

G_DEFINE_FINAL_TYPE (NhsExportDialog, nhs_export_dialog, GTK_TYPE_WINDOW)

enum {
  EXPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char * const setting_actions[] = {
  "export-scale", "export-background", "export-show-title", "export-show-legend", "export-show-source",
};

/* Auxiliary functions */

static void
show_error (GtkWindow  *parent,
            const char *message)
{
  GtkWidget *dialog = gtk_message_dialog_new (parent, GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                              GTK_MESSAGE_ERROR, GTK_BUTTONS_CLOSE,
                                              "%s", _("Could not export the chart"));

  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s", message);
  g_signal_connect (dialog, "response", G_CALLBACK (gtk_window_destroy), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
update_summary (NhsExportDialog *self)
{
  NhsChartExportOptions options;
  g_autofree char *range = NULL;
  g_autofree char *text = NULL;
  const char *filter = nhs_chart_model_get_filter_description (self->model);
  const char *mode;

  nhs_export_dialog_get_options (self, &options);
  if (options.to_us > options.from_us)
    range = nhs_format_span (nhs_chart_model_get_timezone (self->model), options.from_us, options.to_us);
  else
    {
      gint64 from, to;
      nhs_chart_model_get_extent (self->model, &from, &to);
      range = nhs_format_span (nhs_chart_model_get_timezone (self->model), from, to);
    }
  mode = options.mode == NHS_CHART_MODE_MONTHLY ? _("strike days per month") : _("walkouts by group");

  /* TRANSLATORS: the export dialog's summary: range, what, filter, pixels */
  text = g_strdup_printf (_("Exports what the chart shows: %s, %s%s%s. A PNG is %d × %d pixels; SVG and PDF are drawings that scale freely."),
                          range, mode, filter ? "; " : "", filter ? filter : "",
                          options.width * options.scale, options.height * options.scale);
  gtk_label_set_label (self->summary_label, text);
}

static void
draw_checkerboard (cairo_t *cr,
                   double   width,
                   double   height)
{
  cairo_set_source_rgb (cr, 0.8, 0.8, 0.8);
  cairo_paint (cr);
  cairo_set_source_rgb (cr, 0.95, 0.95, 0.95);
  for (int y = 0; y < height; y += 8)
    for (int x = ((y / 8) % 2) * 8; x < width; x += 16)
      cairo_rectangle (cr, x, y, 8, 8);
  cairo_fill (cr);
}

/* Callbacks */

static void
draw_preview_cb (GtkDrawingArea *area,
                 cairo_t        *cr,
                 int             width,
                 int             height,
                 gpointer        user_data)
{
  NhsExportDialog *self = user_data;
  NhsChartExportOptions options;
  NhsChartStyle style;
  double scale, pw, ph;

  nhs_export_dialog_get_options (self, &options);
  scale = MIN ((double) width / options.width, (double) height / options.height);
  pw = options.width * scale;
  ph = options.height * scale;

  cairo_translate (cr, (width - pw) / 2, (height - ph) / 2);
  cairo_rectangle (cr, 0, 0, pw, ph);
  cairo_clip (cr);
  if (options.background == NHS_CHART_BACKGROUND_TRANSPARENT)
    draw_checkerboard (cr, pw, ph);
  cairo_scale (cr, scale, scale);

  nhs_chart_export_options_to_style (&options, &style);
  nhs_chart_renderer_set_style (self->renderer, &style);
  nhs_chart_renderer_render (self->renderer, self->model, cr, options.width, options.height,
                             options.from_us, options.to_us);
}

static void
settings_changed_cb (NhsExportDialog *self)
{
  update_summary (self);
  gtk_widget_queue_draw (GTK_WIDGET (self->preview));
}

static void
chooser_response_cb (NhsExportDialog      *self,
                     int                   response,
                     GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  GtkFileFilter *filter;
  const char *suffix;
  NhsChartFormat format;

  if (response != GTK_RESPONSE_ACCEPT)
    {
      g_clear_object (&self->chooser);
      return;
    }
  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  filter = gtk_file_chooser_get_filter (GTK_FILE_CHOOSER (chooser));
  suffix = filter ? g_object_get_data (G_OBJECT (filter), "nhs-suffix") : NULL;
  path = g_file_get_path (file);
  /* "chart" with SVG chosen as the type is "chart.svg" */
  if (path != NULL && suffix != NULL && !nhs_chart_format_for_path (path, &format))
    {
      g_autofree char *with = g_strconcat (path, ".", suffix, NULL);
      g_object_unref (file);
      file = g_file_new_for_path (with);
    }
  g_clear_object (&self->chooser);

  if (!nhs_export_dialog_save (self, file, &error))
    {
      show_error (GTK_WINDOW (self), error->message);
      return;
    }
  nhs_export_folder_remember (file, self->settings);
  g_signal_emit (self, signals[EXPORTED], 0, file);
  gtk_window_close (GTK_WINDOW (self));
}

static void
add_filter (GtkFileChooser *chooser,
            const char     *name,
            const char     *suffix)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  gtk_file_filter_add_suffix (filter, suffix);
  g_object_set_data (G_OBJECT (filter), "nhs-suffix", (gpointer) suffix);
  gtk_file_chooser_add_filter (chooser, filter);
}

static void
choose_file_action (GtkWidget  *widget,
                    const char *name,
                    GVariant   *param)
{
  NhsExportDialog *self = NHS_EXPORT_DIALOG (widget);
  GtkFileChooser *chooser;

  if (self->chooser != NULL)
    return;
  self->chooser = gtk_file_chooser_native_new (_("Export Chart"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                               _("_Export"), _("_Cancel"));
  chooser = GTK_FILE_CHOOSER (self->chooser);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  /* TRANSLATORS: the suggested file name of an exported chart */
  gtk_file_chooser_set_current_name (chooser, _("nhs-dispute-chart.png"));
  nhs_export_folder_restore (chooser, self->settings);
  add_filter (chooser, _("PNG image"), "png");
  add_filter (chooser, _("SVG drawing"), "svg");
  add_filter (chooser, _("PDF document"), "pdf");
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (chooser_response_cb), self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* GObject overrides */

static void
nhs_export_dialog_dispose (GObject *object)
{
  NhsExportDialog *self = NHS_EXPORT_DIALOG (object);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), NHS_TYPE_EXPORT_DIALOG);
  G_OBJECT_CLASS (nhs_export_dialog_parent_class)->dispose (object);
}

static void
nhs_export_dialog_finalize (GObject *object)
{
  NhsExportDialog *self = NHS_EXPORT_DIALOG (object);

  g_clear_object (&self->dataset);
  g_clear_object (&self->filter);
  g_clear_object (&self->model);
  g_clear_object (&self->renderer);
  g_clear_object (&self->settings);
  G_OBJECT_CLASS (nhs_export_dialog_parent_class)->finalize (object);
}

static void
nhs_export_dialog_class_init (NhsExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = nhs_export_dialog_dispose;
  object_class->finalize = nhs_export_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/NhsDispute/ui/nhs-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, NhsExportDialog, width_spin);
  gtk_widget_class_bind_template_child (widget_class, NhsExportDialog, height_spin);
  gtk_widget_class_bind_template_child (widget_class, NhsExportDialog, preview);
  gtk_widget_class_bind_template_child (widget_class, NhsExportDialog, summary_label);

  gtk_widget_class_install_action (widget_class, "export.choose-file", NULL, choose_file_action);

  /* a chart was written to this file */
  signals[EXPORTED] =
    g_signal_new ("exported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_FILE);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
nhs_export_dialog_init (NhsExportDialog *self)
{
  g_autoptr(GSimpleActionGroup) actions = g_simple_action_group_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  self->renderer = nhs_chart_renderer_new ();
  self->settings = g_settings_new (APP_ID);

  for (guint i = 0; i < G_N_ELEMENTS (setting_actions); i++)
    {
      g_autoptr(GAction) action = g_settings_create_action (self->settings, setting_actions[i]);
      g_action_map_add_action (G_ACTION_MAP (actions), action);
    }
  gtk_widget_insert_action_group (GTK_WIDGET (self), "export", G_ACTION_GROUP (actions));
  g_settings_bind (self->settings, "export-width", self->width_spin, "value", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "export-height", self->height_spin, "value", G_SETTINGS_BIND_DEFAULT);
  g_signal_connect_object (self->settings, "changed", G_CALLBACK (settings_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_drawing_area_set_draw_func (self->preview, draw_preview_cb, self, NULL);
}

/* Public API */

NhsExportDialog *
nhs_export_dialog_new (GtkWindow      *parent,
                       NhsDataset     *dataset,
                       NhsEventFilter *filter,
                       NhsChartView   *view)
{
  NhsExportDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (NHS_IS_DATASET (dataset), NULL);
  g_return_val_if_fail (filter == NULL || NHS_IS_EVENT_FILTER (filter), NULL);
  g_return_val_if_fail (view == NULL || NHS_IS_CHART_VIEW (view), NULL);

  self = g_object_new (NHS_TYPE_EXPORT_DIALOG, "transient-for", parent, NULL);
  self->dataset = g_object_ref (dataset);
  self->filter = filter ? g_object_ref (filter) : NULL;
  self->model = nhs_chart_model_new (dataset, filter);
  if (view != NULL)
    nhs_chart_view_get_export_options (view, &self->view_options);
  else
    nhs_chart_export_options_init (&self->view_options);
  update_summary (self);
  return self;
}

NhsExportDialog *
nhs_export_dialog_present (GtkWindow      *parent,
                           NhsDataset     *dataset,
                           NhsEventFilter *filter,
                           NhsChartView   *view)
{
  NhsExportDialog *self;

  g_return_val_if_fail (NHS_IS_DATASET (dataset), NULL);

  self = nhs_export_dialog_new (parent, dataset, filter, view);
  /* Enter exports: the focus starts on Export…, not on Cancel */
  gtk_window_set_focus (GTK_WINDOW (self), gtk_window_get_default_widget (GTK_WINDOW (self)));
  gtk_window_present (GTK_WINDOW (self));
  return self;
}

void
nhs_export_folder_restore (GtkFileChooser *chooser,
                           GSettings      *settings)
{
  g_autofree char *uri = g_settings_get_string (settings, "export-folder");
  g_autoptr(GFile) folder = NULL;

  if (*uri == '\0')
    return;
  folder = g_file_new_for_uri (uri);
  /* a folder since removed: the chooser's own choice */
  if (g_file_query_file_type (folder, G_FILE_QUERY_INFO_NONE, NULL) == G_FILE_TYPE_DIRECTORY)
    gtk_file_chooser_set_current_folder (chooser, folder, NULL);
}

void
nhs_export_folder_remember (GFile     *file,
                            GSettings *settings)
{
  g_autoptr(GFile) folder = g_file_get_parent (file);
  g_autofree char *uri = folder ? g_file_get_uri (folder) : NULL;

  if (uri != NULL)
    g_settings_set_string (settings, "export-folder", uri);
}

void
nhs_export_dialog_get_options (NhsExportDialog       *self,
                               NhsChartExportOptions *options)
{
  g_return_if_fail (NHS_IS_EXPORT_DIALOG (self));
  g_return_if_fail (options != NULL);

  *options = self->view_options;
  options->width = g_settings_get_int (self->settings, "export-width");
  options->height = g_settings_get_int (self->settings, "export-height");
  options->scale = g_settings_get_int (self->settings, "export-scale");
  options->background = g_settings_get_enum (self->settings, "export-background");
  options->show_title = g_settings_get_boolean (self->settings, "export-show-title");
  options->show_legend = g_settings_get_boolean (self->settings, "export-show-legend");
  options->show_source = g_settings_get_boolean (self->settings, "export-show-source");
}

gboolean
nhs_export_dialog_save (NhsExportDialog *self,
                        GFile           *file,
                        GError         **error)
{
  NhsChartExportOptions options;
  NhsChartFormat format;
  g_autofree char *path = NULL;

  g_return_val_if_fail (NHS_IS_EXPORT_DIALOG (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_autofree char *name = g_file_get_parse_name (file);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("Could not save to %s: only local files can be written."), name);
      return FALSE;
    }
  /* a name without a picture's extension gets the PNG one, rather than an
   * error about a choice the person did not see */
  if (!g_file_test (path, G_FILE_TEST_IS_DIR) && !nhs_chart_format_for_path (path, &format))
    {
      char *with = g_strconcat (path, ".png", NULL);
      g_free (path);
      path = with;
    }
  nhs_export_dialog_get_options (self, &options);
  return nhs_chart_export_file (self->dataset, self->filter, &options, path, error);
}

/* Private API, for the tests */

GtkFileChooserNative *
nhs_export_dialog_get_file_chooser (NhsExportDialog *self)
{
  g_return_val_if_fail (NHS_IS_EXPORT_DIALOG (self), NULL);
  return self->chooser;
}
