/* test-figure-inspector.c: editing figures, groups and sources in the
 * window (needs a display)
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Types into the inspector's Figures and Groups & Sources pages as a
 * person does, and reads back what the chart, the list's group buttons
 * and the saved file show.
 */
#include "config.h"

#include <gtk/gtk.h>
#include <string.h>

#include "nhs-chart-view-private.h"
#include "nhs-event-list-private.h"
#include "nhs-text-cell.h"
#include "test-tmpdir.h"
#include "nhs-document-evidence.h"
#include "test-inspector-fixture.h"

/* Types into an entry, as keys would, then presses Enter */
static void
type_into (Fixture    *f,
           GtkWidget  *entry,
           const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  g_signal_emit_by_name (entry, "activate");
  settle (f->window);
}

static void
assert_file_is (const char *path,
                GBytes     *expected)
{
  g_autofree char *text = NULL;
  gsize len;

  g_assert_true (g_file_get_contents (path, &text, &len, NULL));
  g_assert_cmpmem (text, len, g_bytes_get_data (expected, NULL), g_bytes_get_size (expected));
}

static void
save (Fixture *f)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.save", NULL));
  settle (f->window);
  g_assert_false (nhs_window_has_unsaved_changes (f->window));
}

/* The value the chart's pay panel draws for the figure's pay year */
static double
step_value (NhsWindow  *window,
            const char *figure_id)
{
  NhsChartModel *model = nhs_chart_view_get_model (nhs_window_get_chart_view (window));
  GArray *steps = nhs_chart_model_get_steps (model);

  for (guint i = 0; i < steps->len; i++)
    {
      const NhsChartStep *step = &g_array_index (steps, NhsChartStep, i);
      if (g_str_equal (nhs_figure_get_id (step->figure), figure_id))
        return step->value;
    }
  g_assert_not_reached ();
  return 0;
}

/* A value typed into the Figures page changes the chart's pay step and the
 * saved file; what the rules refuse is said beside its field; undo gives
 * back the file byte for byte */
static void
test_figure_value (Fixture       *f,
                   gconstpointer  data)
{
  NhsFigureInspector *page = nhs_inspector_get_figure_page (f->inspector);
  NhsDataset *ds = nhs_window_get_dataset (f->window);
  NhsFigure *figure = nhs_dataset_lookup_figure (ds, "award-2023-resident");
  GtkWidget *value = nhs_figure_inspector_get_field_widget (page, NHS_FIGURE_FIELD_VALUE);
  GtkWidget *date = nhs_figure_inspector_get_field_widget (page, NHS_FIGURE_FIELD_DATE);
  g_autoptr(NhsDataset) saved = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  /* choosing the event shows its figure */
  click_row (f->window, nhs_event_get_id (nhs_figure_get_event (figure)));
  g_assert_true (nhs_figure_inspector_get_figure (page) == figure);
  nhs_inspector_show_page (f->inspector, "figures");
  settle (f->window);
  g_assert_true (gtk_widget_get_mapped (value));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (value)), ==, "8.8");
  g_assert_cmpfloat (step_value (f->window, "award-2023-resident"), ==, 8.8);

  type_into (f, value, "lots");
  g_assert_cmpstr (nhs_figure_inspector_get_message (page, NHS_FIGURE_FIELD_VALUE), ==,
                   "“lots” is not a number: write it in digits, as 8.8 or 1250");
  g_assert_cmpfloat (nhs_figure_get_value (figure), ==, 8.8);
  type_into (f, date, "2023-02-30");
  g_assert_nonnull (strstr (nhs_figure_inspector_get_message (page, NHS_FIGURE_FIELD_DATE), "2023-02-30"));
  g_assert_false (nhs_window_has_unsaved_changes (f->window));
  gtk_editable_set_text (GTK_EDITABLE (date), "2023-07-13");

  type_into (f, value, "9.5");
  g_assert_null (nhs_figure_inspector_get_message (page, NHS_FIGURE_FIELD_VALUE));
  g_assert_cmpfloat (nhs_figure_get_value (figure), ==, 9.5);
  g_assert_cmpfloat (step_value (f->window, "award-2023-resident"), ==, 9.5);
  g_assert_true (nhs_window_has_unsaved_changes (f->window));

  save (f);
  g_assert_true (g_file_get_contents (f->path, &text, NULL, NULL));
  g_assert_nonnull (strstr (text, "      \"value\": 9.5,\n"));
  g_assert_null (strstr (text, "\"value\": 8.8"));
  {
    g_autoptr(GFile) file = g_file_new_for_path (f->path);
    saved = nhs_dataset_load_file (file, NULL, &error);
  }
  g_assert_no_error (error);
  g_assert_cmpfloat (nhs_figure_get_value (nhs_dataset_lookup_figure (saved, "award-2023-resident")), ==, 9.5);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  settle (f->window);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (value)), ==, "8.8");
  g_assert_cmpfloat (step_value (f->window, "award-2023-resident"), ==, 8.8);
  save (f);
  assert_file_is (f->path, f->original);
}

