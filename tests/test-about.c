/* test-about.c: the About window says who, what version, and whose data
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gtk/gtk.h>

#include "nhs-about.h"
#include "nhs-dataset-loader.h"
#include "nhs-model.h"

/* Every label's text under @widget, one a line */
static void
collect_labels (GtkWidget *widget,
                GString   *out)
{
  if (GTK_IS_LABEL (widget))
    {
      /* lines joined with spaces: the credits wrap long titles */
      g_autofree char *text = g_strdup (gtk_label_get_text (GTK_LABEL (widget)));
      g_strdelimit (text, "\n", ' ');
      g_string_append (out, text);
      g_string_append_c (out, '\n');
    }
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    collect_labels (c, out);
}

static GtkStack *
find_stack (GtkWidget *widget)
{
  if (GTK_IS_STACK (widget))
    return GTK_STACK (widget);
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkStack *stack = find_stack (c);
      if (stack)
        return stack;
    }
  return NULL;
}

static void
test_about_facts (void)
{
  GtkWidget *about = nhs_about_new ();
  GtkAboutDialog *dialog = GTK_ABOUT_DIALOG (about);

  g_assert_cmpstr (gtk_about_dialog_get_version (dialog), ==, PACKAGE_VERSION);
  g_assert_cmpstr (gtk_about_dialog_get_version (dialog), ==, "0.1.0");
  g_assert_cmpint (gtk_about_dialog_get_license_type (dialog), ==, GTK_LICENSE_GPL_3_0);
  g_assert_cmpstr (gtk_about_dialog_get_program_name (dialog), ==, "NHS Dispute Explorer");
  g_assert_cmpstr (gtk_about_dialog_get_logo_icon_name (dialog), ==, APP_ID);
  g_assert_true (g_str_has_prefix (gtk_about_dialog_get_website (dialog), "https://"));
  g_assert_nonnull (strstr (gtk_about_dialog_get_comments (dialog), "cites its evidence"));
  g_assert_nonnull (gtk_about_dialog_get_authors (dialog));
  g_assert_nonnull (gtk_about_dialog_get_authors (dialog)[0]);
  gtk_window_destroy (GTK_WINDOW (about));
}

/* The credits name every bundled article and count the reference sources */
static void
test_about_data_credits (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NhsDataset) dataset = nhs_dataset_load_bundled (&error);
  GtkWidget *about = nhs_about_new ();
  g_autoptr(GString) text = g_string_new (NULL);
  GListModel *articles, *sources;
  guint n_news = 0;
  g_autofree char *news_line = NULL;
  const char *found;

  g_assert_no_error (error);
  /* what clicking Credits does; GTK fills the page then */
  gtk_stack_set_visible_child_name (find_stack (about), "credits");
  collect_labels (about, text);

  g_assert_nonnull (strstr (text->str, "News articles"));
  g_assert_nonnull (strstr (text->str, "Reference sources"));

  articles = nhs_dataset_get_articles (dataset);
  g_assert_cmpuint (g_list_model_get_n_items (articles), ==, 5);
  for (guint i = 0; i < g_list_model_get_n_items (articles); i++)
    {
      g_autoptr(NhsArticle) article = g_list_model_get_item (articles, i);
      g_assert_nonnull (strstr (text->str, nhs_article_get_title (article)));
    }
  /* one of them in full, with its publisher and date */
  g_assert_nonnull (strstr (text->str, "Consultants in England to be re-balloted over further strike action "
                                       "as SAS doctors are balloted too (The Independent, 6 November 2023)"));

  sources = nhs_dataset_get_sources (dataset);
  for (guint i = 0; i < g_list_model_get_n_items (sources); i++)
    {
      g_autoptr(NhsSource) source = g_list_model_get_item (sources, i);
      n_news += nhs_source_get_kind (source) == NHS_SOURCE_KIND_NEWS;
    }
  g_assert_cmpuint (n_news, >, 1);
  news_line = g_strdup_printf ("News and trade press: %u sources", n_news);
  found = strstr (text->str, news_line);
  g_assert_nonnull (found);
  g_assert_false (g_ascii_isdigit (found[strlen (news_line)]));

  gtk_window_destroy (GTK_WINDOW (about));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

  g_test_add_func ("/about/facts", test_about_facts);
  g_test_add_func ("/about/data-credits", test_about_data_credits);

  return g_test_run ();
}
