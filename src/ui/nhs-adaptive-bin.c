/* nhs-adaptive-bin.c: one of two children, by the width it is given
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GTK 4.8 has no breakpoints (libadwaita's AdwBreakpointBin does this).
 * The bin asks for no more than the smaller of its children's minimum
 * sizes, so the window can always be made narrow, and shows the wide child
 * from narrow-width on, the narrow one below it. Which one shows is
 * decided in the allocation, where GTK allows changing a child's
 * visibility (gtk_widget_set_child_visible (), as GtkPaned does) but not
 * moving widgets about: the "narrow" property tells whoever does that.
 */
#define G_LOG_DOMAIN "nhs-adaptive-bin"

#include "config.h"

#include "nhs-adaptive-bin.h"

struct _NhsAdaptiveBin
{
  GtkWidget parent_instance;

  GtkWidget *wide_child;
  GtkWidget *narrow_child;
  int narrow_width;
  gboolean narrow;
  int compact_width;
  gboolean compact;
};

G_DEFINE_FINAL_TYPE (NhsAdaptiveBin, nhs_adaptive_bin, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_WIDE_CHILD,
  PROP_NARROW_CHILD,
  PROP_NARROW_WIDTH,
  PROP_NARROW,
  PROP_COMPACT_WIDTH,
  PROP_COMPACT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Auxiliary functions */

static void
set_child (NhsAdaptiveBin  *self,
           GtkWidget      **slot,
           GtkWidget       *child,
           GParamSpec      *pspec)
{
  if (*slot == child)
    return;
  g_clear_pointer (slot, gtk_widget_unparent);
  *slot = child;
  if (child != NULL)
    {
      gtk_widget_set_parent (child, GTK_WIDGET (self));
      gtk_widget_set_child_visible (child, (child == self->narrow_child) == self->narrow);
    }
  g_object_notify_by_pspec (G_OBJECT (self), pspec);
}

static gboolean
is_narrow_at (NhsAdaptiveBin *self,
              int             width)
{
  return self->narrow_child != NULL && (self->wide_child == NULL || width < self->narrow_width);
}

/* GObject overrides */

static void
nhs_adaptive_bin_dispose (GObject *object)
{
  NhsAdaptiveBin *self = NHS_ADAPTIVE_BIN (object);

  g_clear_pointer (&self->wide_child, gtk_widget_unparent);
  g_clear_pointer (&self->narrow_child, gtk_widget_unparent);
  G_OBJECT_CLASS (nhs_adaptive_bin_parent_class)->dispose (object);
}

static void
nhs_adaptive_bin_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  NhsAdaptiveBin *self = NHS_ADAPTIVE_BIN (object);

  switch (prop_id)
    {
    case PROP_WIDE_CHILD:
      g_value_set_object (value, self->wide_child);
      break;
    case PROP_NARROW_CHILD:
      g_value_set_object (value, self->narrow_child);
      break;
    case PROP_NARROW_WIDTH:
      g_value_set_int (value, self->narrow_width);
      break;
    case PROP_NARROW:
      g_value_set_boolean (value, self->narrow);
      break;
    case PROP_COMPACT_WIDTH:
      g_value_set_int (value, self->compact_width);
      break;
    case PROP_COMPACT:
      g_value_set_boolean (value, self->compact);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nhs_adaptive_bin_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  NhsAdaptiveBin *self = NHS_ADAPTIVE_BIN (object);

  switch (prop_id)
    {
    case PROP_WIDE_CHILD:
      nhs_adaptive_bin_set_wide_child (self, g_value_get_object (value));
      break;
    case PROP_NARROW_CHILD:
      nhs_adaptive_bin_set_narrow_child (self, g_value_get_object (value));
      break;
    case PROP_NARROW_WIDTH:
      nhs_adaptive_bin_set_narrow_width (self, g_value_get_int (value));
      break;
    case PROP_COMPACT_WIDTH:
      self->compact_width = g_value_get_int (value);
      gtk_widget_queue_allocate (GTK_WIDGET (self));
      g_object_notify_by_pspec (object, pspec);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* Widget overrides */

static void
nhs_adaptive_bin_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  NhsAdaptiveBin *self = NHS_ADAPTIVE_BIN (widget);
  GtkWidget *children[] = { self->wide_child, self->narrow_child };
  gboolean any = FALSE;

  *minimum = *natural = 0;
  for (guint i = 0; i < G_N_ELEMENTS (children); i++)
    {
      int child_min, child_nat;

      if (children[i] == NULL || !gtk_widget_get_visible (children[i]))
        continue;
      /* across the width, a height is asked of the child that shows there */
      if (orientation == GTK_ORIENTATION_VERTICAL && for_size >= 0 &&
          (children[i] == self->narrow_child) != is_narrow_at (self, for_size))
        continue;
      gtk_widget_measure (children[i], orientation, for_size, &child_min, &child_nat, NULL, NULL);
      /* with no width given, either may show: as small as the smaller
       * allows (the window's smallest size must not be the wide layout's,
       * or it grows when the narrow one would fit); as big as the bigger
       * wants */
      *minimum = any ? MIN (*minimum, child_min) : child_min;
      *natural = MAX (*natural, child_nat);
      any = TRUE;
    }
  *natural = MAX (*natural, *minimum);
}

static void
nhs_adaptive_bin_size_allocate (GtkWidget *widget,
                                int        width,
                                int        height,
                                int        baseline)
{
  NhsAdaptiveBin *self = NHS_ADAPTIVE_BIN (widget);
  gboolean narrow = is_narrow_at (self, width);
  GtkWidget *shown = narrow ? self->narrow_child : self->wide_child;
  GtkWidget *hidden = narrow ? self->wide_child : self->narrow_child;
  int min_width = 0, min_height = 0;

  if (hidden != NULL)
    gtk_widget_set_child_visible (hidden, FALSE);
  if (shown != NULL)
    {
      gtk_widget_set_child_visible (shown, TRUE);
      /* for the one allocation before the widgets have moved to the child
       * that shows, it may need more than there is: it gets what it needs
       * and is clipped */
      gtk_widget_measure (shown, GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL, NULL, NULL);
      gtk_widget_measure (shown, GTK_ORIENTATION_VERTICAL, MAX (width, min_width), &min_height, NULL, NULL, NULL);
      gtk_widget_allocate (shown, MAX (width, min_width), MAX (height, min_height), baseline, NULL);
    }
  if (narrow != self->narrow)
    {
      self->narrow = narrow;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NARROW]);
    }
  if ((width < self->compact_width) != self->compact)
    {
      self->compact = width < self->compact_width;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPACT]);
    }
}

