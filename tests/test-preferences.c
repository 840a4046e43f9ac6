/* test-preferences.c: the Preferences window and its settings, both ways
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs under a display (Xvfb) with GSETTINGS_BACKEND=memory; the restart
 * case uses a key file in a temporary folder instead, so that the state
 * the second window sees has really gone through storage.
 */
#include "config.h"

#define G_SETTINGS_ENABLE_BACKEND
#include <gio/gsettingsbackend.h>
#include <glib/gstdio.h>
#include <gtk/gtk.h>

#include "nhs-preferences-dialog.h"
#include "test-ui-util.h"
#include "test-util.h"

static gpointer
child (GtkWidget  *dialog,
       const char *name)
{
  GObject *object = gtk_widget_get_template_child (dialog, NHS_TYPE_PREFERENCES_DIALOG, name);

  g_assert_nonnull (object);
  return object;
}

static void
flush (void)
{
  test_drain_main_context (0);
}

/* What a person does: type a number into a spin button and leave it */
static void
type_into_spin (GtkSpinButton *spin,
                const char    *text)
{
  gtk_editable_set_text (GTK_EDITABLE (spin), text);
  gtk_spin_button_update (spin);
  flush ();
}

/* A click, as the pointer or the keyboard makes one */
static void
click (GtkWidget *button)
{
  g_signal_emit_by_name (button, "clicked");
  flush ();
}

/* A switch flipped (its keyboard activation animates, which needs frames
 * this test does not draw, and ends in the same call) */
static void
flip (GtkSwitch *sw)
{
  gtk_switch_set_active (sw, !gtk_switch_get_active (sw));
  flush ();
}

static GSettings *
memory_settings (void)
{
  GSettings *settings = g_settings_new (APP_ID);

  test_settings_reset_all (settings);
  return settings;
}

static void
destroy (GtkWidget *dialog)
{
  gtk_window_destroy (GTK_WINDOW (dialog));
  flush ();
}

/* The dialog starts from the keys, defaults and otherwise */
static void
test_shows_defaults (void)
{
  g_autoptr(GSettings) settings = memory_settings ();
  GtkWidget *dialog;

  g_settings_set_int (settings, "export-width", 2400);
  dialog = nhs_preferences_dialog_new (settings);

  g_assert_true (gtk_toggle_button_get_active (child (dialog, "color_scheme_default")));
  g_assert_false (gtk_toggle_button_get_active (child (dialog, "color_scheme_light")));
  g_assert_false (gtk_toggle_button_get_active (child (dialog, "color_scheme_dark")));
  g_assert_cmpfloat (gtk_spin_button_get_value (child (dialog, "font_scale_spin")), ==, 100.0);
  g_assert_cmpstr (gtk_editable_get_text (child (dialog, "font_scale_spin")), ==, "100");
  g_assert_cmpfloat (gtk_spin_button_get_value (child (dialog, "export_width_spin")), ==, 2400.0);
  g_assert_cmpfloat (gtk_spin_button_get_value (child (dialog, "export_height_spin")), ==, 900.0);
  g_assert_cmpuint (gtk_drop_down_get_selected (child (dialog, "export_scale_dropdown")), ==, 0);
  g_assert_cmpuint (gtk_drop_down_get_selected (child (dialog, "export_background_dropdown")), ==, 0);
  g_assert_true (gtk_switch_get_active (child (dialog, "export_title_switch")));
  g_assert_true (gtk_switch_get_active (child (dialog, "export_legend_switch")));
  g_assert_true (gtk_switch_get_active (child (dialog, "export_source_switch")));
  destroy (dialog);
}

