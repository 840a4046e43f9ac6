/* nhs-preferences-dialog.c: colour scheme, reader text size, export defaults
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every control is bound to its GSettings key in both directions, so a
 * change takes effect at once (GNOME dialogs have no Apply button) and a
 * change made elsewhere (Ctrl+plus in the reader, the export dialog) shows
 * here.
 */
#define G_LOG_DOMAIN "nhs-preferences-dialog"

#include "config.h"

#include <math.h>

#include "nhs-preferences-dialog.h"

struct _NhsPreferencesDialog
{
  GtkWindow parent_instance;

  GSettings *settings;

  GtkToggleButton *color_scheme_default;
  GtkToggleButton *color_scheme_light;
  GtkToggleButton *color_scheme_dark;
  GtkSpinButton *font_scale_spin;
  GtkSpinButton *export_width_spin;
  GtkSpinButton *export_height_spin;
  GtkDropDown *export_scale_dropdown;
  GtkDropDown *export_background_dropdown;
  GtkSwitch *export_title_switch;
  GtkSwitch *export_legend_switch;
  GtkSwitch *export_source_switch;
};

G_DEFINE_FINAL_TYPE (NhsPreferencesDialog, nhs_preferences_dialog, GTK_TYPE_WINDOW)

enum
{
  PROP_0,
  PROP_SETTINGS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The dropdown items, in order, as the nicks of the key's enum */
static const char * const background_nicks[] = { "light", "dark", "transparent", NULL };

/* reader-font-scale (0.5 to 3.0) shows as a percentage. NaN passes the
 * key's range check; refused here, GSettings shows the default instead. */
static gboolean
percent_from_scale (GValue   *value,
                    GVariant *variant,
                    gpointer  user_data)
{
  double scale = g_variant_get_double (variant);

  if (!isfinite (scale))
    return FALSE;
  g_value_set_double (value, scale * 100.0);
  return TRUE;
}

static GVariant *
scale_from_percent (const GValue       *value,
                    const GVariantType *expected_type,
                    gpointer            user_data)
{
  return g_variant_new_double (g_value_get_double (value) / 100.0);
}

/* export-scale 1 or 2 is the dropdown's item 0 or 1 */
static gboolean
item_from_int (GValue   *value,
               GVariant *variant,
               gpointer  user_data)
{
  g_value_set_uint (value, (guint) MAX (g_variant_get_int32 (variant) - 1, 0));
  return TRUE;
}

static GVariant *
int_from_item (const GValue       *value,
               const GVariantType *expected_type,
               gpointer            user_data)
{
  guint item = g_value_get_uint (value);

  /* GTK_INVALID_LIST_POSITION while the model is being replaced */
  if (item > 1)
    return NULL;
  return g_variant_new_int32 ((int) item + 1);
}

/* An enum key is its nick; the dropdown shows the nicks' items in order */
static gboolean
item_from_nick (GValue   *value,
                GVariant *variant,
                gpointer  user_data)
{
  const char * const *nicks = user_data;
  const char *nick = g_variant_get_string (variant, NULL);

  for (guint i = 0; nicks[i] != NULL; i++)
    if (g_str_equal (nicks[i], nick))
      {
        g_value_set_uint (value, i);
        return TRUE;
      }
  return FALSE;
}

static GVariant *
nick_from_item (const GValue       *value,
                const GVariantType *expected_type,
                gpointer            user_data)
{
  const char * const *nicks = user_data;
  guint item = g_value_get_uint (value);

  if (item >= g_strv_length ((char **) nicks))
    return NULL;
  return g_variant_new_string (nicks[item]);
}

static void
bind_settings (NhsPreferencesDialog *self)
{
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  g_autoptr(GAction) color_scheme = g_settings_create_action (self->settings, "color-scheme");

  /* the three style buttons are a radio group on the key's action */
  g_action_map_add_action (G_ACTION_MAP (group), color_scheme);
  gtk_widget_insert_action_group (GTK_WIDGET (self), "prefs", G_ACTION_GROUP (group));

  g_settings_bind_with_mapping (self->settings, "reader-font-scale",
                                gtk_spin_button_get_adjustment (self->font_scale_spin), "value",
                                G_SETTINGS_BIND_DEFAULT,
                                percent_from_scale, scale_from_percent, NULL, NULL);

  /* GSettings maps the int keys to the adjustments' doubles by itself */
  g_settings_bind (self->settings, "export-width",
                   gtk_spin_button_get_adjustment (self->export_width_spin), "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "export-height",
                   gtk_spin_button_get_adjustment (self->export_height_spin), "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind_with_mapping (self->settings, "export-scale",
                                self->export_scale_dropdown, "selected",
                                G_SETTINGS_BIND_DEFAULT,
                                item_from_int, int_from_item, NULL, NULL);
  g_settings_bind_with_mapping (self->settings, "export-background",
                                self->export_background_dropdown, "selected",
                                G_SETTINGS_BIND_DEFAULT,
                                item_from_nick, nick_from_item, (gpointer) background_nicks, NULL);
  g_settings_bind (self->settings, "export-show-title", self->export_title_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "export-show-legend", self->export_legend_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "export-show-source", self->export_source_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
}

static void
nhs_preferences_dialog_constructed (GObject *object)
{
  NhsPreferencesDialog *self = NHS_PREFERENCES_DIALOG (object);

  G_OBJECT_CLASS (nhs_preferences_dialog_parent_class)->constructed (object);

  if (self->settings == NULL)
    self->settings = g_settings_new (APP_ID);
  bind_settings (self);
}

static void
nhs_preferences_dialog_dispose (GObject *object)
{
  NhsPreferencesDialog *self = NHS_PREFERENCES_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), NHS_TYPE_PREFERENCES_DIALOG);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (nhs_preferences_dialog_parent_class)->dispose (object);
}