static void
nhs_adaptive_bin_class_init (NhsAdaptiveBinClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = nhs_adaptive_bin_dispose;
  object_class->get_property = nhs_adaptive_bin_get_property;
  object_class->set_property = nhs_adaptive_bin_set_property;

  widget_class->measure = nhs_adaptive_bin_measure;
  widget_class->size_allocate = nhs_adaptive_bin_size_allocate;

  properties[PROP_WIDE_CHILD] =
    g_param_spec_object ("wide-child", NULL, NULL, GTK_TYPE_WIDGET,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NARROW_CHILD] =
    g_param_spec_object ("narrow-child", NULL, NULL, GTK_TYPE_WIDGET,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NARROW_WIDTH] =
    g_param_spec_int ("narrow-width", NULL, NULL, 0, G_MAXINT, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NARROW] =
    g_param_spec_boolean ("narrow", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* a second, wider step, for what fits less well (a list's columns) */
  properties[PROP_COMPACT_WIDTH] =
    g_param_spec_int ("compact-width", NULL, NULL, 0, G_MAXINT, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_COMPACT] =
    g_param_spec_boolean ("compact", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "adaptivebin");
}

static void
nhs_adaptive_bin_init (NhsAdaptiveBin *self)
{
  /* see size_allocate: what overflows for one frame is clipped */
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
}

/* Public API */

GtkWidget *
nhs_adaptive_bin_new (void)
{
  return g_object_new (NHS_TYPE_ADAPTIVE_BIN, NULL);
}

void
nhs_adaptive_bin_set_wide_child (NhsAdaptiveBin *self,
                                 GtkWidget      *child)
{
  g_return_if_fail (NHS_IS_ADAPTIVE_BIN (self));
  g_return_if_fail (child == NULL || GTK_IS_WIDGET (child));

  set_child (self, &self->wide_child, child, properties[PROP_WIDE_CHILD]);
}

void
nhs_adaptive_bin_set_narrow_child (NhsAdaptiveBin *self,
                                   GtkWidget      *child)
{
  g_return_if_fail (NHS_IS_ADAPTIVE_BIN (self));
  g_return_if_fail (child == NULL || GTK_IS_WIDGET (child));

  set_child (self, &self->narrow_child, child, properties[PROP_NARROW_CHILD]);
}

void
nhs_adaptive_bin_set_narrow_width (NhsAdaptiveBin *self,
                                   int             width)
{
  g_return_if_fail (NHS_IS_ADAPTIVE_BIN (self));

  if (self->narrow_width == width)
    return;
  self->narrow_width = width;
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NARROW_WIDTH]);
}

gboolean
nhs_adaptive_bin_get_compact (NhsAdaptiveBin *self)
{
  g_return_val_if_fail (NHS_IS_ADAPTIVE_BIN (self), FALSE);
  return self->compact;
}

gboolean
nhs_adaptive_bin_get_narrow (NhsAdaptiveBin *self)
{
  g_return_val_if_fail (NHS_IS_ADAPTIVE_BIN (self), FALSE);
  return self->narrow;
}