/* Changing a key changes what the open dialog shows */
static void
test_key_to_widget (void)
{
  g_autoptr(GSettings) settings = memory_settings ();
  GtkWidget *dialog = nhs_preferences_dialog_new (settings);
  GtkStringObject *item;

  g_settings_set_enum (settings, "color-scheme", 2);
  flush ();
  g_assert_true (gtk_toggle_button_get_active (child (dialog, "color_scheme_dark")));
  g_assert_false (gtk_toggle_button_get_active (child (dialog, "color_scheme_default")));
  g_settings_set_string (settings, "color-scheme", "light");
  flush ();
  g_assert_true (gtk_toggle_button_get_active (child (dialog, "color_scheme_light")));
  g_assert_false (gtk_toggle_button_get_active (child (dialog, "color_scheme_dark")));

  /* as Ctrl+plus in the reader would */
  g_settings_set_double (settings, "reader-font-scale", 1.5);
  flush ();
  g_assert_cmpstr (gtk_editable_get_text (child (dialog, "font_scale_spin")), ==, "150");

  g_settings_set_int (settings, "export-width", 3000);
  g_settings_set_int (settings, "export-height", 1200);
  g_settings_set_int (settings, "export-scale", 2);
  g_settings_set_string (settings, "export-background", "transparent");
  g_settings_set_boolean (settings, "export-show-legend", FALSE);
  flush ();
  g_assert_cmpstr (gtk_editable_get_text (child (dialog, "export_width_spin")), ==, "3000");
  g_assert_cmpstr (gtk_editable_get_text (child (dialog, "export_height_spin")), ==, "1200");
  item = gtk_drop_down_get_selected_item (child (dialog, "export_scale_dropdown"));
  g_assert_cmpstr (gtk_string_object_get_string (item), ==, "High Resolution (2×)");
  item = gtk_drop_down_get_selected_item (child (dialog, "export_background_dropdown"));
  g_assert_cmpstr (gtk_string_object_get_string (item), ==, "Transparent");
  g_assert_false (gtk_switch_get_active (child (dialog, "export_legend_switch")));
  g_assert_true (gtk_switch_get_active (child (dialog, "export_title_switch")));
  destroy (dialog);
}

/* Using the dialog changes the keys */
static void
test_widget_to_key (void)
{
  g_autoptr(GSettings) settings = memory_settings ();
  GtkWidget *dialog = nhs_preferences_dialog_new (settings);
  g_autofree char *scheme = NULL;
  g_autofree char *background = NULL;

  click (child (dialog, "color_scheme_dark"));
  scheme = g_settings_get_string (settings, "color-scheme");
  g_assert_cmpstr (scheme, ==, "dark");
  /* the buttons behave as a radio group */
  g_assert_false (gtk_toggle_button_get_active (child (dialog, "color_scheme_default")));
  g_clear_pointer (&scheme, g_free);
  click (child (dialog, "color_scheme_default"));
  scheme = g_settings_get_string (settings, "color-scheme");
  g_assert_cmpstr (scheme, ==, "default");
  g_assert_false (gtk_toggle_button_get_active (child (dialog, "color_scheme_dark")));

  type_into_spin (child (dialog, "font_scale_spin"), "125");
  g_assert_cmpfloat_with_epsilon (g_settings_get_double (settings, "reader-font-scale"), 1.25, 1e-9);
  /* out of range is clamped to what the key allows, 50 to 300 % */
  type_into_spin (child (dialog, "font_scale_spin"), "900");
  g_assert_cmpfloat_with_epsilon (g_settings_get_double (settings, "reader-font-scale"), 3.0, 1e-9);

  type_into_spin (child (dialog, "export_width_spin"), "1920");
  type_into_spin (child (dialog, "export_height_spin"), "1080");
  g_assert_cmpint (g_settings_get_int (settings, "export-width"), ==, 1920);
  g_assert_cmpint (g_settings_get_int (settings, "export-height"), ==, 1080);

  gtk_drop_down_set_selected (child (dialog, "export_scale_dropdown"), 1);
  gtk_drop_down_set_selected (child (dialog, "export_background_dropdown"), 1);
  flush ();
  g_assert_cmpint (g_settings_get_int (settings, "export-scale"), ==, 2);
  background = g_settings_get_string (settings, "export-background");
  g_assert_cmpstr (background, ==, "dark");

  flip (child (dialog, "export_title_switch"));
  flip (child (dialog, "export_source_switch"));
  flush ();
  g_assert_false (g_settings_get_boolean (settings, "export-show-title"));
  g_assert_true (g_settings_get_boolean (settings, "export-show-legend"));
  g_assert_false (g_settings_get_boolean (settings, "export-show-source"));
  destroy (dialog);
}

