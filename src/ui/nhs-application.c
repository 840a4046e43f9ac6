/* nhs-application.c
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nhs-application"

#include "config.h"

#include <glib/gi18n.h>

#include "nhs-about.h"
#include "nhs-application.h"
#include "nhs-color-scheme.h"
#include "nhs-preferences-dialog.h"
#include "nhs-window.h"
#include "nhs-window-private.h"

struct _NhsApplication
{
  GtkApplication parent_instance;
};

G_DEFINE_FINAL_TYPE (NhsApplication, nhs_application, GTK_TYPE_APPLICATION)

static NhsWindow *
get_or_create_window (NhsApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window == NULL)
    window = GTK_WINDOW (nhs_window_new (self));
  return NHS_WINDOW (window);
}

static void
nhs_application_activate (GApplication *app)
{
  NhsWindow *window = get_or_create_window (NHS_APPLICATION (app));

  if (nhs_window_get_dataset (window) == NULL && !nhs_window_is_loading (window))
    nhs_window_load_initial (window);
  gtk_window_present (GTK_WINDOW (window));
}

static void
nhs_application_open (GApplication  *app,
                      GFile        **files,
                      int            n_files,
                      const char    *hint)
{
  NhsWindow *window = get_or_create_window (NHS_APPLICATION (app));

  /* one dataset at a time: the last file named wins */
  if (n_files > 0)
    nhs_window_open_file (window, files[n_files - 1]);
  gtk_window_present (GTK_WINDOW (window));
}

static void
quit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  GtkApplication *app = user_data;
  GList *windows;

  /* a window with unsaved changes asks first; its answer closes it, and
   * the application ends with its last window */
  for (GList *l = gtk_application_get_windows (app); l != NULL; l = l->next)
    if (NHS_IS_WINDOW (l->data) && nhs_window_has_unsaved_changes (l->data))
      {
        gtk_window_present (l->data);
        gtk_window_close (l->data);
        return;
      }

  /* closing each window lets it save its size and panes */
  while ((windows = gtk_application_get_windows (app)) != NULL)
    gtk_window_destroy (windows->data);
  g_application_quit (G_APPLICATION (app));
}

static void
preferences_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  nhs_preferences_dialog_present (gtk_application_get_active_window (user_data));
}

static void
about_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  nhs_about_present (gtk_application_get_active_window (user_data));
}

/* app.show-event('rd-2024-01'): a way in from outside (a script, a
 * notification, gapplication action) to one event */
static void
show_event_activated (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  GtkWindow *window = gtk_application_get_active_window (user_data);
  const char *id = g_variant_get_string (parameter, NULL);

  if (!NHS_IS_WINDOW (window) || !nhs_window_show_event (NHS_WINDOW (window), id))
    g_message ("No event “%s” in the dataset shown", id);
}

/* app.inspect-event('rd-2024-01'): the same, with the inspector open on
 * it, to edit it (and for the screenshots of the inspector, as a key
 * press sent under a bare X server reaches no window) */
static void
inspect_event_activated (GSimpleAction *action,
                         GVariant      *parameter,
                         gpointer       user_data)
{
  GtkWindow *window = gtk_application_get_active_window (user_data);
  const char *id = g_variant_get_string (parameter, NULL);
  NhsDataset *dataset = NHS_IS_WINDOW (window) ? nhs_window_get_dataset (NHS_WINDOW (window)) : NULL;
  NhsEvent *event = dataset ? nhs_dataset_lookup_event (dataset, id) : NULL;

  if (event == NULL)
    {
      g_message ("No event “%s” in the dataset shown", id);
      return;
    }
  nhs_window_inspect_event (NHS_WINDOW (window), event, TRUE);
}

static const GActionEntry app_actions[] = {
  { "quit", quit_activated },
  { "preferences", preferences_activated },
  { "about", about_activated },
  { "show-event", show_event_activated, "s" },
  { "inspect-event", inspect_event_activated, "s" },
};

static void
load_style (void)
{
  g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();

  gtk_css_provider_load_from_resource (provider, RESOURCE_PREFIX "/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

static void
nhs_application_startup (GApplication *app)
{
  static const struct {
    const char *action;
    const char *accels[3];
  } accels[] = {
    { "app.quit", { "<Control>q", NULL } },
    { "app.preferences", { "<Control>comma", NULL } },
    { "win.open", { "<Control>o", NULL } },
    { "win.export-chart", { "<Control>e", NULL } },
    { "win.export-csv", { "<Control><Shift>e", NULL } },
    { "win.export-briefing", { "<Control><Shift>b", NULL } },
  };

  G_APPLICATION_CLASS (nhs_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions, G_N_ELEMENTS (app_actions), app);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (app), accels[i].action, accels[i].accels);
  load_style ();
  /* the desktop's light or dark style, or the one the user chose */
  nhs_color_scheme_setup (GTK_APPLICATION (app));
}

static void
nhs_application_class_init (NhsApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  app_class->activate = nhs_application_activate;
  app_class->open = nhs_application_open;
  app_class->startup = nhs_application_startup;
}

static void
nhs_application_init (NhsApplication *self)
{
}

NhsApplication *
nhs_application_new (void)
{
  return g_object_new (NHS_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", RESOURCE_PREFIX,
                       NULL);
}