/* The Figures page lists the figure's evidence as the Event page does an
 * event's: removing a piece there removes it from the saved file, and
 * undo brings the file back byte for byte */
static void
test_figure_evidence (Fixture       *f,
                      gconstpointer  data)
{
  NhsFigureInspector *page = nhs_inspector_get_figure_page (f->inspector);
  NhsDataset *ds = nhs_window_get_dataset (f->window);
  NhsFigure *figure = nhs_dataset_lookup_figure (ds, "award-2023-resident");
  NhsEvidenceEditor *editor = nhs_figure_inspector_get_evidence_editor (page);
  GtkListBox *list = nhs_evidence_editor_get_list (editor);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  guint rows = 0;

  nhs_inspector_show_page (f->inspector, "figures");
  nhs_figure_inspector_set_figure (page, figure);
  settle (f->window);
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (list)); row; row = gtk_widget_get_next_sibling (row))
    rows++;
  g_assert_cmpuint (rows, ==, nhs_figure_get_evidence (figure)->len);
  g_assert_cmpuint (rows, ==, 1);

  /* a second piece, a source citation, then the first removed */
  g_assert_true (nhs_document_cite_source (nhs_window_get_document (f->window), G_OBJECT (figure),
                                           "src-bma", NULL, "the second piece", &error));
  g_assert_no_error (error);
  settle (f->window);
  rows = 0;
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (list)); row; row = gtk_widget_get_next_sibling (row))
    rows++;
  g_assert_cmpuint (rows, ==, 2);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "evidence.remove", "u", 0));
  settle (f->window);
  g_assert_cmpuint (nhs_figure_get_evidence (figure)->len, ==, 1);
  g_assert_cmpstr (nhs_evidence_get_note (g_ptr_array_index (nhs_figure_get_evidence (figure), 0)), ==,
                   "the second piece");

  save (f);
  g_assert_true (g_file_get_contents (f->path, &text, NULL, NULL));
  g_assert_nonnull (strstr (text, "\"note\": \"the second piece\""));
  /* the removal, then the citation */
  for (guint i = 0; i < 2; i++)
    {
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
      settle (f->window);
    }
  save (f);
  assert_file_is (f->path, f->original);
}

/* New, Duplicate and Delete Figure, from their shortcuts' actions */
static void
test_figure_actions (Fixture       *f,
                     gconstpointer  data)
{
  NhsFigureInspector *page = nhs_inspector_get_figure_page (f->inspector);
  GListModel *figures = nhs_dataset_get_figures (nhs_window_get_dataset (f->window));
  guint n = g_list_model_get_n_items (figures);
  NhsFigure *added, *copy;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-figure", NULL));
  settle (f->window);
  g_assert_cmpuint (g_list_model_get_n_items (figures), ==, n + 1);
  added = nhs_figure_inspector_get_figure (page);
  g_assert_nonnull (added);
  g_assert_cmpstr (nhs_figure_get_id (added), ==, "new-figure");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (nhs_figure_inspector_get_field_widget (page, NHS_FIGURE_FIELD_LABEL))),
                   ==, "New figure");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.duplicate-figure", NULL));
  settle (f->window);
  copy = nhs_figure_inspector_get_figure (page);
  g_assert_cmpstr (nhs_figure_get_id (copy), ==, "new-figure-copy");
  g_assert_cmpuint (g_list_model_get_n_items (figures), ==, n + 2);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.delete-figure", NULL));
  settle (f->window);
  g_assert_cmpuint (g_list_model_get_n_items (figures), ==, n + 1);
  g_assert_null (nhs_figure_inspector_get_figure (page));

  while (nhs_window_has_unsaved_changes (f->window))
    {
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
      settle (f->window);
    }
  g_assert_cmpuint (g_list_model_get_n_items (figures), ==, n);
  save (f);
  assert_file_is (f->path, f->original);
}