static GSettings *
keyfile_settings (const char *path)
{
  g_autoptr(GSettingsBackend) backend = g_keyfile_settings_backend_new (path, "/", NULL);

  return g_settings_new_with_backend (APP_ID, backend);
}

/* What one session sets, the next finds: the state goes through a key
 * file and comes back in a new backend, settings object and dialog */
static void
test_restart_restores (void)
{
  g_autofree char *dir = g_dir_make_tmp ("nhs-preferences-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "settings.ini", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GSettings) first = NULL;
  g_autoptr(GSettings) second = NULL;
  GtkWidget *dialog;

  g_assert_nonnull (dir);

  first = keyfile_settings (path);
  dialog = nhs_preferences_dialog_new (first);
  click (child (dialog, "color_scheme_dark"));
  type_into_spin (child (dialog, "font_scale_spin"), "140");
  type_into_spin (child (dialog, "export_width_spin"), "2048");
  gtk_drop_down_set_selected (child (dialog, "export_background_dropdown"), 2);
  flip (child (dialog, "export_legend_switch"));
  flush ();
  destroy (dialog);
  g_clear_object (&first);

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "color-scheme='dark'"));
  g_assert_nonnull (strstr (contents, "export-width=2048"));

  second = keyfile_settings (path);
  dialog = nhs_preferences_dialog_new (second);
  g_assert_true (gtk_toggle_button_get_active (child (dialog, "color_scheme_dark")));
  g_assert_cmpstr (gtk_editable_get_text (child (dialog, "font_scale_spin")), ==, "140");
  g_assert_cmpstr (gtk_editable_get_text (child (dialog, "export_width_spin")), ==, "2048");
  g_assert_cmpuint (gtk_drop_down_get_selected (child (dialog, "export_background_dropdown")), ==, 2);
  g_assert_false (gtk_switch_get_active (child (dialog, "export_legend_switch")));
  g_assert_true (gtk_switch_get_active (child (dialog, "export_source_switch")));
  destroy (dialog);
  g_clear_object (&second);

  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* The action of the shortcut @widget has for @trigger, or NULL */
static GtkShortcutAction *
find_shortcut_action (GtkWidget  *widget,
                      const char *trigger)
{
  g_autoptr(GPtrArray) shortcuts = test_widget_list_shortcuts (widget);

  for (guint i = 0; i < shortcuts->len; i++)
    {
      GtkShortcut *shortcut = g_ptr_array_index (shortcuts, i);
      g_autofree char *text = gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));

      /* the dialog holds the action, so it outlives the array */
      if (g_str_equal (text, trigger))
        return gtk_shortcut_get_action (shortcut);
    }
  return NULL;
}

/* Escape closes it, as any GNOME dialog, and so does Ctrl+W */
static void
test_escape_closes (void)
{
  g_autoptr(GSettings) settings = memory_settings ();
  GtkWidget *dialog = nhs_preferences_dialog_new (settings);
  GtkWidget *watch = NULL;
  GtkShortcutAction *action;

  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &watch);
  watch = dialog;
  gtk_window_present (GTK_WINDOW (dialog));
  flush ();

  action = find_shortcut_action (dialog, "<Control>w");
  g_assert_true (GTK_IS_NAMED_ACTION (action));
  g_assert_cmpstr (gtk_named_action_get_action_name (GTK_NAMED_ACTION (action)), ==, "window.close");

  action = find_shortcut_action (dialog, "Escape");
  g_assert_nonnull (action);
  g_assert_true (gtk_shortcut_action_activate (action, 0, dialog, NULL));
  flush ();
  g_assert_null (watch);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

  g_test_add_func ("/preferences/shows-defaults", test_shows_defaults);
  g_test_add_func ("/preferences/key-to-widget", test_key_to_widget);
  g_test_add_func ("/preferences/widget-to-key", test_widget_to_key);
  g_test_add_func ("/preferences/restart-restores", test_restart_restores);
  g_test_add_func ("/preferences/escape-closes", test_escape_closes);

  return g_test_run ();
}
