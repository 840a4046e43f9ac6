/* nhs-group-dots.c: the colours of an event's groups, as small dots
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Decorative: the text beside the dots names the groups, so assistive
 * technologies skip this widget.
 */
#define G_LOG_DOMAIN "nhs-group-dots"

#include "config.h"

#include "nhs-group-dots.h"

#define DOT_SIZE 10
#define DOT_GAP  3
#define MAX_DOTS 8

struct _NhsGroupDots
{
  GtkWidget parent_instance;

  GdkRGBA colors[MAX_DOTS];
  gboolean has_color[MAX_DOTS];
  guint n_dots;
};

G_DEFINE_FINAL_TYPE (NhsGroupDots, nhs_group_dots, GTK_TYPE_WIDGET)

static void
set_dot (NhsGroupDots *self,
         guint         i,
         NhsGroup     *group)
{
  self->has_color[i] = nhs_group_get_rgba (group, &self->colors[i]);
}

static void
nhs_group_dots_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  NhsGroupDots *self = NHS_GROUP_DOTS (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *minimum = *natural = self->n_dots ? self->n_dots * DOT_SIZE + (self->n_dots - 1) * DOT_GAP : 0;
  else
    *minimum = *natural = self->n_dots ? DOT_SIZE : 0;
}

static void
nhs_group_dots_snapshot (GtkWidget   *widget,
                         GtkSnapshot *snapshot)
{
  NhsGroupDots *self = NHS_GROUP_DOTS (widget);
  int y = (gtk_widget_get_height (widget) - DOT_SIZE) / 2;
  GdkRGBA fallback;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fallback);
  G_GNUC_END_IGNORE_DEPRECATIONS
  fallback.alpha *= 0.5f;

  for (guint i = 0; i < self->n_dots; i++)
    {
      GskRoundedRect dot;
      graphene_rect_t bounds = GRAPHENE_RECT_INIT (i * (DOT_SIZE + DOT_GAP), y, DOT_SIZE, DOT_SIZE);

      gsk_rounded_rect_init_from_rect (&dot, &bounds, DOT_SIZE / 2.f);
      gtk_snapshot_push_rounded_clip (snapshot, &dot);
      gtk_snapshot_append_color (snapshot, self->has_color[i] ? &self->colors[i] : &fallback, &bounds);
      gtk_snapshot_pop (snapshot);
    }
}

static void
nhs_group_dots_class_init (NhsGroupDotsClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  widget_class->measure = nhs_group_dots_measure;
  widget_class->snapshot = nhs_group_dots_snapshot;

  gtk_widget_class_set_css_name (widget_class, "groupdots");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_PRESENTATION);
}

static void
nhs_group_dots_init (NhsGroupDots *self)
{
  gtk_widget_set_valign (GTK_WIDGET (self), GTK_ALIGN_CENTER);
}

GtkWidget *
nhs_group_dots_new (void)
{
  return g_object_new (NHS_TYPE_GROUP_DOTS, NULL);
}

void
nhs_group_dots_set_event (NhsGroupDots *self,
                          NhsEvent     *event)
{
  g_return_if_fail (NHS_IS_GROUP_DOTS (self));

  self->n_dots = 0;
  if (event != NULL)
    {
      GPtrArray *groups = nhs_event_get_groups (event);

      self->n_dots = MIN (groups->len, MAX_DOTS);
      for (guint i = 0; i < self->n_dots; i++)
        set_dot (self, i, g_ptr_array_index (groups, i));
    }
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

void
nhs_group_dots_set_group (NhsGroupDots *self,
                          NhsGroup     *group)
{
  g_return_if_fail (NHS_IS_GROUP_DOTS (self));

  self->n_dots = group != NULL;
  if (group != NULL)
    set_dot (self, 0, group);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

gboolean
nhs_group_get_rgba (NhsGroup *group,
                    GdkRGBA  *rgba)
{
  const char *color = nhs_group_get_color (group);

  return color != NULL && gdk_rgba_parse (rgba, color);
}
