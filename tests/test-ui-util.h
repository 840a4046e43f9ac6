/* test-ui-util.h: shared helpers for the tests that need a display
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

/* GTK 4.8's recent manager leaks a GDateTime each time it writes its
 * list (valgrind: g_date_time_new_now_utc called from libgtk in the
 * handler of its own "changed" signal, no frame of ours), which the
 * sanitizer run's leak check cannot tell from a leak of ours. The tests
 * keep the recent list off; the one test of Open Recent turns it on and
 * runs without leak check (tests/meson.build). */
static inline void
test_ui_no_recent_files (void)
{
  g_object_set (gtk_settings_get_default (), "gtk-recent-files-enabled", FALSE, NULL);
}

/* Starts a private session bus, then GTK. g_test_dbus_up () unsets
 * DISPLAY, which GTK needs, so it is put back; and the private bus has no
 * accessibility bus, so GTK is told not to look for one. */
static inline GTestDBus *
test_ui_init_with_bus (int    *argc,
                       char ***argv)
{
  g_autofree char *display = g_strdup (g_getenv ("DISPLAY"));
  GTestDBus *bus = g_test_dbus_new (G_TEST_DBUS_NONE);

  g_test_dbus_up (bus);
  if (display != NULL)
    g_setenv ("DISPLAY", display, TRUE);
  g_setenv ("GTK_A11Y", "none", TRUE);
  gtk_test_init (argc, argv, NULL);
  test_ui_no_recent_files ();
  return bus;
}

static inline void
test_ui_bus_down (GTestDBus *bus)
{
  g_test_dbus_down (bus);
  g_object_unref (bus);
}

/* The shortcuts of every shortcut controller on @widget (its class's key
 * bindings among them), as a new array of GtkShortcut */
static inline GPtrArray *
test_widget_list_shortcuts (GtkWidget *widget)
{
  GPtrArray *shortcuts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        g_ptr_array_add (shortcuts, g_list_model_get_item (G_LIST_MODEL (controller), j));
    }
  return shortcuts;
}

/* The first descendant of @widget (itself included) of @type, depth first */
static inline GtkWidget *
test_widget_find_descendant (GtkWidget *widget,
                             GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = test_widget_find_descendant (child, type);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Asks @widget for its tooltip at (x, y) as GTK does when the pointer
 * rests there (or the keyboard asks), and returns what the tooltip's label
 * would show, or NULL when there is no tooltip. *use_markup says whether
 * the label took the text as Pango markup.
 *
 * GTK has no API to read a GtkTooltip back; its first field after the
 * GObject is the GtkTooltipWindow holding the label (GTK 4.8), which is
 * checked by type name, so a change in GTK fails here loudly rather than
 * reading something else. */
static inline char *
test_widget_query_tooltip (GtkWidget *widget,
                           int        x,
                           int        y,
                           gboolean   keyboard,
                           gboolean  *use_markup)
{
  GtkTooltip *tooltip = g_object_new (GTK_TYPE_TOOLTIP, NULL);
  GtkWidget *window = *(GtkWidget **) ((char *) tooltip + sizeof (GObject));
  GtkWidget *label;
  gboolean shown = FALSE;
  char *text = NULL;

  g_assert_cmpstr (G_OBJECT_TYPE_NAME (window), ==, "GtkTooltipWindow");
  g_signal_emit_by_name (widget, "query-tooltip", x, y, keyboard, tooltip, &shown);
  label = test_widget_find_descendant (window, GTK_TYPE_LABEL);
  g_assert_nonnull (label);
  if (shown && gtk_widget_get_visible (label))
    {
      text = g_strdup (gtk_label_get_text (GTK_LABEL (label)));
      if (use_markup != NULL)
        *use_markup = gtk_label_get_use_markup (GTK_LABEL (label));
    }
  g_object_unref (tooltip);
  return text;
}

/* Every key of the settings back to its default */
static inline void
test_settings_reset_all (GSettings *settings)
{
  g_autoptr(GSettingsSchema) schema = NULL;
  g_auto(GStrv) keys = NULL;

  g_object_get (settings, "settings-schema", &schema, NULL);
  keys = g_settings_schema_list_keys (schema);
  for (guint i = 0; keys[i]; i++)
    g_settings_reset (settings, keys[i]);
}

static inline void
test_no_display (void)
{
  g_test_skip ("no display");
}

/* GTK for the tests that show windows, without animations (they would
 * only slow the tests down), and without the accessibility bus unless
 * @a11y (tests that read the widgets themselves need none; the bus is
 * shared by the tests running beside them, and GTK's use of it there only
 * adds timing). Where there is no display: FALSE, and the one test added
 * is @no_display_path, which says so. */
static inline gboolean
test_ui_init (const char *no_display_path,
              gboolean    a11y)
{
  if (!a11y)
    g_setenv ("GTK_A11Y", "none", TRUE);
  if (!gtk_init_check ())
    {
      g_test_add_func (no_display_path, test_no_display);
      return FALSE;
    }
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  test_ui_no_recent_files ();
  return TRUE;
}
