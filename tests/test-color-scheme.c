/* test-color-scheme.c: following the desktop's light or dark preference
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A private session bus (GTestDBus) carries a stand-in settings portal
 * that answers Read/ReadOne and emits SettingChanged the way
 * xdg-desktop-portal does. It runs in a thread of its own, because the app
 * reads the portal synchronously at start.
 */
#include "config.h"

#include <gtk/gtk.h>

#include "nhs-color-scheme.h"
#include "test-ui-util.h"

#define PORTAL_BUS_NAME    "org.freedesktop.portal.Desktop"
#define PORTAL_OBJECT_PATH "/org/freedesktop/portal/desktop"
#define PORTAL_SETTINGS    "org.freedesktop.portal.Settings"

/* version 2 of the interface has ReadOne; older portals only Read */
static const char portal_xml_v2[] =
  "<node><interface name='org.freedesktop.portal.Settings'>"
  "  <method name='ReadAll'><arg type='as' direction='in'/><arg type='a{sa{sv}}' direction='out'/></method>"
  "  <method name='Read'><arg type='s' direction='in'/><arg type='s' direction='in'/><arg type='v' direction='out'/></method>"
  "  <method name='ReadOne'><arg type='s' direction='in'/><arg type='s' direction='in'/><arg type='v' direction='out'/></method>"
  "  <signal name='SettingChanged'><arg type='s'/><arg type='s'/><arg type='v'/></signal>"
  "  <property name='version' type='u' access='read'/>"
  "</interface></node>";
static const char portal_xml_v1[] =
  "<node><interface name='org.freedesktop.portal.Settings'>"
  "  <method name='ReadAll'><arg type='as' direction='in'/><arg type='a{sa{sv}}' direction='out'/></method>"
  "  <method name='Read'><arg type='s' direction='in'/><arg type='s' direction='in'/><arg type='v' direction='out'/></method>"
  "  <signal name='SettingChanged'><arg type='s'/><arg type='s'/><arg type='v'/></signal>"
  "  <property name='version' type='u' access='read'/>"
  "</interface></node>";

typedef struct
{
  gboolean has_read_one;
  guint scheme; /* what the desktop prefers */
  int n_reads;  /* atomic */

  GThread *thread;
  GMainContext *context;
  GMainLoop *loop;
  GDBusConnection *connection;

  GMutex lock;
  GCond cond;
  gboolean ready;
} MockPortal;

static GTestDBus *bus;

static void
portal_method_call (GDBusConnection       *connection,
                    const char            *sender,
                    const char            *object_path,
                    const char            *interface_name,
                    const char            *method_name,
                    GVariant              *parameters,
                    GDBusMethodInvocation *invocation,
                    gpointer               user_data)
{
  MockPortal *portal = user_data;
  const char *namespace, *key;
  GVariant *value;

  if (g_str_equal (method_name, "ReadAll"))
    {
      g_dbus_method_invocation_return_dbus_error (invocation, "org.freedesktop.DBus.Error.NotSupported", "not here");
      return;
    }

  g_variant_get (parameters, "(&s&s)", &namespace, &key);
  if (!g_str_equal (namespace, "org.freedesktop.appearance") || !g_str_equal (key, "color-scheme"))
    {
      g_dbus_method_invocation_return_dbus_error (invocation, "org.freedesktop.portal.Error.NotFound",
                                                  "Requested setting not found");
      return;
    }

  g_atomic_int_inc (&portal->n_reads);
  value = g_variant_new_uint32 (g_atomic_int_get (&portal->scheme));
  /* Read wraps the value in one more variant than ReadOne does */
  if (g_str_equal (method_name, "Read"))
    value = g_variant_new_variant (value);
  g_dbus_method_invocation_return_value (invocation, g_variant_new ("(v)", value));
}

