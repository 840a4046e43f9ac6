/* nhs-window.c
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nhs-window"

#include "config.h"

#include <glib/gi18n.h>

#include "nhs-dataset-loader.h"
#include "nhs-window.h"

struct _NhsWindow
{
  GtkApplicationWindow parent_instance;

  NhsDataset *dataset;
  GCancellable *load_cancellable;

  GtkLabel *title_label;
  GtkLabel *subtitle_label;
  GtkLabel *count_label;
};

G_DEFINE_FINAL_TYPE (NhsWindow, nhs_window, GTK_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_DATASET,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
show_error (NhsWindow  *self,
            const char *primary,
            const char *secondary)
{
  GtkWidget *dialog = gtk_message_dialog_new (GTK_WINDOW (self),
                                              GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                              GTK_MESSAGE_ERROR, GTK_BUTTONS_CLOSE,
                                              "%s", primary);
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s", secondary);
  g_signal_connect (dialog, "response", G_CALLBACK (gtk_window_destroy), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
update_labels (NhsWindow *self)
{
  gint64 start_us, end_us;
  g_autofree char *count = NULL;

  if (self->dataset == NULL)
    return;

  gtk_label_set_label (self->title_label, nhs_dataset_get_title (self->dataset));
  if (nhs_dataset_get_time_bounds (self->dataset, &start_us, &end_us))
    {
      g_autoptr(GDateTime) s = g_date_time_new_from_unix_local (start_us / G_USEC_PER_SEC);
      g_autoptr(GDateTime) e = g_date_time_new_from_unix_local (end_us / G_USEC_PER_SEC);
      g_autofree char *fs = g_date_time_format (s, "%B %Y");
      g_autofree char *fe = g_date_time_format (e, "%B %Y");
      g_autofree char *sub = g_strdup_printf (_("%s to %s"), fs, fe);
      gtk_label_set_label (self->subtitle_label, sub);
    }
  count = g_strdup_printf (ngettext ("%u event", "%u events", nhs_dataset_get_n_events (self->dataset)),
                           nhs_dataset_get_n_events (self->dataset));
  gtk_label_set_label (self->count_label, count);
}

static void
load_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(NhsWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(NhsDataset) dataset = nhs_dataset_load_file_finish (result, &error);

  if (dataset == NULL)
    {
      if (g_error_matches (error, NHS_DATASET_ERROR, NHS_DATASET_ERROR_CANCELLED))
        return;
      /* keep what is shown; with nothing shown yet, show the bundled data */
      if (self->dataset == NULL)
        nhs_window_load_bundled (self);
      show_error (self, _("Could not open the dataset"), error->message);
      return;
    }
  nhs_window_set_dataset (self, dataset);
}

static void
nhs_window_dispose (GObject *object)
{
  NhsWindow *self = NHS_WINDOW (object);

  g_cancellable_cancel (self->load_cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), NHS_TYPE_WINDOW);
  G_OBJECT_CLASS (nhs_window_parent_class)->dispose (object);
}

static void
nhs_window_finalize (GObject *object)
{
  NhsWindow *self = NHS_WINDOW (object);

  g_clear_object (&self->dataset);
  g_clear_object (&self->load_cancellable);
  G_OBJECT_CLASS (nhs_window_parent_class)->finalize (object);
}

static void
nhs_window_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  NhsWindow *self = NHS_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DATASET:
      g_value_set_object (value, self->dataset);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nhs_window_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  NhsWindow *self = NHS_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DATASET:
      nhs_window_set_dataset (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nhs_window_class_init (NhsWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = nhs_window_dispose;
  object_class->finalize = nhs_window_finalize;
  object_class->get_property = nhs_window_get_property;
  object_class->set_property = nhs_window_set_property;

  properties[PROP_DATASET] =
    g_param_spec_object ("dataset", NULL, NULL, NHS_TYPE_DATASET,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/NhsDispute/ui/nhs-window.ui");
  gtk_widget_class_bind_template_child (widget_class, NhsWindow, title_label);
  gtk_widget_class_bind_template_child (widget_class, NhsWindow, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, NhsWindow, count_label);
}

static void
nhs_window_init (NhsWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

NhsWindow *
nhs_window_new (NhsApplication *application)
{
  return g_object_new (NHS_TYPE_WINDOW, "application", application, NULL);
}

NhsDataset *
nhs_window_get_dataset (NhsWindow *self)
{
  g_return_val_if_fail (NHS_IS_WINDOW (self), NULL);
  return self->dataset;
}

void
nhs_window_set_dataset (NhsWindow  *self,
                        NhsDataset *dataset)
{
  g_return_if_fail (NHS_IS_WINDOW (self));
  g_return_if_fail (dataset == NULL || NHS_IS_DATASET (dataset));

  if (!g_set_object (&self->dataset, dataset))
    return;
  update_labels (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATASET]);
}

void
nhs_window_load_bundled (NhsWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NhsDataset) dataset = nhs_dataset_load_bundled (&error);

  g_return_if_fail (NHS_IS_WINDOW (self));

  if (dataset == NULL)
    {
      /* only a broken build gets here */
      show_error (self, _("Could not load the bundled dataset"), error->message);
      return;
    }
  nhs_window_set_dataset (self, dataset);
}

void
nhs_window_open_file (NhsWindow *self,
                      GFile     *file)
{
  g_return_if_fail (NHS_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  self->load_cancellable = g_cancellable_new ();
  nhs_dataset_load_file_async (file, self->load_cancellable, NULL, NULL, load_cb, g_object_ref (self));
}
