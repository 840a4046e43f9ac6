/* test-shortcuts.c: the Keyboard Shortcuts window lists every shortcut
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Starts the real NhsApplication on a private session bus and checks that
 * GTK finds gtk/help-overlay.ui under the app's resource path (so Ctrl+?
 * opens it), that it lists the shortcuts the app promises, and that every
 * accelerator the app and its window set up appears in it.
 */
#include "config.h"

#include <gtk/gtk.h>

#include "nhs-application.h"
#include "nhs-window.h"
#include "test-ui-util.h"

/* What the issue promises, as GTK accelerator names */
static const char * const promised[] = {
  "<Control>o", "<Control>e", "<Shift><Control>e", "<Control>f", "<Control>g",
  "<Shift><Control>g", "<Control>plus", "<Control>minus", "<Control>0",
  "<Control>comma", "<Control>question", "<Control>q", "<Control>w",
  "Home", "Left", "Right", "Return", NULL
};

static char *
normalise (const char *accel)
{
  guint key;
  GdkModifierType mods;

  if (!gtk_accelerator_parse (accel, &key, &mods))
    return NULL;
  return gtk_accelerator_name (key, mods);
}

/* Every accelerator in the sections of the shortcuts window, normalised
 * (its search page holds copies of them all, which are not counted) */
static void
collect_accels (GtkWidget  *widget,
                GHashTable *accels,
                guint      *n_gestures,
                gboolean    in_section)
{
  in_section = in_section || GTK_IS_SHORTCUTS_SECTION (widget);
  if (in_section && GTK_IS_SHORTCUTS_SHORTCUT (widget))
    {
      g_autofree char *accel = NULL;
      g_autofree char *title = NULL;
      GtkShortcutType type;

      g_object_get (widget, "accelerator", &accel, "title", &title, "shortcut-type", &type, NULL);
      g_assert_nonnull (title);
      g_assert_cmpstr (title, !=, "");
      if (type == GTK_SHORTCUT_ACCELERATOR)
        {
          g_auto(GStrv) parts = g_strsplit (accel, " ", -1);

          for (guint i = 0; parts[i]; i++)
            {
              char *name = normalise (parts[i]);
              if (name == NULL)
                g_error ("“%s” in the shortcuts window is not an accelerator", parts[i]);
              g_hash_table_add (accels, name);
            }
        }
      else
        (*n_gestures)++;
    }
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    collect_accels (c, accels, n_gestures, in_section);
}

/* What a shortcut does, as a key for grouping its alternatives: the named
 * action (with its target), or the trigger itself for any other action */
static char *
shortcut_purpose (GtkShortcut *shortcut,
                  const char  *trigger)
{
  GtkShortcutAction *action = gtk_shortcut_get_action (shortcut);
  GVariant *target = gtk_shortcut_get_arguments (shortcut);
  g_autofree char *args = target ? g_variant_print (target, FALSE) : NULL;

  if (GTK_IS_NAMED_ACTION (action))
    return g_strdup_printf ("%s(%s)", gtk_named_action_get_action_name (GTK_NAMED_ACTION (action)),
                            args ? args : "");
  return g_strdup (trigger);
}

/* The keys the shortcut controllers on @widget bind, normalised, each
 * mapped to what it does */
static GHashTable *
widget_shortcuts (GtkWidget *widget)
{
  GHashTable *triggers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GPtrArray) shortcuts = test_widget_list_shortcuts (widget);

  for (guint i = 0; i < shortcuts->len; i++)
    {
      GtkShortcut *shortcut = g_ptr_array_index (shortcuts, i);
      GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);
      char *name;

      if (!GTK_IS_KEYVAL_TRIGGER (trigger))
        continue;
      name = gtk_accelerator_name (gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)),
                                   gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)));
      g_hash_table_insert (triggers, name, shortcut_purpose (shortcut, name));
    }
  return triggers;
}

/* The shortcuts the app's own widgets add (their class's key bindings and
 * any controller they set up) under @widget, beyond what the GTK class each
 * derives from binds: trigger → purpose */
static void
collect_app_shortcuts (GtkWidget  *widget,
                       GHashTable *into)
{
  if (g_str_has_prefix (G_OBJECT_TYPE_NAME (widget), "Nhs"))
    {
      g_autoptr(GHashTable) own = widget_shortcuts (widget);
      g_autoptr(GHashTable) inherited = NULL;
      GType gtk_type = G_OBJECT_TYPE (widget);
      GHashTableIter iter;
      gpointer trigger, purpose;

      while (g_str_has_prefix (g_type_name (gtk_type), "Nhs"))
        gtk_type = g_type_parent (gtk_type);
      if (!G_TYPE_IS_ABSTRACT (gtk_type))
        {
          GtkWidget *stock = g_object_ref_sink (g_object_new (gtk_type, NULL));
          inherited = widget_shortcuts (stock);
          if (GTK_IS_WINDOW (stock))
            gtk_window_destroy (GTK_WINDOW (stock));
          g_object_unref (stock);
        }

      g_hash_table_iter_init (&iter, own);
      while (g_hash_table_iter_next (&iter, &trigger, &purpose))
        if (inherited == NULL || !g_hash_table_contains (inherited, trigger))
          g_hash_table_insert (into, g_strdup (trigger), g_strdup (purpose));
    }
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    collect_app_shortcuts (c, into);
}

