/* nhs-color-scheme.h
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* What the desktop asks for, as the settings portal's
 * org.freedesktop.appearance color-scheme values */
typedef enum
{
  NHS_SYSTEM_SCHEME_NO_PREFERENCE = 0,
  NHS_SYSTEM_SCHEME_PREFER_DARK = 1,
  NHS_SYSTEM_SCHEME_PREFER_LIGHT = 2,
} NhsSystemScheme;

#define NHS_TYPE_COLOR_SCHEME (nhs_color_scheme_get_type ())
G_DECLARE_FINAL_TYPE (NhsColorScheme, nhs_color_scheme, NHS, COLOR_SCHEME, GObject)

/* Keeps gtk-application-prefer-dark-theme of @gtk_settings in line with the
 * "color-scheme" key of @settings: "light" and "dark" force a style;
 * "default" follows the desktop's preference, read from the settings
 * portal and followed as it changes. Without a portal (or when the desktop
 * states no preference) GTK's own setting stands. */
NhsColorScheme  *nhs_color_scheme_new               (GSettings      *settings,
                                                     GtkSettings    *gtk_settings);
NhsSystemScheme  nhs_color_scheme_get_system_scheme (NhsColorScheme *self);
gboolean         nhs_color_scheme_get_dark          (NhsColorScheme *self);

/* Sets this up for the application's lifetime on the default display; call
 * from GApplication::startup */
void             nhs_color_scheme_setup             (GtkApplication *app);

G_END_DECLS