static NhsTextCell *
find_text_cell (GtkWidget *widget)
{
  if (NHS_IS_TEXT_CELL (widget))
    return NHS_TEXT_CELL (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      NhsTextCell *cell = find_text_cell (child);
      if (cell != NULL)
        return cell;
    }
  return NULL;
}

/* The Groups cell of the list's row whose title cell reads title */
static char *
groups_cell_text (NhsWindow  *window,
                  const char *title)
{
  GtkColumnView *view = nhs_event_list_get_column_view (nhs_window_get_event_list (window));
  GtkWidget *list_view = NULL;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (view)); child; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_VIEW (child))
      list_view = child;
  g_assert_nonnull (list_view);
  for (GtkWidget *row = gtk_widget_get_first_child (list_view); row; row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *cells[4] = { gtk_widget_get_first_child (row) };
      NhsTextCell *title_cell, *groups_cell;

      for (int i = 1; i < 4 && cells[i - 1]; i++)
        cells[i] = gtk_widget_get_next_sibling (cells[i - 1]);
      if (cells[3] == NULL || (title_cell = find_text_cell (cells[3])) == NULL ||
          g_strcmp0 (nhs_text_cell_get_text (title_cell), title) != 0)
        continue;
      groups_cell = find_text_cell (cells[1]);
      return groups_cell ? g_strdup (nhs_text_cell_get_text (groups_cell)) : NULL;
    }
  return NULL;
}

static const char *
toggle_text (NhsWindow  *window,
             const char *group_id)
{
  GtkToggleButton *toggle = nhs_event_list_get_group_toggle (nhs_window_get_event_list (window), group_id);
  GtkWidget *box = gtk_button_get_child (GTK_BUTTON (toggle));

  return gtk_label_get_label (GTK_LABEL (gtk_widget_get_last_child (box)));
}

/* A group renamed in the Groups & Sources page: the list's group button
 * and the chart (drawn again) use the new name; a colour the rules refuse
 * is said beside the field */
static void
test_group_rename (Fixture       *f,
                   gconstpointer  data)
{
  NhsCatalogInspector *page = nhs_inspector_get_catalog_page (f->inspector);
  NhsChartView *chart = nhs_window_get_chart_view (f->window);
  GtkWidget *short_name = nhs_catalog_inspector_get_group_widget (page, 0, NHS_GROUP_FIELD_SHORT_NAME);
  GtkWidget *color = nhs_catalog_inspector_get_group_widget (page, 0, NHS_GROUP_FIELD_COLOR);
  NhsChartModel *model_before = nhs_chart_view_get_model (chart);
  g_autofree char *summary = NULL, *text = NULL, *cell = NULL;

  nhs_inspector_show_page (f->inspector, "catalog");
  settle (f->window);
  g_assert_true (gtk_widget_get_mapped (short_name));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (short_name)), ==, "Residents");
  g_assert_cmpstr (toggle_text (f->window, "resident"), ==, "Residents");

  cell = groups_cell_text (f->window, "Five-day walkout");
  g_assert_cmpstr (cell, ==, "Residents");
  g_clear_pointer (&cell, g_free);
  type_into (f, short_name, "Juniors");
  g_assert_cmpstr (toggle_text (f->window, "resident"), ==, "Juniors");
  /* the rows shown take the new name too */
  cell = groups_cell_text (f->window, "Five-day walkout");
  g_assert_cmpstr (cell, ==, "Juniors");
  g_assert_true (nhs_chart_view_get_model (chart) != model_before);
  summary = nhs_chart_model_dup_summary (nhs_chart_view_get_model (chart));
  g_assert_nonnull (strstr (summary, "Juniors "));
  g_assert_null (strstr (summary, "Residents"));

  type_into (f, color, "blue");
  g_assert_cmpstr (nhs_catalog_inspector_get_group_message (page, 0, NHS_GROUP_FIELD_COLOR), ==,
                   "“blue” is not a colour of the form #rrggbb");
  type_into (f, color, "#33d17a");
  g_assert_null (nhs_catalog_inspector_get_group_message (page, 0, NHS_GROUP_FIELD_COLOR));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (nhs_event_list_get_group_toggle (nhs_window_get_event_list (f->window),
                                                                                        "resident")),
                                           "group-33d17a"));

  save (f);
  g_assert_true (g_file_get_contents (f->path, &text, NULL, NULL));
  g_assert_nonnull (strstr (text, "      \"short_name\": \"Juniors\",\n      \"color\": \"#33d17a\"\n"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  settle (f->window);
  g_assert_cmpstr (toggle_text (f->window, "resident"), ==, "Residents");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (short_name)), ==, "Residents");
  save (f);
  assert_file_is (f->path, f->original);
}

