/* nhs-color-scheme.c: light or dark, as the user or the desktop asks
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Plain GTK 4.8 does not follow the desktop's dark preference, so this
 * reads org.freedesktop.appearance color-scheme from the settings portal
 * (the same way libadwaita does) and sets gtk-application-prefer-dark-theme.
 * The first read is synchronous, with a short timeout, so that the first
 * window opens in the right style instead of flashing light.
 */
#define G_LOG_DOMAIN "nhs-color-scheme"

#include "config.h"

#include "nhs-color-scheme.h"

#define PORTAL_BUS_NAME     "org.freedesktop.portal.Desktop"
#define PORTAL_OBJECT_PATH  "/org/freedesktop/portal/desktop"
#define PORTAL_SETTINGS     "org.freedesktop.portal.Settings"
#define APPEARANCE          "org.freedesktop.appearance"
#define FIRST_READ_TIMEOUT  1000 /* ms */

/* The values of the "color-scheme" key */
enum
{
  SCHEME_KEY_DEFAULT = 0,
  SCHEME_KEY_LIGHT = 1,
  SCHEME_KEY_DARK = 2,
};

struct _NhsColorScheme
{
  GObject parent_instance;

  GSettings *settings;
  GtkSettings *gtk_settings;
  GDBusConnection *bus;
  GCancellable *cancellable;
  guint setting_changed_id;

  NhsSystemScheme system_scheme;
  /* GTK's own value before this object touched it, for when neither the
   * user nor the desktop has a preference */
  gboolean gtk_default_dark;
  gboolean dark;
};

G_DEFINE_FINAL_TYPE (NhsColorScheme, nhs_color_scheme, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_SETTINGS,
  PROP_GTK_SETTINGS,
  PROP_SYSTEM_SCHEME,
  PROP_DARK,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update (NhsColorScheme *self)
{
  gboolean dark, current;

  switch (g_settings_get_enum (self->settings, "color-scheme"))
    {
    case SCHEME_KEY_LIGHT:
      dark = FALSE;
      break;
    case SCHEME_KEY_DARK:
      dark = TRUE;
      break;
    default:
      if (self->system_scheme == NHS_SYSTEM_SCHEME_PREFER_DARK)
        dark = TRUE;
      else if (self->system_scheme == NHS_SYSTEM_SCHEME_PREFER_LIGHT)
        dark = FALSE;
      else
        dark = self->gtk_default_dark;
      break;
    }

  /* setting GtkSettings restyles every window, even to the same value */
  g_object_get (self->gtk_settings, "gtk-application-prefer-dark-theme", &current, NULL);
  if (current != dark)
    g_object_set (self->gtk_settings, "gtk-application-prefer-dark-theme", dark, NULL);
  if (dark != self->dark)
    {
      self->dark = dark;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DARK]);
    }
}

static void
set_system_scheme (NhsColorScheme *self,
                   GVariant       *value)
{
  NhsSystemScheme scheme = NHS_SYSTEM_SCHEME_NO_PREFERENCE;
  g_autoptr(GVariant) inner = g_variant_ref (value);

  /* ReadOne answers (v), the older Read (v) holding another v */
  while (g_variant_is_of_type (inner, G_VARIANT_TYPE_VARIANT))
    {
      GVariant *unboxed = g_variant_get_variant (inner);
      g_variant_unref (inner);
      inner = unboxed;
    }

  if (g_variant_is_of_type (inner, G_VARIANT_TYPE_UINT32) &&
      g_variant_get_uint32 (inner) <= NHS_SYSTEM_SCHEME_PREFER_LIGHT)
    scheme = g_variant_get_uint32 (inner);
  else
    g_debug ("Ignoring a color-scheme of type %s from the portal", g_variant_get_type_string (inner));

  if (scheme != self->system_scheme)
    {
      self->system_scheme = scheme;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SYSTEM_SCHEME]);
    }
  update (self);
}

/* Returns the reply's value, or NULL with a debug message */
static GVariant *
finish_read (GVariant     *reply,
             const GError *error)
{
  GVariant *value;

  if (reply == NULL)
    {
      g_debug ("No colour scheme from the settings portal: %s", error->message);
      return NULL;
    }
  g_variant_get (reply, "(v)", &value);
  return value;
}