static void
nhs_preferences_dialog_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  NhsPreferencesDialog *self = NHS_PREFERENCES_DIALOG (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nhs_preferences_dialog_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  NhsPreferencesDialog *self = NHS_PREFERENCES_DIALOG (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nhs_preferences_dialog_class_init (NhsPreferencesDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = nhs_preferences_dialog_constructed;
  object_class->dispose = nhs_preferences_dialog_dispose;
  object_class->get_property = nhs_preferences_dialog_get_property;
  object_class->set_property = nhs_preferences_dialog_set_property;

  /* NULL: the app's own settings */
  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/nhs-preferences-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, NhsPreferencesDialog, color_scheme_default);
  gtk_widget_class_bind_template_child (widget_class, NhsPreferencesDialog, color_scheme_light);
  gtk_widget_class_bind_template_child (widget_class, NhsPreferencesDialog, color_scheme_dark);
  gtk_widget_class_bind_template_child (widget_class, NhsPreferencesDialog, font_scale_spin);
  gtk_widget_class_bind_template_child (widget_class, NhsPreferencesDialog, export_width_spin);
  gtk_widget_class_bind_template_child (widget_class, NhsPreferencesDialog, export_height_spin);
  gtk_widget_class_bind_template_child (widget_class, NhsPreferencesDialog, export_scale_dropdown);
  gtk_widget_class_bind_template_child (widget_class, NhsPreferencesDialog, export_background_dropdown);
  gtk_widget_class_bind_template_child (widget_class, NhsPreferencesDialog, export_title_switch);
  gtk_widget_class_bind_template_child (widget_class, NhsPreferencesDialog, export_legend_switch);
  gtk_widget_class_bind_template_child (widget_class, NhsPreferencesDialog, export_source_switch);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
}

static void
nhs_preferences_dialog_init (NhsPreferencesDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
nhs_preferences_dialog_new (GSettings *settings)
{
  g_return_val_if_fail (settings == NULL || G_IS_SETTINGS (settings), NULL);

  return g_object_new (NHS_TYPE_PREFERENCES_DIALOG, "settings", settings, NULL);
}

void
nhs_preferences_dialog_present (GtkWindow *parent)
{
  GtkWidget *dialog = nhs_preferences_dialog_new (NULL);

  if (parent != NULL)
    {
      gtk_window_set_transient_for (GTK_WINDOW (dialog), parent);
      gtk_window_set_application (GTK_WINDOW (dialog), gtk_window_get_application (parent));
    }
  gtk_window_present (GTK_WINDOW (dialog));
}
