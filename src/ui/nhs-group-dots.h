/* nhs-group-dots.h: the colours of an event's groups, as small dots
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "nhs-model.h"

G_BEGIN_DECLS

#define NHS_TYPE_GROUP_DOTS (nhs_group_dots_get_type ())
G_DECLARE_FINAL_TYPE (NhsGroupDots, nhs_group_dots, NHS, GROUP_DOTS, GtkWidget)

GtkWidget *nhs_group_dots_new       (void);
/* One dot per group of the event; NULL: none */
void       nhs_group_dots_set_event (NhsGroupDots *self,
                                     NhsEvent     *event);
/* A single dot */
void       nhs_group_dots_set_group (NhsGroupDots *self,
                                     NhsGroup     *group);

/* Parses a group's "#rrggbb"; FALSE (and rgba untouched) when it has none */
gboolean   nhs_group_get_rgba       (NhsGroup     *group,
                                     GdkRGBA      *rgba);

G_END_DECLS