static void
read_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(NhsColorScheme) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (source), result, &error);
  g_autoptr(GVariant) value = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  value = finish_read (reply, error);
  if (value != NULL)
    set_system_scheme (self, value);
}

static GVariant *
call_read_sync (NhsColorScheme *self,
                const char     *method,
                GError        **error)
{
  return g_dbus_connection_call_sync (self->bus, PORTAL_BUS_NAME, PORTAL_OBJECT_PATH,
                                      PORTAL_SETTINGS, method,
                                      g_variant_new ("(ss)", APPEARANCE, "color-scheme"),
                                      G_VARIANT_TYPE ("(v)"), G_DBUS_CALL_FLAGS_NONE,
                                      FIRST_READ_TIMEOUT, self->cancellable, error);
}

static void
read_system_scheme (NhsColorScheme *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) reply = call_read_sync (self, "ReadOne", &error);
  g_autoptr(GVariant) value = NULL;

  /* portals before version 2 of the interface only have Read */
  if (g_error_matches (error, G_DBUS_ERROR, G_DBUS_ERROR_UNKNOWN_METHOD))
    {
      g_clear_error (&error);
      reply = call_read_sync (self, "Read", &error);
    }

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
    {
      /* a portal still starting up: take its answer when it comes */
      g_debug ("The settings portal is slow to answer; not waiting for it");
      g_dbus_connection_call (self->bus, PORTAL_BUS_NAME, PORTAL_OBJECT_PATH,
                              PORTAL_SETTINGS, "Read",
                              g_variant_new ("(ss)", APPEARANCE, "color-scheme"),
                              G_VARIANT_TYPE ("(v)"), G_DBUS_CALL_FLAGS_NONE,
                              -1, self->cancellable, read_cb, g_object_ref (self));
      return;
    }

  value = finish_read (reply, error);
  if (value != NULL)
    set_system_scheme (self, value);
}

static void
setting_changed_cb (GDBusConnection *connection,
                    const char      *sender_name,
                    const char      *object_path,
                    const char      *interface_name,
                    const char      *signal_name,
                    GVariant        *parameters,
                    gpointer         user_data)
{
  NhsColorScheme *self = user_data;
  const char *namespace, *key;
  g_autoptr(GVariant) value = NULL;

  if (!g_variant_is_of_type (parameters, G_VARIANT_TYPE ("(ssv)")))
    return;
  g_variant_get (parameters, "(&s&sv)", &namespace, &key, &value);
  if (g_str_equal (namespace, APPEARANCE) && g_str_equal (key, "color-scheme"))
    set_system_scheme (self, value);
}

static void
connect_to_portal (NhsColorScheme *self)
{
  g_autoptr(GError) error = NULL;

  self->bus = g_bus_get_sync (G_BUS_TYPE_SESSION, self->cancellable, &error);
  if (self->bus == NULL)
    {
      g_debug ("No session bus, so no colour scheme from the desktop: %s", error->message);
      return;
    }

  /* subscribe before reading so that no change falls between the two */
  self->setting_changed_id =
    g_dbus_connection_signal_subscribe (self->bus, PORTAL_BUS_NAME, PORTAL_SETTINGS,
                                        "SettingChanged", PORTAL_OBJECT_PATH, APPEARANCE,
                                        G_DBUS_SIGNAL_FLAGS_NONE,
                                        setting_changed_cb, self, NULL);
  read_system_scheme (self);
}

static void
nhs_color_scheme_constructed (GObject *object)
{
  NhsColorScheme *self = NHS_COLOR_SCHEME (object);

  G_OBJECT_CLASS (nhs_color_scheme_parent_class)->constructed (object);

  g_return_if_fail (G_IS_SETTINGS (self->settings));
  g_return_if_fail (GTK_IS_SETTINGS (self->gtk_settings));

  g_object_get (self->gtk_settings, "gtk-application-prefer-dark-theme", &self->gtk_default_dark, NULL);
  self->dark = self->gtk_default_dark;

  g_signal_connect_object (self->settings, "changed::color-scheme", G_CALLBACK (update), self,
                           G_CONNECT_SWAPPED);
  connect_to_portal (self);
  update (self);
}

