/* nhs-document-import.c: an imported article and its candidates into a document
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The glue between the article import (nhs-article-import, nhs-extract) and
 * the editable document: each thing a person accepts is one undoable step,
 * checked by the loader's rules through NhsDocument's public API, and its
 * evidence is the candidate's quote, word for word.
 */
#define G_LOG_DOMAIN "nhs-document-import"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "nhs-document-import.h"
#include "nhs-enums.h"
#include "nhs-json-tree.h"

G_DEFINE_QUARK (nhs-document-import-error-quark, nhs_document_import_error)

/* Auxiliary functions */

/* Lower-case ASCII words joined by "-", at most max_words of them */
static void
append_slug (GString    *out,
             const char *text,
             guint       max_words)
{
  guint words = 0;
  gboolean in_word = FALSE;

  for (const char *p = text ? text : ""; *p && words <= max_words; p++)
    {
      if (g_ascii_isalnum (*p))
        {
          if (!in_word)
            {
              if (++words > max_words)
                break;
              if (out->len > 0 && out->str[out->len - 1] != '-')
                g_string_append_c (out, '-');
            }
          g_string_append_c (out, g_ascii_tolower (*p));
          in_word = TRUE;
        }
      else if (*p == '\'' || (guchar) *p >= 0x80)
        continue;             /* "doctors'" and "’" join their word */
      else
        in_word = FALSE;
    }
}

static char *
unused_id (gboolean  (*taken) (NhsDataset *, const char *),
           NhsDataset *dataset,
           const char *base)
{
  char *id = g_strdup (base);

  for (guint n = 2; taken (dataset, id); n++)
    {
      g_free (id);
      id = g_strdup_printf ("%s-%u", base, n);
    }
  return id;
}

static gboolean
article_taken (NhsDataset *dataset,
               const char *id)
{
  return nhs_dataset_lookup_article (dataset, id) != NULL;
}

static gboolean
event_taken (NhsDataset *dataset,
             const char *id)
{
  return nhs_dataset_lookup_event (dataset, id) != NULL;
}

static gboolean
event_cites (NhsEvent   *event,
             NhsArticle *article,
             const char *quote)
{
  GPtrArray *evidence = nhs_event_get_evidence (event);

  for (guint i = 0; evidence && i < evidence->len; i++)
    {
      NhsEvidence *ev = g_ptr_array_index (evidence, i);

      if (nhs_evidence_get_article (ev) == article && g_strcmp0 (nhs_evidence_get_quote (ev), quote) == 0)
        return TRUE;
    }
  return FALSE;
}

static NhsJsonItem *
event_object_for (NhsDataset         *dataset,
                  NhsArticle         *article,
                  const NhsCandidate *candidate)
{
  const char *kind = nhs_enum_to_nick (NHS_TYPE_EVENT_KIND, candidate->kind);
  g_autoptr(GString) base = g_string_new (NULL);
  g_autofree char *id = NULL;
  NhsJsonItem *object = nhs_json_item_new_object ();
  NhsJsonItem *evidence = nhs_json_item_new_array ();
  NhsJsonItem *citation = nhs_json_item_new_object ();

  g_string_append (base, kind);
  if (candidate->groups != NULL && candidate->groups[0] != NULL)
    g_string_append_printf (base, "-%s", candidate->groups[0]);
  /* the day it starts, without the time: "strike-resident-2026-03-03" */
  g_string_append_c (base, '-');
  g_string_append_len (base, candidate->start, strcspn (candidate->start, "T"));
  id = unused_id (event_taken, dataset, base->str);

  nhs_json_object_replace (object, "id", nhs_json_item_new_string (id), NULL);
  nhs_json_object_replace (object, "kind", nhs_json_item_new_string (kind), NULL);
  nhs_json_object_replace (object, "groups",
                           nhs_json_item_new_strv ((const char * const *) (candidate->groups
                                                                           ? candidate->groups
                                                                           : (char *[]) { NULL })),
                           NULL);
  nhs_json_object_replace (object, "start", nhs_json_item_new_string (candidate->start), NULL);
  if (candidate->end != NULL)
    nhs_json_object_replace (object, "end", nhs_json_item_new_string (candidate->end), NULL);
  nhs_json_object_replace (object, "title",
                           nhs_json_item_new_string (candidate->title && *candidate->title
                                                     ? candidate->title
                                                     : nhs_event_kind_to_label (candidate->kind)),
                           NULL);
  nhs_json_object_replace (citation, "article", nhs_json_item_new_string (nhs_article_get_id (article)), NULL);
  nhs_json_object_replace (citation, "quote", nhs_json_item_new_string (candidate->quote), NULL);
  nhs_json_array_insert (evidence, 0, citation);
  nhs_json_object_replace (object, "evidence", evidence, NULL);
  return object;
}

