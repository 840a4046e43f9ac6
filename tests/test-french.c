/* test-french.c: dates in French under a French locale (needs a display)
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Compiles fr_FR.UTF-8 with localedef into a folder of its own (so the
 * machine needs no French locale installed; as root in CI, or wherever
 * localedef may write), then runs itself again under it. Reads back the
 * month and day names a person sees: the event list's dates, the From
 * calendar, the chart's range and the months on its time axis. Skipped, saying why, when no locale can be
 * compiled.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <locale.h>
#include <string.h>
#include <errno.h>
#include <unistd.h>

#include "nhs-chart-export.h"
#include "nhs-chart-view.h"
#include "nhs-chart-view-private.h"
#include "nhs-text-cell.h"
#include "test-window-util.h"

#define CHILD_ENV "NHS_TEST_FRENCH_LOCPATH"

/* Every text the labels and text cells under widget show, joined by "|" */
static void
collect_texts (GtkWidget *widget,
               GString   *texts)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      const char *text = NULL;

      if (GTK_IS_LABEL (child))
        text = gtk_label_get_label (GTK_LABEL (child));
      else if (NHS_IS_TEXT_CELL (child))
        text = nhs_text_cell_get_text (NHS_TEXT_CELL (child));
      if (text != NULL && *text != '\0')
        g_string_append_printf (texts, "|%s", text);
      collect_texts (child, texts);
    }
}

static GtkWidget *
find_type (GtkWidget *widget,
           GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_type (child, type);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
test_locale (void)
{
  g_autoptr(GDateTime) february = g_date_time_new_utc (2024, 2, 24, 12, 0, 0);
  g_autofree char *month = g_date_time_format (february, "%B");

  /* the libc's French, which everything below relies on */
  g_assert_cmpstr (month, ==, "février");
}

static void
test_list_dates (void)
{
  NhsWindow *window = new_window_on_data ("fixture.json", FALSE);
  g_autoptr(GString) texts = g_string_new (NULL);
  GtkColumnView *view = nhs_event_list_get_column_view (nhs_window_get_event_list (window));

  collect_texts (GTK_WIDGET (view), texts);
  /* the strike of 24 February 2024, the pay award of 13 July 2023 */
  g_assert_nonnull (strstr (texts->str, "|24 févr. 2024"));
  g_assert_nonnull (strstr (texts->str, "|13 juil. 2023"));
  g_assert_null (strstr (texts->str, " Feb "));
  g_assert_null (strstr (texts->str, " Jul "));
  close_window (window);
}

static void
test_calendar (void)
{
  NhsWindow *window = new_window_on_data ("fixture.json", FALSE);
  GtkWidget *calendar = find_type (GTK_WIDGET (nhs_window_get_event_list (window)), GTK_TYPE_CALENDAR);
  g_autoptr(GDateTime) day = g_date_time_new_local (2024, 2, 24, 0, 0, 0);
  g_autoptr(GString) texts = g_string_new (NULL);

  g_assert_nonnull (calendar);
  gtk_calendar_select_day (GTK_CALENDAR (calendar), day);
  settle (window);
  collect_texts (calendar, texts);
  /* the month in the header, the days of the week over the columns */
  g_assert_nonnull (strstr (texts->str, "|février"));
  g_assert_nonnull (strstr (texts->str, "|lun."));
  g_assert_nonnull (strstr (texts->str, "|dim."));
  g_assert_null (strstr (texts->str, "February"));
  g_assert_null (strstr (texts->str, "|Mon"));
  close_window (window);
}

static void
test_chart_range (void)
{
  NhsWindow *window = new_window_on_data ("fixture.json", FALSE);
  GtkWidget *chart = GTK_WIDGET (nhs_window_get_chart_view (window));
  g_autoptr(GString) texts = g_string_new (NULL);
  static const char *french[] = {
    "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
    "septembre", "octobre", "novembre", "décembre",
  };
  static const char *english[] = {
    "January", "February", "March", "April", "June", "July", "August",
    "September", "October", "November", "December",
  };
  gboolean any_french = FALSE;

  collect_texts (chart, texts);
  for (guint i = 0; i < G_N_ELEMENTS (french); i++)
    any_french |= strstr (texts->str, french[i]) != NULL;
  g_assert_true (any_french);
  for (guint i = 0; i < G_N_ELEMENTS (english); i++)
    g_assert_null (strstr (texts->str, english[i]));
  close_window (window);
}

/* The text the chart draws for its current view: what the view paints
 * comes from the same renderer, model and options as an export of
 * "exactly the current view", whose PDF keeps the text (pdftotext) */
static char *
chart_view_text (NhsWindow *window)
{
  NhsChartView *chart = nhs_window_get_chart_view (window);
  NhsChartExportOptions options;
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("nhs-french-chart-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "chart.pdf", NULL);
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", path, "-", NULL };
  g_autofree char *out = NULL;
  int status = 0;

  nhs_chart_export_options_init (&options);
  nhs_chart_view_get_export_options (chart, &options);
  options.width = 1000;
  options.height = 400;
  pdf = nhs_chart_export_to_bytes (nhs_chart_view_get_model (chart), &options, NHS_CHART_FORMAT_PDF, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf), NULL));
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_unlink (path);
  g_rmdir (dir);
  return g_steal_pointer (&out);
}