/* Runs once the app is up, its window shown, as after a launch */
static void
check_shortcuts (GtkApplication *app)
{
  g_autoptr(GHashTable) listed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) app_shortcuts = NULL;
  g_autoptr(GHashTable) listed_purposes = NULL;
  g_auto(GStrv) actions = NULL;
  g_auto(GStrv) overlay_accels = NULL;
  GtkWindow *window = gtk_application_get_active_window (app);
  GtkShortcutsWindow *overlay;
  guint n_gestures = 0;
  GHashTableIter iter;
  const char *accel, *purpose;

  /* GTK loads gtk/help-overlay.ui into the app's window and binds Ctrl+? */
  g_assert_true (NHS_IS_WINDOW (window));
  overlay = gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window));
  g_assert_nonnull (overlay);
  overlay_accels = gtk_application_get_accels_for_action (app, "win.show-help-overlay");
  g_assert_true (g_strv_contains ((const char * const *) overlay_accels, "<Control>question"));

  collect_accels (GTK_WIDGET (overlay), listed, &n_gestures, FALSE);
  /* Ctrl+scroll to zoom and dragging to pan have no accelerator */
  g_assert_cmpuint (n_gestures, ==, 2);
  for (guint i = 0; promised[i]; i++)
    {
      g_autofree char *name = normalise (promised[i]);
      if (!g_hash_table_contains (listed, name))
        g_error ("The shortcuts window does not list %s", promised[i]);
    }

  /* every accelerator the app sets up */
  actions = gtk_application_list_action_descriptions (app);
  g_assert_true (g_strv_contains ((const char * const *) actions, "app.quit"));
  g_assert_true (g_strv_contains ((const char * const *) actions, "app.preferences"));
  for (guint i = 0; actions[i]; i++)
    {
      g_auto(GStrv) accels = gtk_application_get_accels_for_action (app, actions[i]);

      for (guint j = 0; accels[j]; j++)
        {
          g_autofree char *name = normalise (accels[j]);
          if (!g_hash_table_contains (listed, name))
            g_error ("%s (%s) is missing from the shortcuts window", accels[j], actions[i]);
        }
    }

  /* every shortcut the window and its views add: each thing they do has
   * at least one of its keys listed (Ctrl+= and the keypad's + may stand
   * for the Ctrl+plus listed) */
  app_shortcuts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  listed_purposes = g_hash_table_new (g_str_hash, g_str_equal);
  collect_app_shortcuts (GTK_WIDGET (window), app_shortcuts);
  g_assert_cmpuint (g_hash_table_size (app_shortcuts), >, 0);
  g_hash_table_iter_init (&iter, app_shortcuts);
  while (g_hash_table_iter_next (&iter, (gpointer *) &accel, (gpointer *) &purpose))
    if (g_hash_table_contains (listed, accel))
      g_hash_table_add (listed_purposes, (gpointer) purpose);
  g_hash_table_iter_init (&iter, app_shortcuts);
  while (g_hash_table_iter_next (&iter, (gpointer *) &accel, (gpointer *) &purpose))
    if (!g_hash_table_contains (listed_purposes, purpose))
      g_error ("The window binds %s to %s, which the shortcuts window does not list", accel, purpose);

  /* closing the last window ends the app */
  gtk_window_destroy (window);
}

static gboolean
too_slow_cb (gpointer data)
{
  g_error ("The app did not start within 30 seconds");
  return G_SOURCE_REMOVE;
}

static void
test_help_overlay (void)
{
  g_autoptr(NhsApplication) app = nhs_application_new ();
  char *argv[] = { (char *) "nhs-dispute", NULL };
  guint timeout = g_timeout_add_seconds (30, too_slow_cb, NULL);

  /* the whole life of the app, so that it shuts down cleanly too */
  g_signal_connect_after (app, "activate", G_CALLBACK (check_shortcuts), NULL);
  g_assert_cmpint (g_application_run (G_APPLICATION (app), 1, argv), ==, 0);
  g_source_remove (timeout);
}

int
main (int   argc,
      char *argv[])
{
  GTestDBus *bus = test_ui_init_with_bus (&argc, &argv);
  int status;

  g_test_add_func ("/shortcuts/help-overlay", test_help_overlay);

  status = g_test_run ();
  test_ui_bus_down (bus);
  return status;
}
