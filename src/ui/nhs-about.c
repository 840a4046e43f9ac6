/* nhs-about.c: the About window
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Where the data comes from is read from the bundled dataset itself, so
 * the credits cannot drift from what the app ships.
 */
#define G_LOG_DOMAIN "nhs-about"

#include "config.h"

#include <glib/gi18n.h>

#include "nhs-about.h"
#include "nhs-dataset.h"
#include "nhs-dataset-loader.h"
#include "nhs-model.h"

#define WEBSITE "https://example.org/nhs-dispute/"
/* The credits do not wrap by themselves, and headlines are long */
#define CREDIT_LINE_CHARS 52

static const char *
source_kind_to_label (NhsSourceKind kind)
{
  switch (kind)
    {
    case NHS_SOURCE_KIND_UNION:
      return _("Trade unions");
    case NHS_SOURCE_KIND_GOVERNMENT:
      return _("Government");
    case NHS_SOURCE_KIND_NHS:
      return _("NHS bodies");
    case NHS_SOURCE_KIND_NEWS:
      return _("News and trade press");
    case NHS_SOURCE_KIND_OFFICIAL_STATISTICS:
      return _("Official statistics");
    case NHS_SOURCE_KIND_PARLIAMENT:
      return _("Parliament");
    case NHS_SOURCE_KIND_OTHER:
    default:
      return _("Other sources");
    }
}

/* Breaks @text at spaces into lines of at most @width characters (a
 * longer word stays whole) */
static char *
wrap_words (const char *text,
            guint       width)
{
  g_auto(GStrv) words = g_strsplit (text, " ", -1);
  GString *out = g_string_new (NULL);
  guint line = 0;

  for (guint i = 0; words[i]; i++)
    {
      guint len = g_utf8_strlen (words[i], -1);

      if (len == 0)
        continue;
      if (line > 0 && line + 1 + len > width)
        {
          g_string_append_c (out, '\n');
          line = 0;
        }
      else if (line > 0)
        {
          g_string_append_c (out, ' ');
          line++;
        }
      g_string_append (out, words[i]);
      line += len;
    }
  return g_string_free (out, FALSE);
}

/* "Title (Publisher, 25 January 2024)", wrapped, one entry per article */
static GStrv
describe_articles (NhsDataset *dataset)
{
  GListModel *articles = nhs_dataset_get_articles (dataset);
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < g_list_model_get_n_items (articles); i++)
    {
      g_autoptr(NhsArticle) article = g_list_model_get_item (articles, i);
      const char *publisher = nhs_article_get_publisher (article);
      GDateTime *published = nhs_article_get_published (article);
      /* Translators: an article's date in the About window's credits */
      g_autofree char *date = published ? g_date_time_format (published, _("%-d %B %Y")) : NULL;
      g_autofree char *when = NULL;
      g_autofree char *entry = NULL;

      if (publisher && date)
        /* Translators: publisher and date of a news article */
        when = g_strdup_printf (_("%s, %s"), publisher, date);
      else
        when = g_strdup (publisher ? publisher : date);

      if (when)
        /* Translators: an article's title, then its publisher and date */
        entry = g_strdup_printf (_("%s (%s)"), nhs_article_get_title (article), when);
      else
        entry = g_strdup (nhs_article_get_title (article));
      g_ptr_array_add (lines, wrap_words (entry, CREDIT_LINE_CHARS));
    }
  g_ptr_array_add (lines, NULL);
  return (GStrv) g_ptr_array_steal (lines, NULL);
}

/* "NHS bodies: 18 sources", one line per kind of source */
static GStrv
describe_sources (NhsDataset *dataset)
{
  GListModel *sources = nhs_dataset_get_sources (dataset);
  guint counts[NHS_SOURCE_KIND_OTHER + 1] = { 0 };
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < g_list_model_get_n_items (sources); i++)
    {
      g_autoptr(NhsSource) source = g_list_model_get_item (sources, i);
      NhsSourceKind kind = nhs_source_get_kind (source);

      counts[MIN (kind, NHS_SOURCE_KIND_OTHER)]++;
    }

  for (guint kind = 0; kind <= NHS_SOURCE_KIND_OTHER; kind++)
    if (counts[kind] > 0)
      /* Translators: a kind of source and how many the data cites */
      g_ptr_array_add (lines, g_strdup_printf (ngettext ("%s: %u source", "%s: %u sources", counts[kind]),
                                                   source_kind_to_label (kind), counts[kind]));
  g_ptr_array_add (lines, NULL);
  return (GStrv) g_ptr_array_steal (lines, NULL);
}

static void
add_data_credits (GtkAboutDialog *about)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NhsDataset) dataset = nhs_dataset_load_bundled (&error);
  g_auto(GStrv) articles = NULL;
  g_auto(GStrv) sources = NULL;

  if (dataset == NULL)
    {
      g_warning ("Cannot describe the bundled data: %s", error->message);
      return;
    }

  articles = describe_articles (dataset);
  sources = describe_sources (dataset);
  if (articles[0] != NULL)
    gtk_about_dialog_add_credit_section (about, _("News articles"),
                                         (const char **) articles);
  if (sources[0] != NULL)
    gtk_about_dialog_add_credit_section (about, _("Reference sources"),
                                         (const char **) sources);
}

GtkWidget *
nhs_about_new (void)
{
  /* the address after the name makes it a link */
  g_autofree char *author = g_strdup_printf ("%s %s", _("The NHS Dispute Explorer authors"), WEBSITE);
  const char *authors[] = { author, NULL };
  GtkAboutDialog *about;

  about = g_object_new (GTK_TYPE_ABOUT_DIALOG,
                        "program-name", _("NHS Dispute Explorer"),
                        "logo-icon-name", APP_ID,
                        "version", PACKAGE_VERSION,
                        "comments", _("Strike days, pay figures and the evidence behind them in the "
                                      "English NHS doctors’ pay dispute.\n\n"
                                      "The bundled data comes from news articles, quoted word for word, "
                                      "and from a compilation of sourced reference facts; every event "
                                      "and figure in it cites its evidence. Credits lists them."),
                        "website", WEBSITE,
                        "website-label", _("Website"),
                        "copyright", _("© 2026 The NHS Dispute Explorer authors"),
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "authors", authors,
                        /* Translators: your names, one a line, to credit you in the About window */
                        "translator-credits", _("translator-credits"),
                        NULL);
  add_data_credits (about);
  return GTK_WIDGET (about);
}

void
nhs_about_present (GtkWindow *parent)
{
  GtkWidget *about = nhs_about_new ();

  gtk_window_set_modal (GTK_WINDOW (about), TRUE);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (about), TRUE);
  if (parent != NULL)
    gtk_window_set_transient_for (GTK_WINDOW (about), parent);
  gtk_window_present (GTK_WINDOW (about));
}