static gboolean
figure_taken (NhsDataset *dataset,
              const char *id)
{
  return nhs_dataset_lookup_figure (dataset, id) != NULL;
}

static gboolean
figure_cites (NhsFigure  *figure,
              NhsArticle *article,
              const char *quote)
{
  GPtrArray *evidence = nhs_figure_get_evidence (figure);

  for (guint i = 0; evidence && i < evidence->len; i++)
    {
      NhsEvidence *ev = g_ptr_array_index (evidence, i);

      if (nhs_evidence_get_article (ev) == article && g_strcmp0 (nhs_evidence_get_quote (ev), quote) == 0)
        return TRUE;
    }
  return FALSE;
}

/* The sentence's first words: a label to tell the figure by, never a quote
 * (the evidence holds the sentence whole) */
static char *
label_from (const char *sentence)
{
  const guint max_words = 12;
  g_auto(GStrv) words = g_strsplit_set (sentence, " \t\r\n", -1);
  g_autoptr(GString) label = g_string_new (NULL);
  guint n = 0;

  for (guint i = 0; words[i] != NULL; i++)
    {
      if (*words[i] == '\0')
        continue;
      if (n++ == max_words)
        {
          g_string_append (label, "…");
          break;
        }
      if (label->len > 0)
        g_string_append_c (label, ' ');
      g_string_append (label, words[i]);
    }
  return g_string_free (g_steal_pointer (&label), FALSE);
}

static NhsJsonItem *
figure_object_for (NhsDataset         *dataset,
                   NhsArticle         *article,
                   const NhsCandidate *candidate,
                   const char         *date)
{
  const char *metric = nhs_enum_to_nick (NHS_TYPE_FIGURE_METRIC, candidate->metric);
  const char *unit = nhs_enum_to_nick (NHS_TYPE_FIGURE_UNIT, candidate->unit);
  g_autoptr(GString) base = g_string_new ("fig-");
  g_autofree char *id = NULL, *label = NULL;
  NhsJsonItem *object = nhs_json_item_new_object ();
  NhsJsonItem *evidence = nhs_json_item_new_array ();
  NhsJsonItem *citation = nhs_json_item_new_object ();
  double value = candidate->value;

  /* as the dataset's own: "fig-pay-offer-resident-2026-03-03" */
  g_string_append (base, metric);
  if (candidate->group != NULL)
    g_string_append_printf (base, "-%s", candidate->group);
  g_string_append_printf (base, "-%s", date);
  id = unused_id (figure_taken, dataset, base->str);
  label = label_from (candidate->quote);

  nhs_json_object_replace (object, "id", nhs_json_item_new_string (id), NULL);
  nhs_json_object_replace (object, "metric", nhs_json_item_new_string (metric), NULL);
  if (candidate->group != NULL)
    nhs_json_object_replace (object, "group", nhs_json_item_new_string (candidate->group), NULL);
  nhs_json_object_replace (object, "date", nhs_json_item_new_string (date), NULL);
  /* "1.3 million" stays a whole number in the file */
  if (value == (double) (gint64) value && fabs (value) < 1e15)
    nhs_json_object_replace (object, "value", nhs_json_item_new_int ((gint64) value), NULL);
  else
    nhs_json_object_replace (object, "value", nhs_json_item_new_double (value), NULL);
  nhs_json_object_replace (object, "unit", nhs_json_item_new_string (unit), NULL);
  if (candidate->claimant != NULL)
    nhs_json_object_replace (object, "claimant", nhs_json_item_new_string (candidate->claimant), NULL);
  nhs_json_object_replace (object, "label", nhs_json_item_new_string (label), NULL);
  nhs_json_object_replace (citation, "article", nhs_json_item_new_string (nhs_article_get_id (article)), NULL);
  nhs_json_object_replace (citation, "quote", nhs_json_item_new_string (candidate->quote), NULL);
  nhs_json_array_insert (evidence, 0, citation);
  nhs_json_object_replace (object, "evidence", evidence, NULL);
  return object;
}

/* Public API */

NhsArticle *
nhs_document_find_article (NhsDataset *dataset,
                           const char *url,
                           const char *body)
{
  NhsImportedArticle probe = { .url = (char *) url, .body = (char *) body };

  g_return_val_if_fail (NHS_IS_DATASET (dataset), NULL);

  /* the import's own rule, so that the form and the document agree */
  return nhs_imported_article_find_in (&probe, dataset);
}