/* The months on the chart's time axis: abbreviated when the axis counts
 * months, whole ("février 2024") under the days when it counts days */
static void
test_chart_axis (void)
{
  NhsWindow *window = new_window_on_data ("fixture.json", FALSE);
  NhsChartView *chart = nhs_window_get_chart_view (window);
  g_autoptr(GDateTime) jan = g_date_time_new_utc (2023, 1, 1, 0, 0, 0);
  g_autoptr(GDateTime) jun = g_date_time_new_utc (2024, 7, 1, 0, 0, 0);
  g_autoptr(GDateTime) feb10 = g_date_time_new_utc (2024, 2, 10, 0, 0, 0);
  g_autoptr(GDateTime) feb20 = g_date_time_new_utc (2024, 2, 20, 0, 0, 0);
  g_autofree char *months = NULL;
  g_autofree char *days = NULL;
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");

  if (pdftotext == NULL)
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed");
      close_window (window);
      return;
    }
  /* January 2023 to June 2024: a tick for each month */
  nhs_chart_view_set_range (chart, g_date_time_to_unix (jan) * G_USEC_PER_SEC, g_date_time_to_unix (jun) * G_USEC_PER_SEC);
  settle (window);
  months = chart_view_text (window);
  g_test_message ("chart text: %s", months);
  g_assert_nonnull (strstr (months, "janv."));
  g_assert_nonnull (strstr (months, "févr."));
  g_assert_nonnull (strstr (months, "juil."));
  g_assert_nonnull (strstr (months, "déc."));
  g_assert_null (strstr (months, "Jan"));
  g_assert_null (strstr (months, "Feb"));
  g_assert_null (strstr (months, "Jul"));
  g_assert_null (strstr (months, "Dec"));

  /* ten days of February: the days, and the month under them */
  nhs_chart_view_set_range (chart, g_date_time_to_unix (feb10) * G_USEC_PER_SEC, g_date_time_to_unix (feb20) * G_USEC_PER_SEC);
  settle (window);
  days = chart_view_text (window);
  g_test_message ("chart text: %s", days);
  g_assert_nonnull (strstr (days, "février 2024"));
  g_assert_null (strstr (days, "February"));
  close_window (window);
}

/* Compiles fr_FR.UTF-8 and runs again under it; returns only when that
 * cannot be done */
static void
reexec_in_french (char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("nhs-french-XXXXXX", &error);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status = 0;
  const char *localedef[] = { "localedef", "-i", "fr_FR", "-f", "UTF-8", NULL, NULL };
  g_autofree char *target = NULL;

  if (dir == NULL)
    return;
  target = g_build_filename (dir, "fr_FR.UTF-8", NULL);
  localedef[5] = target;
  if (!g_spawn_sync (NULL, (char **) localedef, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err, &status, NULL) ||
      !g_spawn_check_wait_status (status, NULL) || !g_file_test (target, G_FILE_TEST_IS_DIR))
    {
      g_printerr ("localedef could not compile fr_FR.UTF-8: %s\n", err ? err : "");
      return;
    }
  g_setenv (CHILD_ENV, dir, TRUE);
  g_setenv ("LOCPATH", dir, TRUE);
  g_setenv ("LC_ALL", "fr_FR.UTF-8", TRUE);
  g_setenv ("LANGUAGE", "fr", TRUE);
  execv ("/proc/self/exe", argv);
  g_printerr ("could not run again: %s\n", g_strerror (errno));
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

int
main (int argc, char *argv[])
{
  const char *locpath = g_getenv (CHILD_ENV);
  int status;

  if (locpath == NULL)
    reexec_in_french (argv);
  locpath = g_getenv (CHILD_ENV);
  if (locpath == NULL || setlocale (LC_ALL, "") == NULL)
    {
      g_test_init (&argc, &argv, NULL);
      g_test_add_func ("/french/skipped", test_locale);
      /* say why, and skip rather than fail where localedef may not write */
      g_test_skip_printf ("no French locale could be compiled (localedef, package locales)");
      return g_test_run ();
    }

  g_test_init (&argc, &argv, NULL);
  if (!test_ui_init ("/french/no-display", TRUE))
    return g_test_run ();
  g_test_add_func ("/french/locale", test_locale);
  g_test_add_func ("/french/list-dates", test_list_dates);
  g_test_add_func ("/french/calendar", test_calendar);
  g_test_add_func ("/french/chart-range", test_chart_range);
  g_test_add_func ("/french/chart-axis", test_chart_axis);
  status = g_test_run ();
  remove_tree (locpath);
  return status;
}