static gpointer
portal_thread (gpointer data)
{
  static const GDBusInterfaceVTable vtable = { portal_method_call, NULL, NULL, { 0 } };
  MockPortal *portal = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDBusNodeInfo) info = NULL;
  g_autoptr(GVariant) reply = NULL;
  guint registration, result;

  g_main_context_push_thread_default (portal->context);

  portal->connection = g_dbus_connection_new_for_address_sync (g_test_dbus_get_bus_address (bus),
                                                               G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT |
                                                               G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION,
                                                               NULL, NULL, &error);
  g_assert_no_error (error);
  info = g_dbus_node_info_new_for_xml (portal->has_read_one ? portal_xml_v2 : portal_xml_v1, &error);
  g_assert_no_error (error);
  registration = g_dbus_connection_register_object (portal->connection, PORTAL_OBJECT_PATH,
                                                    info->interfaces[0], &vtable, portal, NULL, &error);
  g_assert_no_error (error);
  reply = g_dbus_connection_call_sync (portal->connection, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus", "RequestName",
                                       g_variant_new ("(su)", PORTAL_BUS_NAME, 0x4 /* DO_NOT_QUEUE */),
                                       G_VARIANT_TYPE ("(u)"), G_DBUS_CALL_FLAGS_NONE, -1, NULL, &error);
  g_assert_no_error (error);
  g_variant_get (reply, "(u)", &result);
  g_assert_cmpuint (result, ==, 1 /* primary owner */);

  g_mutex_lock (&portal->lock);
  portal->ready = TRUE;
  g_cond_signal (&portal->cond);
  g_mutex_unlock (&portal->lock);

  g_main_loop_run (portal->loop);

  g_dbus_connection_unregister_object (portal->connection, registration);
  g_dbus_connection_close_sync (portal->connection, NULL, NULL);
  g_clear_object (&portal->connection);
  g_main_context_pop_thread_default (portal->context);
  return NULL;
}

static MockPortal *
mock_portal_start (gboolean has_read_one,
                   guint    scheme)
{
  MockPortal *portal = g_new0 (MockPortal, 1);

  portal->has_read_one = has_read_one;
  portal->scheme = scheme;
  portal->context = g_main_context_new ();
  portal->loop = g_main_loop_new (portal->context, FALSE);
  g_mutex_init (&portal->lock);
  g_cond_init (&portal->cond);
  portal->thread = g_thread_new ("mock-portal", portal_thread, portal);

  g_mutex_lock (&portal->lock);
  while (!portal->ready)
    g_cond_wait (&portal->cond, &portal->lock);
  g_mutex_unlock (&portal->lock);
  return portal;
}

static void
mock_portal_stop (MockPortal *portal)
{
  g_main_loop_quit (portal->loop);
  g_thread_join (portal->thread);
  g_main_loop_unref (portal->loop);
  g_main_context_unref (portal->context);
  g_mutex_clear (&portal->lock);
  g_cond_clear (&portal->cond);
  g_free (portal);
}

/* The desktop changes its mind */
static void
mock_portal_change (MockPortal *portal,
                    const char *namespace,
                    const char *key,
                    guint       scheme)
{
  g_autoptr(GError) error = NULL;

  if (g_str_equal (key, "color-scheme"))
    g_atomic_int_set (&portal->scheme, scheme);
  g_dbus_connection_emit_signal (portal->connection, NULL, PORTAL_OBJECT_PATH, PORTAL_SETTINGS,
                                 "SettingChanged",
                                 g_variant_new ("(ssv)", namespace, key, g_variant_new_uint32 (scheme)),
                                 &error);
  g_assert_no_error (error);
  g_dbus_connection_flush_sync (portal->connection, NULL, &error);
  g_assert_no_error (error);
}

static gboolean
gtk_prefers_dark (void)
{
  gboolean dark;

  g_object_get (gtk_settings_get_default (), "gtk-application-prefer-dark-theme", &dark, NULL);
  return dark;
}