/* A source's date typed the way people write it; a kind chosen */
static void
test_source (Fixture       *f,
             gconstpointer  data)
{
  NhsCatalogInspector *page = nhs_inspector_get_catalog_page (f->inspector);
  NhsDataset *ds = nhs_window_get_dataset (f->window);
  g_autoptr(NhsSource) source = g_list_model_get_item (nhs_dataset_get_sources (ds), 0);
  GtkWidget *date = nhs_catalog_inspector_get_source_widget (page, NHS_SOURCE_FIELD_PUBLISHED);
  GtkWidget *kind = nhs_catalog_inspector_get_source_widget (page, NHS_SOURCE_FIELD_KIND);
  g_autofree char *published = NULL;

  nhs_inspector_show_page (f->inspector, "catalog");
  nhs_catalog_inspector_set_source (page, source);
  settle (f->window);
  type_into (f, date, "3 March 2024");
  g_assert_null (nhs_catalog_inspector_get_source_message (page, NHS_SOURCE_FIELD_PUBLISHED));
  published = g_date_time_format (nhs_source_get_published (source), "%Y-%m-%d");
  g_assert_cmpstr (published, ==, "2024-03-03");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (date)), ==, "2024-03-03");
  gtk_drop_down_set_selected (GTK_DROP_DOWN (kind), NHS_SOURCE_KIND_PARLIAMENT);
  settle (f->window);
  g_assert_cmpint (nhs_source_get_kind (source), ==, NHS_SOURCE_KIND_PARLIAMENT);

  while (nhs_window_has_unsaved_changes (f->window))
    {
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
      settle (f->window);
    }
  save (f);
  assert_file_is (f->path, f->original);
}

/* Delete Article: refused in plain words while something cites it; one
 * that nothing cites goes, and undo brings it back */
static void
test_delete_article (Fixture       *f,
                     gconstpointer  data)
{
  NhsCatalogInspector *page = nhs_inspector_get_catalog_page (f->inspector);
  NhsDocument *doc = nhs_window_get_document (f->window);
  NhsDataset *ds = nhs_window_get_dataset (f->window);
  GListModel *articles = nhs_dataset_get_articles (ds);
  g_autoptr(NhsArticle) cited = g_list_model_get_item (articles, 0);
  guint n = g_list_model_get_n_items (articles);
  g_autoptr(GError) error = NULL;
  const char *message;
  NhsArticle *added;

  nhs_inspector_show_page (f->inspector, "catalog");
  settle (f->window);
  g_assert_cmpuint (nhs_dataset_get_citations (ds, cited)->len, >, 0);
  message = nhs_catalog_inspector_delete_article (page, cited);
  g_assert_nonnull (message);
  g_assert_true (g_str_has_suffix (message, "; remove that evidence first") ||
                 g_str_has_suffix (message, "; remove their evidence first"));
  g_assert_cmpuint (g_list_model_get_n_items (articles), ==, n);
  g_assert_false (nhs_window_has_unsaved_changes (f->window));

  added = nhs_document_add_article (doc, "art-uncited", "Nobody cites this", NULL, NULL, NULL,
                                    "Talks resume on Monday.", &error);
  g_assert_no_error (error);
  settle (f->window);
  g_assert_cmpuint (g_list_model_get_n_items (articles), ==, n + 1);
  g_assert_null (nhs_catalog_inspector_delete_article (page, added));
  settle (f->window);
  g_assert_cmpuint (g_list_model_get_n_items (articles), ==, n);
  g_assert_null (nhs_dataset_lookup_article (ds, "art-uncited"));
  g_assert_cmpstr (nhs_document_get_undo_name (doc), ==, "Delete Article");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  settle (f->window);
  g_assert_true (nhs_dataset_lookup_article (ds, "art-uncited") == added);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  settle (f->window);
  save (f);
  assert_file_is (f->path, f->original);
}