static void
nhs_color_scheme_dispose (GObject *object)
{
  NhsColorScheme *self = NHS_COLOR_SCHEME (object);

  g_cancellable_cancel (self->cancellable);
  if (self->setting_changed_id != 0)
    {
      g_dbus_connection_signal_unsubscribe (self->bus, self->setting_changed_id);
      self->setting_changed_id = 0;
    }
  g_clear_object (&self->bus);
  g_clear_object (&self->settings);
  g_clear_object (&self->gtk_settings);

  G_OBJECT_CLASS (nhs_color_scheme_parent_class)->dispose (object);
}

static void
nhs_color_scheme_finalize (GObject *object)
{
  NhsColorScheme *self = NHS_COLOR_SCHEME (object);

  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (nhs_color_scheme_parent_class)->finalize (object);
}

static void
nhs_color_scheme_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  NhsColorScheme *self = NHS_COLOR_SCHEME (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;
    case PROP_GTK_SETTINGS:
      g_value_set_object (value, self->gtk_settings);
      break;
    case PROP_SYSTEM_SCHEME:
      g_value_set_uint (value, self->system_scheme);
      break;
    case PROP_DARK:
      g_value_set_boolean (value, self->dark);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nhs_color_scheme_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  NhsColorScheme *self = NHS_COLOR_SCHEME (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;
    case PROP_GTK_SETTINGS:
      self->gtk_settings = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nhs_color_scheme_class_init (NhsColorSchemeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = nhs_color_scheme_constructed;
  object_class->dispose = nhs_color_scheme_dispose;
  object_class->finalize = nhs_color_scheme_finalize;
  object_class->get_property = nhs_color_scheme_get_property;
  object_class->set_property = nhs_color_scheme_set_property;

  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_GTK_SETTINGS] =
    g_param_spec_object ("gtk-settings", NULL, NULL, GTK_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* an NhsSystemScheme */
  properties[PROP_SYSTEM_SCHEME] =
    g_param_spec_uint ("system-scheme", NULL, NULL,
                       NHS_SYSTEM_SCHEME_NO_PREFERENCE, NHS_SYSTEM_SCHEME_PREFER_LIGHT,
                       NHS_SYSTEM_SCHEME_NO_PREFERENCE,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DARK] =
    g_param_spec_boolean ("dark", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
nhs_color_scheme_init (NhsColorScheme *self)
{
  self->cancellable = g_cancellable_new ();
}

NhsColorScheme *
nhs_color_scheme_new (GSettings   *settings,
                      GtkSettings *gtk_settings)
{
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);
  g_return_val_if_fail (GTK_IS_SETTINGS (gtk_settings), NULL);

  return g_object_new (NHS_TYPE_COLOR_SCHEME,
                       "settings", settings,
                       "gtk-settings", gtk_settings,
                       NULL);
}

NhsSystemScheme
nhs_color_scheme_get_system_scheme (NhsColorScheme *self)
{
  g_return_val_if_fail (NHS_IS_COLOR_SCHEME (self), NHS_SYSTEM_SCHEME_NO_PREFERENCE);

  return self->system_scheme;
}

gboolean
nhs_color_scheme_get_dark (NhsColorScheme *self)
{
  g_return_val_if_fail (NHS_IS_COLOR_SCHEME (self), FALSE);

  return self->dark;
}

void
nhs_color_scheme_setup (GtkApplication *app)
{
  g_autoptr(GSettings) settings = NULL;
  GtkSettings *gtk_settings;

  g_return_if_fail (GTK_IS_APPLICATION (app));

  gtk_settings = gtk_settings_get_default ();
  if (gtk_settings == NULL)
    return;

  settings = g_settings_new (APP_ID);
  g_object_set_data_full (G_OBJECT (app), "nhs-color-scheme",
                          nhs_color_scheme_new (settings, gtk_settings),
                          g_object_unref);
}
