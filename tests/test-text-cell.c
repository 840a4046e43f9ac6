/* test-text-cell.c: the event list's text cells measure in characters of
 * their font, draw their text as it is, and follow the display's settings
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gtk/gtk.h>

#include "nhs-text-cell-private.h"
#include "test-util.h"

static int
natural_width (GtkWidget *widget)
{
  int min, nat;

  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat, NULL, NULL);
  return nat;
}

static int
natural_height (GtkWidget *widget)
{
  int min, nat;

  gtk_widget_measure (widget, GTK_ORIENTATION_VERTICAL, -1, &min, &nat, NULL, NULL);
  return nat;
}

static void
spin (void)
{
  test_drain_main_context (0);
}

/* Widths follow the characters asked for, not the text; the height is a
 * line of the font */
static void
test_measure (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *ten = nhs_text_cell_new (0, 2, 10, FALSE);
  GtkWidget *forty = nhs_text_cell_new (0, 2, 40, FALSE);
  int w10, w40, h, min;

  gtk_box_append (GTK_BOX (box), ten);
  gtk_box_append (GTK_BOX (box), forty);
  gtk_window_set_child (GTK_WINDOW (window), box);
  gtk_window_present (GTK_WINDOW (window));
  spin ();

  w10 = natural_width (ten);
  w40 = natural_width (forty);
  h = natural_height (ten);
  g_assert_cmpint (w10, >, 20);
  g_assert_cmpint (ABS (w40 - 4 * w10), <=, 4);
  g_assert_cmpint (h, >, 8);
  gtk_widget_measure (ten, GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
  g_assert_cmpint (ABS (5 * min - w10), <=, 5);

  /* a long text changes neither: the cell ellipsizes it */
  nhs_text_cell_set_text (NHS_TEXT_CELL (ten), "A title far longer than ten characters, in a narrow cell");
  g_assert_cmpint (natural_width (ten), ==, w10);
  g_assert_cmpint (natural_height (ten), ==, h);
  g_assert_cmpstr (nhs_text_cell_get_text (NHS_TEXT_CELL (ten)), ==,
                   "A title far longer than ten characters, in a narrow cell");
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The text goes to Pango as it is (never as markup), and the layout the
 * cell draws is ellipsized at the cell's width */
static void
test_plain_and_ellipsized (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *cell = nhs_text_cell_new (0, 2, 10, TRUE);
  const char *text = "<b>Strike</b> & talks &amp; <span foreground=\"red\">pay</span> 2023/24";
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  PangoLayout *layout;

  gtk_window_set_child (GTK_WINDOW (window), cell);
  gtk_window_set_default_size (GTK_WINDOW (window), 80, 20);
  gtk_window_present (GTK_WINDOW (window));
  nhs_text_cell_set_text (NHS_TEXT_CELL (cell), text);
  spin ();

  layout = nhs_text_cell_get_layout (NHS_TEXT_CELL (cell));
  g_assert_cmpstr (pango_layout_get_text (layout), ==, text);
  g_assert_true (gtk_widget_has_css_class (cell, "numeric"));

  /* drawing sets the layout's width to the cell's: the text is cut short */
  GTK_WIDGET_GET_CLASS (cell)->snapshot (cell, snapshot);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  g_assert_cmpint (pango_layout_get_width (layout), ==, gtk_widget_get_width (cell) * PANGO_SCALE);
  g_assert_true (pango_layout_is_ellipsized (layout));
  g_assert_cmpstr (pango_layout_get_text (layout), ==, text);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Twice the display's resolution: about twice the size, although the font
 * is the same (its metrics are kept per font and resolution) */
static void
test_resolution (void)
{
  GtkSettings *settings = gtk_settings_get_default ();
  GtkWidget *window = gtk_window_new ();
  GtkWidget *cell = nhs_text_cell_new (0, 2, 20, FALSE);
  int dpi, w, h;

  gtk_window_set_child (GTK_WINDOW (window), cell);
  gtk_window_present (GTK_WINDOW (window));
  spin ();
  g_object_get (settings, "gtk-xft-dpi", &dpi, NULL);
  if (dpi <= 0)
    dpi = 96 * 1024;
  g_object_set (settings, "gtk-xft-dpi", dpi, NULL);
  spin ();
  w = natural_width (cell);
  h = natural_height (cell);

  g_object_set (settings, "gtk-xft-dpi", 2 * dpi, NULL);
  spin ();
  /* twice, give or take the font's hinting at each size */
  g_assert_cmpint (natural_width (cell), >=, 18 * w / 10);
  g_assert_cmpint (natural_width (cell), <=, 22 * w / 10);
  g_assert_cmpint (natural_height (cell), >=, 18 * h / 10);

  g_object_set (settings, "gtk-xft-dpi", dpi, NULL);
  spin ();
  g_assert_cmpint (natural_width (cell), ==, w);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

  g_test_add_func ("/text-cell/measure", test_measure);
  g_test_add_func ("/text-cell/plain-and-ellipsized", test_plain_and_ellipsized);
  g_test_add_func ("/text-cell/resolution", test_resolution);
  return g_test_run ();
}