char *
nhs_document_make_article_id (NhsDataset *dataset,
                              const char *title,
                              const char *published)
{
  g_autoptr(GString) base = g_string_new ("art");

  g_return_val_if_fail (NHS_IS_DATASET (dataset), NULL);

  if (published != NULL && *published != '\0')
    g_string_append_printf (base, "-%s", published);
  append_slug (base, title, 5);
  if (strcmp (base->str, "art") == 0)
    g_string_append (base, "-article");
  return unused_id (article_taken, dataset, base->str);
}

NhsArticle *
nhs_document_import_article (NhsDocument              *self,
                             const NhsImportedArticle *imported,
                             GError                  **error)
{
  NhsDataset *dataset;
  NhsArticle *present;
  g_autofree char *id = NULL;

  g_return_val_if_fail (NHS_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (imported != NULL, NULL);

  dataset = nhs_document_get_dataset (self);
  if (imported->title == NULL || *imported->title == '\0')
    {
      g_set_error (error, NHS_DOCUMENT_IMPORT_ERROR, NHS_DOCUMENT_IMPORT_ERROR_INCOMPLETE,
                   _("The article needs a title"));
      return NULL;
    }
  if (imported->body == NULL || imported->body[strspn (imported->body, " \t\r\n")] == '\0')
    {
      g_set_error (error, NHS_DOCUMENT_IMPORT_ERROR, NHS_DOCUMENT_IMPORT_ERROR_INCOMPLETE,
                   _("The article has no text"));
      return NULL;
    }
  present = nhs_document_find_article (dataset, imported->url, imported->body);
  if (present != NULL)
    {
      g_set_error (error, NHS_DOCUMENT_IMPORT_ERROR, NHS_DOCUMENT_IMPORT_ERROR_ALREADY_THERE,
                   _("This article is in the dataset already, as “%s”"), nhs_article_get_title (present));
      return NULL;
    }

  id = nhs_document_make_article_id (dataset, imported->title, imported->published);
  return nhs_document_add_article (self, id, imported->title, imported->publisher, imported->published,
                                   imported->url, imported->body, error);
}

NhsEvent *
nhs_document_accept_candidate (NhsDocument        *self,
                               NhsArticle         *article,
                               const NhsCandidate *candidate,
                               GError            **error)
{
  NhsDataset *dataset;
  g_autoptr(NhsJsonItem) object = NULL;
  NhsEvent *present;

  g_return_val_if_fail (NHS_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (NHS_IS_ARTICLE (article), NULL);
  g_return_val_if_fail (candidate != NULL && candidate->quote != NULL, NULL);

  if (candidate->type != NHS_CANDIDATE_EVENT)
    {
      g_set_error (error, NHS_DOCUMENT_IMPORT_ERROR, NHS_DOCUMENT_IMPORT_ERROR_NOT_SUPPORTED,
                   _("This is a figure, not an event; accept it as a figure"));
      return NULL;
    }

  dataset = nhs_document_get_dataset (self);
  present = candidate->matches ? nhs_dataset_lookup_event (dataset, candidate->matches) : NULL;
  if (present != NULL)
    {
      if (event_cites (present, article, candidate->quote))
        {
          g_set_error (error, NHS_DOCUMENT_IMPORT_ERROR, NHS_DOCUMENT_IMPORT_ERROR_ALREADY_CITED,
                       _("“%s” cites this sentence already"), nhs_event_get_title (present));
          return NULL;
        }
      return nhs_document_cite_article (self, present, article, candidate->quote, error) ? present : NULL;
    }

  if (candidate->start == NULL)
    {
      g_set_error (error, NHS_DOCUMENT_IMPORT_ERROR, NHS_DOCUMENT_IMPORT_ERROR_INCOMPLETE,
                   _("The sentence gives no date for the event"));
      return NULL;
    }
  object = event_object_for (dataset, article, candidate);
  return nhs_document_add_event_object (self, object, _("Add Event from Article"), error);
}

NhsFigure *
nhs_document_accept_figure_candidate (NhsDocument        *self,
                                      NhsArticle         *article,
                                      const NhsCandidate *candidate,
                                      GError            **error)
{
  NhsDataset *dataset;
  NhsFigure *present;
  GDateTime *published;
  g_autofree char *date = NULL;
  g_autoptr(NhsJsonItem) object = NULL;

  g_return_val_if_fail (NHS_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (NHS_IS_ARTICLE (article), NULL);
  g_return_val_if_fail (candidate != NULL && candidate->quote != NULL, NULL);

  if (candidate->type != NHS_CANDIDATE_FIGURE)
    {
      g_set_error (error, NHS_DOCUMENT_IMPORT_ERROR, NHS_DOCUMENT_IMPORT_ERROR_NOT_SUPPORTED,
                   _("This is an event, not a figure; accept it as an event"));
      return NULL;
    }

  dataset = nhs_document_get_dataset (self);
  present = candidate->matches ? nhs_dataset_lookup_figure (dataset, candidate->matches) : NULL;
  if (present != NULL)
    {
      if (figure_cites (present, article, candidate->quote))
        {
          g_set_error (error, NHS_DOCUMENT_IMPORT_ERROR, NHS_DOCUMENT_IMPORT_ERROR_ALREADY_CITED,
                       _("The figure “%s” cites this sentence already"), nhs_figure_get_label (present)
                       ? nhs_figure_get_label (present) : nhs_figure_get_id (present));
          return NULL;
        }
      return nhs_document_cite_article_for_figure (self, present, article, candidate->quote, error)
             ? present : NULL;
    }

  /* a figure is as of the day the article gave it */
  published = nhs_article_get_published (article);
  if (published == NULL)
    {
      g_set_error (error, NHS_DOCUMENT_IMPORT_ERROR, NHS_DOCUMENT_IMPORT_ERROR_INCOMPLETE,
                   _("The article has no publication date to date the figure by"));
      return NULL;
    }
  date = g_date_time_format (published, "%Y-%m-%d");
  object = figure_object_for (dataset, article, candidate, date);
  return nhs_document_add_figure_object (self, object, _("Add Figure from Article"), error);
}

NhsEvent *
nhs_document_new_event_from_quote (NhsDocument *self,
                                   NhsArticle  *article,
                                   const char  *quote,
                                   GError     **error)
{
  NhsDataset *dataset;
  GDateTime *published;
  g_autofree char *day = NULL, *start = NULL, *end = NULL, *title = NULL;
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(NhsJsonItem) object = NULL;
  const NhsCandidate *event = NULL;
  NhsCandidate made = { 0 };
  const char *body, *at;
  char *first_group[2] = { NULL, NULL };
  g_autoptr(NhsGroup) group = NULL;

  g_return_val_if_fail (NHS_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (NHS_IS_ARTICLE (article), NULL);
  g_return_val_if_fail (quote != NULL, NULL);

  dataset = nhs_document_get_dataset (self);
  published = nhs_article_get_published (article);
  day = published ? g_date_time_format (published, "%Y-%m-%d") : NULL;
  /* The article's text, not the words alone: the extractor takes the
   * groups from the sentences around ("Thousands of medics will strike…"
   * after "resident doctors" were named). No dataset: a match with an
   * event there would make it more evidence for that event, and this is
   * to be a new one. */
  body = nhs_article_get_body (article);
  at = body ? strstr (body, quote) : NULL;
  if (at != NULL && *quote != '\0')
    {
      gsize qs = at - body, qe = qs + strlen (quote);

      found = nhs_extract (body, -1, day, NULL);
      for (guint i = 0; i < found->len && event == NULL; i++)
        {
          const NhsCandidate *c = g_ptr_array_index (found, i);

          if (c->type == NHS_CANDIDATE_EVENT && c->start != NULL && c->quote_start < qe && c->quote_end > qs)
            event = c;
        }
    }

  if (event != NULL)
    made = *event;
  else
    {
      gboolean resolved;

      made.type = NHS_CANDIDATE_EVENT;
      made.kind = NHS_EVENT_KIND_OTHER;
      group = g_list_model_get_item (nhs_dataset_get_groups (dataset), 0);
      if (group != NULL)
        {
          first_group[0] = (char *) nhs_group_get_id (group);
          made.groups = first_group;
        }
      if (nhs_extract_parse_date (quote, day, &start, &end, &resolved))
        {
          made.start = start;
          made.end = end;
        }
      else if (day != NULL)
        made.start = day;
      else
        {
          g_set_error (error, NHS_DOCUMENT_IMPORT_ERROR, NHS_DOCUMENT_IMPORT_ERROR_INCOMPLETE,
                       _("The selection gives no date and the article has none to date the event by"));
          return NULL;
        }
      made.title = title = label_from (quote);
    }
  /* the words as selected, not the sentence the extractor cut from them */
  made.quote = (char *) quote;
  object = event_object_for (dataset, article, &made);
  return nhs_document_add_event_object (self, object, _("New Event from Selection"), error);
}
