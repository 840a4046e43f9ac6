/* test-ui-util.h: shared helpers for the tests that need a display
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

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