/* A value typed but not entered is saved all the same, as an event's is */
static void
test_typed_then_saved (Fixture       *f,
                       gconstpointer  data)
{
  NhsFigureInspector *page = nhs_inspector_get_figure_page (f->inspector);
  NhsCatalogInspector *catalog = nhs_inspector_get_catalog_page (f->inspector);
  NhsDataset *ds = nhs_window_get_dataset (f->window);
  GtkWidget *value = nhs_figure_inspector_get_field_widget (page, NHS_FIGURE_FIELD_VALUE);
  GtkWidget *name = nhs_catalog_inspector_get_group_widget (catalog, 1, NHS_GROUP_FIELD_NAME);
  g_autofree char *saved = NULL, *saved_again = NULL;

  nhs_inspector_show_page (f->inspector, "figures");
  nhs_figure_inspector_set_figure (page, nhs_dataset_lookup_figure (ds, "claim-resident"));
  settle (f->window);
  g_assert_true (gtk_widget_grab_focus (value));
  gtk_editable_set_text (GTK_EDITABLE (value), "36");
  settle (f->window);
  g_assert_false (nhs_window_has_unsaved_changes (f->window));
  save (f);
  g_assert_true (g_file_get_contents (f->path, &saved, NULL, NULL));
  g_assert_nonnull (strstr (saved, "      \"value\": 36,\n"));

  nhs_inspector_show_page (f->inspector, "catalog");
  settle (f->window);
  g_assert_true (gtk_widget_grab_focus (name));
  gtk_editable_set_text (GTK_EDITABLE (name), "Consultant doctors");
  settle (f->window);
  save (f);
  g_assert_true (g_file_get_contents (f->path, &saved_again, NULL, NULL));
  g_assert_nonnull (strstr (saved_again, "\"name\": \"Consultant doctors\""));
}

int
main (int argc, char **argv)
{
  g_autofree char *cache = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  /* a cache folder of this run's own, for the recovery file */
  cache = test_make_tmpdir ();
  g_setenv ("XDG_CACHE_HOME", cache, TRUE);
  if (!test_ui_init ("/figure-inspector/no-display", FALSE))
    return g_test_run ();

  g_test_add ("/figure-inspector/figure-value", Fixture, NULL, fixture_set_up, test_figure_value, fixture_tear_down);
  g_test_add ("/figure-inspector/figure-evidence", Fixture, NULL, fixture_set_up, test_figure_evidence,
              fixture_tear_down);
  g_test_add ("/figure-inspector/figure-actions", Fixture, NULL, fixture_set_up, test_figure_actions, fixture_tear_down);
  g_test_add ("/figure-inspector/group-rename", Fixture, NULL, fixture_set_up, test_group_rename, fixture_tear_down);
  g_test_add ("/figure-inspector/source", Fixture, NULL, fixture_set_up, test_source, fixture_tear_down);
  g_test_add ("/figure-inspector/typed-then-saved", Fixture, NULL, fixture_set_up, test_typed_then_saved,
              fixture_tear_down);
  g_test_add ("/figure-inspector/delete-article", Fixture, NULL, fixture_set_up, test_delete_article,
              fixture_tear_down);
  status = g_test_run ();
  test_remove_tree (cache);
  return status;
}