static gboolean
timed_out_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until the style is @dark, for up to five seconds */
static void
wait_for_style (NhsColorScheme *scheme,
                gboolean        dark)
{
  gboolean timed_out = FALSE;
  guint timeout = g_timeout_add_seconds (5, timed_out_cb, &timed_out);

  while (gtk_prefers_dark () != dark && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (timeout);
  g_assert_cmpint (gtk_prefers_dark (), ==, dark);
  g_assert_cmpint (nhs_color_scheme_get_dark (scheme), ==, dark);
}

/* Lets any stray signal arrive, then checks nothing moved */
static void
settle (void)
{
  gboolean done = FALSE;

  g_timeout_add (200, timed_out_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static GSettings *
fresh_settings (void)
{
  GSettings *settings = g_settings_new (APP_ID);

  g_settings_reset (settings, "color-scheme");
  g_object_set (gtk_settings_get_default (), "gtk-application-prefer-dark-theme", FALSE, NULL);
  return settings;
}

/* "Follow the system": dark from the first frame, then every change */
static void
test_follows_portal (void)
{
  g_autoptr(GSettings) settings = fresh_settings ();
  MockPortal *portal = mock_portal_start (TRUE, NHS_SYSTEM_SCHEME_PREFER_DARK);
  g_autoptr(NhsColorScheme) scheme = nhs_color_scheme_new (settings, gtk_settings_get_default ());

  /* read at once, before any window shows: no flash of the light style */
  g_assert_true (gtk_prefers_dark ());
  g_assert_cmpuint (nhs_color_scheme_get_system_scheme (scheme), ==, NHS_SYSTEM_SCHEME_PREFER_DARK);
  g_assert_cmpint (g_atomic_int_get (&portal->n_reads), ==, 1);

  mock_portal_change (portal, "org.freedesktop.appearance", "color-scheme", NHS_SYSTEM_SCHEME_PREFER_LIGHT);
  wait_for_style (scheme, FALSE);
  g_assert_cmpuint (nhs_color_scheme_get_system_scheme (scheme), ==, NHS_SYSTEM_SCHEME_PREFER_LIGHT);
  mock_portal_change (portal, "org.freedesktop.appearance", "color-scheme", NHS_SYSTEM_SCHEME_PREFER_DARK);
  wait_for_style (scheme, TRUE);
  /* no preference: GTK's own setting (light here) */
  mock_portal_change (portal, "org.freedesktop.appearance", "color-scheme", NHS_SYSTEM_SCHEME_NO_PREFERENCE);
  wait_for_style (scheme, FALSE);

  /* other settings are none of its business */
  mock_portal_change (portal, "org.freedesktop.appearance", "accent-color", NHS_SYSTEM_SCHEME_PREFER_DARK);
  mock_portal_change (portal, "org.gnome.desktop.interface", "color-scheme", NHS_SYSTEM_SCHEME_PREFER_DARK);
  settle ();
  g_assert_false (gtk_prefers_dark ());

  g_clear_object (&scheme);
  mock_portal_stop (portal);
}

/* The key's light and dark win over the desktop */
static void
test_key_overrides (void)
{
  g_autoptr(GSettings) settings = fresh_settings ();
  MockPortal *portal = mock_portal_start (TRUE, NHS_SYSTEM_SCHEME_PREFER_DARK);
  g_autoptr(NhsColorScheme) scheme = NULL;

  g_settings_set_string (settings, "color-scheme", "light");
  scheme = nhs_color_scheme_new (settings, gtk_settings_get_default ());
  g_assert_false (gtk_prefers_dark ());

  mock_portal_change (portal, "org.freedesktop.appearance", "color-scheme", NHS_SYSTEM_SCHEME_PREFER_LIGHT);
  g_settings_set_string (settings, "color-scheme", "dark");
  wait_for_style (scheme, TRUE);
  /* the desktop going light does not matter while the key says dark */
  settle ();
  g_assert_true (gtk_prefers_dark ());

  /* back to following the system, which now prefers light */
  g_settings_set_string (settings, "color-scheme", "default");
  wait_for_style (scheme, FALSE);
  mock_portal_change (portal, "org.freedesktop.appearance", "color-scheme", NHS_SYSTEM_SCHEME_PREFER_DARK);
  wait_for_style (scheme, TRUE);

  g_clear_object (&scheme);
  mock_portal_stop (portal);
}

/* A portal from before ReadOne existed answers Read */
static void
test_old_portal (void)
{
  g_autoptr(GSettings) settings = fresh_settings ();
  MockPortal *portal = mock_portal_start (FALSE, NHS_SYSTEM_SCHEME_PREFER_DARK);
  g_autoptr(NhsColorScheme) scheme = nhs_color_scheme_new (settings, gtk_settings_get_default ());

  g_assert_true (gtk_prefers_dark ());
  g_assert_cmpint (g_atomic_int_get (&portal->n_reads), ==, 1);

  g_clear_object (&scheme);
  mock_portal_stop (portal);
}

/* No portal on the bus: quiet (a warning would fail this test), GTK's own
 * setting when following the system, and the key still works */
static void
test_no_portal (void)
{
  g_autoptr(GSettings) settings = fresh_settings ();
  g_autoptr(NhsColorScheme) scheme = nhs_color_scheme_new (settings, gtk_settings_get_default ());

  g_assert_false (gtk_prefers_dark ());
  g_assert_cmpuint (nhs_color_scheme_get_system_scheme (scheme), ==, NHS_SYSTEM_SCHEME_NO_PREFERENCE);
  g_settings_set_string (settings, "color-scheme", "dark");
  wait_for_style (scheme, TRUE);
  g_settings_set_string (settings, "color-scheme", "default");
  wait_for_style (scheme, FALSE);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  /* the private bus must exist before anything connects to a session bus */
  bus = test_ui_init_with_bus (&argc, &argv);

  g_test_add_func ("/color-scheme/no-portal", test_no_portal);
  g_test_add_func ("/color-scheme/follows-portal", test_follows_portal);
  g_test_add_func ("/color-scheme/key-overrides", test_key_overrides);
  g_test_add_func ("/color-scheme/old-portal", test_old_portal);

  status = g_test_run ();
  test_ui_bus_down (bus);
  return status;
}
