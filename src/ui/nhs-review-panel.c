/* nhs-review-panel.c: what was found in a new article, to accept or reject
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Beside the reader: the candidates nhs_extract() finds in the article,
 * each with its sentence highlighted in the reader's text. Accepting one
 * is one undoable step of the document (nhs-document-import); rejecting
 * one only takes it off the list. After every step the article is read
 * again against the changed dataset, so a second sentence about an event
 * just added is offered as more evidence for it, not as a new event.
 */
#define G_LOG_DOMAIN "nhs-review-panel"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "nhs-article-reader-private.h"
#include "nhs-document-import.h"
#include "nhs-extract.h"
#include "nhs-focus.h"
#include "nhs-review-panel.h"

typedef struct
{
  NhsCandidate *candidate;
  char *key;
  char *description;
  int start;                  /* characters into the article's body */
  int end;
  GtkWidget *row;
} Pending;

struct _NhsReviewPanel
{
  GtkWidget parent_instance;

  /* template widgets */
  GtkWidget *box;
  GtkLabel *count_label;
  GtkLabel *problem_label;
  GtkStack *stack;
  GtkListBox *candidate_list;
  GtkLabel *done_label;

  /* owned: the reader is a sibling, which a window may dispose first */
  NhsArticleReader *reader;
  GtkTextBuffer *buffer;
  GSignalGroup *buffer_signals;
  GtkTextTag *candidate_tag;    /* the buffer's */
  GtkTextTag *current_tag;
  NhsDocument *document;
  GSignalGroup *document_signals;
  GSignalGroup *articles_signals; /* the document's dataset's articles */
  NhsArticle *article;
  GPtrArray *pending;         /* Pending */
  GHashTable *settled;        /* keys of candidates accepted or rejected */
  guint n_accepted;
  guint highlight_id;
};

G_DEFINE_FINAL_TYPE (NhsReviewPanel, nhs_review_panel, GTK_TYPE_WIDGET)

enum {
  SIGNAL_ITEM_ACCEPTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Auxiliary functions */

static void
pending_free (gpointer data)
{
  Pending *p = data;

  nhs_candidate_free (p->candidate);
  g_free (p->key);
  g_free (p->description);
  g_free (p);
}

/* What stays the same about a candidate when the article is read again */
static char *
candidate_key (const NhsCandidate *c)
{
  return g_strdup_printf ("%d:%" G_GSIZE_FORMAT ":%" G_GSIZE_FORMAT ":%d:%d:%s:%g",
                          c->type, c->quote_start, c->quote_end, c->kind, c->metric,
                          c->start ? c->start : "", c->value);
}

/* "3 Mar 2026, 07:00" from a dataset date or date-time */
static char *
format_when (const char *when)
{
  g_autoptr(GDateTime) dt = NULL;
  int year, month, day, hour = 0, minute = 0;
  int n = sscanf (when, "%d-%d-%dT%d:%d", &year, &month, &day, &hour, &minute);

  if (n >= 3)
    dt = g_date_time_new_utc (year, month, day, hour, minute, 0);
  if (dt == NULL)
    return g_strdup (when);
  /* Translators: a day and a time, as strftime formats them */
  return g_date_time_format (dt, n == 5 ? _("%-d %b %Y, %H:%M") : _("%-d %b %Y"));
}

static char *
format_figure_value (const NhsCandidate *c)
{
  switch (c->unit)
    {
    case NHS_FIGURE_UNIT_PERCENT:
      return g_strdup_printf ("%g%%", c->value);
    case NHS_FIGURE_UNIT_GBP:
      return g_strdup_printf ("£%'.0f", c->value);
    case NHS_FIGURE_UNIT_DAYS:
      /* Translators: a number of days */
      return g_strdup_printf (ngettext ("%g day", "%g days", c->value == 1 ? 1 : 2), c->value);
    case NHS_FIGURE_UNIT_COUNT:
    default:
      return g_strdup_printf ("%'.0f", c->value);
    }
}

static char *
describe_candidate (NhsReviewPanel     *self,
                    const NhsCandidate *c)
{
  NhsDataset *ds = nhs_document_get_dataset (self->document);
  g_autoptr(GString) out = g_string_new (NULL);

  if (c->type == NHS_CANDIDATE_EVENT)
    {
      g_string_append (out, nhs_event_kind_to_label (c->kind));
      for (guint i = 0; c->groups && c->groups[i]; i++)
        {
          NhsGroup *group = nhs_dataset_lookup_group (ds, c->groups[i]);
          g_string_append (out, i == 0 ? " · " : ", ");
          g_string_append (out, group ? nhs_group_get_name (group) : c->groups[i]);
        }
    }
  else
    {
      g_autofree char *value = format_figure_value (c);
      g_string_append_printf (out, "%s · %s", nhs_figure_metric_to_label (c->metric), value);
      if (c->group != NULL)
        {
          NhsGroup *group = nhs_dataset_lookup_group (ds, c->group);
          g_string_append_printf (out, " · %s", group ? nhs_group_get_name (group) : c->group);
        }
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* The dates, what it matches, how sure the finding is */
static char *
detail_candidate (NhsReviewPanel     *self,
                  const NhsCandidate *c)
{
  NhsDataset *ds = nhs_document_get_dataset (self->document);
  g_autoptr(GString) out = g_string_new (NULL);

  if (c->type == NHS_CANDIDATE_EVENT && c->start != NULL)
    {
      g_autofree char *start = format_when (c->start);
      g_autofree char *end = c->end ? format_when (c->end) : NULL;

      /* Translators: a range of dates */
      if (end != NULL)
        g_string_append_printf (out, _("%s to %s"), start, end);
      else
        g_string_append (out, start);
      if (c->resolved)
        /* Translators: the year or the day was worked out from the publication date */
        g_string_append (out, _(" (worked out from the publication date)"));
      g_string_append_c (out, '\n');
    }
  if (c->matches != NULL)
    {
      NhsEvent *event = nhs_dataset_lookup_event (ds, c->matches);
      NhsFigure *figure = event ? NULL : nhs_dataset_lookup_figure (ds, c->matches);
      const char *name = event ? nhs_event_get_title (event)
                         : figure && nhs_figure_get_label (figure) ? nhs_figure_get_label (figure)
                         : c->matches;

      /* Translators: the candidate is more evidence for an item already in the dataset */
      g_string_append_printf (out, _("More evidence for “%s”"), name);
      g_string_append_c (out, '\n');
    }
  else if (c->type == NHS_CANDIDATE_FIGURE)
    {
      /* the one thing the sentence does not give: say where it comes from */
      g_string_append (out, _("A new figure, dated by the article’s publication date"));
      g_string_append_c (out, '\n');
    }
  /* Translators: how sure the finding is, in per cent */
  g_string_append_printf (out, _("Confidence %d%%"), (int) (c->confidence * 100 + 0.5));
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void accept_clicked_cb (NhsReviewPanel *self, GtkButton *button);
static void edit_clicked_cb (NhsReviewPanel *self, GtkButton *button);
static void reject_clicked_cb (NhsReviewPanel *self, GtkButton *button);

static GtkWidget *
row_button (NhsReviewPanel *self,
            const char     *label,
            const char     *tooltip,
            const char     *description,
            GCallback       callback,
            Pending        *p)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);
  /* Translators: an action on a candidate, then what the candidate is:
   * "Accept: Strike · Resident doctors" */
  g_autofree char *name = g_strdup_printf (_("%s: %s"), tooltip, description);

  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  g_object_set_data (G_OBJECT (button), "nhs-pending", p);
  g_signal_connect_object (button, "clicked", callback, self, G_CONNECT_SWAPPED);
  return button;
}

static GtkWidget *
make_row (NhsReviewPanel *self,
          Pending        *p)
{
  const NhsCandidate *c = p->candidate;
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *title = gtk_label_new (p->description);
  g_autofree char *detail_text = detail_candidate (self, c);
  GtkWidget *detail = gtk_label_new (detail_text);
  GtkWidget *quote = gtk_label_new (c->quote);
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *accept, *edit, *reject;
  gboolean is_event = c->type == NHS_CANDIDATE_EVENT;

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 10);
  gtk_widget_set_margin_bottom (box, 10);
  for (GtkWidget *l = title; l != NULL; l = l == title ? detail : l == detail ? quote : NULL)
    {
      gtk_label_set_xalign (GTK_LABEL (l), 0);
      gtk_label_set_wrap (GTK_LABEL (l), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (l), PANGO_WRAP_WORD_CHAR);
      gtk_box_append (GTK_BOX (box), l);
    }
  gtk_widget_add_css_class (title, "heading");
  gtk_widget_add_css_class (detail, "caption");
  gtk_widget_add_css_class (detail, "dim-label");
  gtk_label_set_lines (GTK_LABEL (quote), 4);
  gtk_label_set_ellipsize (GTK_LABEL (quote), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (quote, "review-quote");

  accept = row_button (self, _("_Accept"), _("Accept"), p->description, G_CALLBACK (accept_clicked_cb), p);
  edit = row_button (self, _("_Edit…"), _("Accept, then edit in the inspector"), p->description,
                     G_CALLBACK (edit_clicked_cb), p);
  reject = row_button (self, _("_Reject"), _("Reject"), p->description, G_CALLBACK (reject_clicked_cb), p);
  gtk_widget_add_css_class (accept, "suggested-action");
  if (!is_event)
    {
      /* Translators: the tooltip of a figure's Edit… button, which is off */
      const char *why = _("The inspector edits events only: accept the figure as it is, or reject it");

      gtk_widget_set_sensitive (edit, FALSE);
      gtk_widget_set_tooltip_text (edit, why);
      gtk_accessible_update_property (GTK_ACCESSIBLE (edit), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, why, -1);
    }
  gtk_widget_set_margin_top (buttons, 4);
  gtk_box_append (GTK_BOX (buttons), accept);
  gtk_box_append (GTK_BOX (buttons), edit);
  gtk_box_append (GTK_BOX (buttons), reject);
  gtk_box_append (GTK_BOX (box), buttons);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, p->description,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, c->quote, -1);
  g_object_set_data (G_OBJECT (row), "nhs-pending", p);
  p->row = row;
  return row;
}

static Pending *
selected_pending (NhsReviewPanel *self)
{
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->candidate_list);

  return row ? g_object_get_data (G_OBJECT (row), "nhs-pending") : NULL;
}

static gboolean
reader_shows_article (NhsReviewPanel *self)
{
  return self->reader != NULL && self->article != NULL &&
         nhs_article_reader_get_article (self->reader) == self->article;
}

static void
highlight (NhsReviewPanel *self)
{
  GtkTextIter start, end;
  int body;
  Pending *current;

  if (self->buffer == NULL)
    return;
  gtk_text_buffer_get_bounds (self->buffer, &start, &end);
  gtk_text_buffer_remove_tag (self->buffer, self->candidate_tag, &start, &end);
  gtk_text_buffer_remove_tag (self->buffer, self->current_tag, &start, &end);
  if (!reader_shows_article (self))
    return;

  body = nhs_article_reader_get_body_offset (self->reader);
  for (guint i = 0; i < self->pending->len; i++)
    {
      Pending *p = g_ptr_array_index (self->pending, i);

      gtk_text_buffer_get_iter_at_offset (self->buffer, &start, body + p->start);
      gtk_text_buffer_get_iter_at_offset (self->buffer, &end, body + p->end);
      gtk_text_buffer_apply_tag (self->buffer, self->candidate_tag, &start, &end);
    }
  if ((current = selected_pending (self)) != NULL)
    {
      gtk_text_buffer_get_iter_at_offset (self->buffer, &start, body + current->start);
      gtk_text_buffer_get_iter_at_offset (self->buffer, &end, body + current->end);
      gtk_text_buffer_apply_tag (self->buffer, self->current_tag, &start, &end);
    }
}

static gboolean
highlight_idle_cb (gpointer data)
{
  NhsReviewPanel *self = data;

  self->highlight_id = 0;
  highlight (self);
  return G_SOURCE_REMOVE;
}

static void
update_count (NhsReviewPanel *self)
{
  /* Translators: how many findings of the article are still to review */
  g_autofree char *count = g_strdup_printf (ngettext ("%u finding to review in “%s”",
                                                      "%u findings to review in “%s”",
                                                      self->pending->len),
                                            self->pending->len,
                                            self->article ? nhs_article_get_title (self->article) : "");
  /* Translators: how many findings were accepted */
  g_autofree char *done = g_strdup_printf (ngettext ("All reviewed. %u finding was accepted.",
                                                     "All reviewed. %u findings were accepted.",
                                                     self->n_accepted),
                                           self->n_accepted);

  gtk_label_set_text (self->count_label, count);
  gtk_label_set_text (self->done_label, done);
  gtk_stack_set_visible_child_name (self->stack, self->pending->len ? "list" : "done");
}

static void
show_problem (NhsReviewPanel *self,
              const char     *problem)
{
  gtk_label_set_text (self->problem_label, problem ? problem : "");
  gtk_widget_set_visible (GTK_WIDGET (self->problem_label), problem != NULL);
}

/* Reads the article again against the dataset as it is now, leaving out
 * what was settled, and shows the result; the row at select_index (or the
 * last one) is selected */
static void
refresh (NhsReviewPanel *self,
         guint           select_index)
{
  const char *body = nhs_article_get_body (self->article);
  GDateTime *published = nhs_article_get_published (self->article);
  g_autofree char *day = published ? g_date_time_format (published, "%Y-%m-%d") : NULL;
  g_autoptr(GPtrArray) found = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->candidate_list))) != NULL)
    gtk_list_box_remove (self->candidate_list, child);
  g_ptr_array_set_size (self->pending, 0);

  found = nhs_extract (body, -1, day, nhs_document_get_dataset (self->document));
  g_ptr_array_set_free_func (found, NULL);
  for (guint i = 0; i < found->len; i++)
    {
      NhsCandidate *c = g_ptr_array_index (found, i);
      Pending *p;
      char *key = candidate_key (c);

      if (g_hash_table_contains (self->settled, key))
        {
          g_free (key);
          nhs_candidate_free (c);
          continue;
        }
      p = g_new0 (Pending, 1);
      p->candidate = c;
      p->key = key;
      p->description = describe_candidate (self, c);
      p->start = g_utf8_pointer_to_offset (body, body + c->quote_start);
      p->end = p->start + g_utf8_pointer_to_offset (body + c->quote_start, body + c->quote_end);
      g_ptr_array_add (self->pending, p);
      gtk_list_box_append (self->candidate_list, make_row (self, p));
    }

  update_count (self);
  if (self->pending->len > 0)
    {
      Pending *p = g_ptr_array_index (self->pending, MIN (select_index, self->pending->len - 1));
      gtk_list_box_select_row (self->candidate_list, GTK_LIST_BOX_ROW (p->row));
    }
  highlight (self);
}

static guint
pending_index (NhsReviewPanel *self,
               Pending        *p)
{
  guint index = 0;

  g_ptr_array_find (self->pending, p, &index);
  return index;
}

static void
take_off (NhsReviewPanel *self,
          guint           index)
{
  Pending *p = g_ptr_array_index (self->pending, index);

  g_hash_table_add (self->settled, g_strdup (p->key));
  refresh (self, index);
}

/* Callbacks */

static void
accept_clicked_cb (NhsReviewPanel *self,
                   GtkButton      *button)
{
  g_assert (NHS_IS_REVIEW_PANEL (self));
  nhs_review_panel_accept (self, pending_index (self, g_object_get_data (G_OBJECT (button), "nhs-pending")), FALSE);
}

static void
edit_clicked_cb (NhsReviewPanel *self,
                 GtkButton      *button)
{
  g_assert (NHS_IS_REVIEW_PANEL (self));
  nhs_review_panel_accept (self, pending_index (self, g_object_get_data (G_OBJECT (button), "nhs-pending")), TRUE);
}

static void
reject_clicked_cb (NhsReviewPanel *self,
                   GtkButton      *button)
{
  g_assert (NHS_IS_REVIEW_PANEL (self));
  nhs_review_panel_reject (self, pending_index (self, g_object_get_data (G_OBJECT (button), "nhs-pending")));
}

/* The person picked a finding: its sentence in the reader */
static void
row_selected_cb (NhsReviewPanel *self,
                 GtkListBoxRow  *row)
{
  Pending *p = row ? g_object_get_data (G_OBJECT (row), "nhs-pending") : NULL;
  GtkTextIter iter;

  g_assert (NHS_IS_REVIEW_PANEL (self));

  if (p == NULL || self->reader == NULL)
    return;
  if (!reader_shows_article (self))
    nhs_article_reader_show_article (self->reader, self->article);
  highlight (self);
  gtk_text_buffer_get_iter_at_offset (self->buffer, &iter,
                                      nhs_article_reader_get_body_offset (self->reader) + p->start);
  gtk_text_view_scroll_to_iter (nhs_article_reader_get_text_view (self->reader), &iter, 0.1, TRUE, 0, 0.3);
}

/* The reader loads another text: put the highlights back once it is in */
static void
buffer_changed_cb (NhsReviewPanel *self)
{
  if (self->article != NULL && self->highlight_id == 0)
    self->highlight_id = g_idle_add (highlight_idle_cb, self);
}

/* An undo took the article out of the dataset */
static void
articles_changed_cb (NhsReviewPanel *self)
{
  NhsDataset *ds = self->document ? nhs_document_get_dataset (self->document) : NULL;

  if (self->article != NULL &&
      nhs_dataset_lookup_article (ds, nhs_article_get_id (self->article)) != self->article)
    nhs_review_panel_close (self);
}

/* An accept, its undo or redo moved the quotes filed under the article */
static void
document_changed_cb (NhsReviewPanel *self)
{
  if (reader_shows_article (self))
    nhs_article_reader_update_quotes (self->reader);
}

static void
close_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  nhs_review_panel_close (NHS_REVIEW_PANEL (widget));
}

/* GObject overrides */

static void
nhs_review_panel_dispose (GObject *object)
{
  NhsReviewPanel *self = NHS_REVIEW_PANEL (object);

  nhs_review_panel_close (self);
  nhs_review_panel_set_reader (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), NHS_TYPE_REVIEW_PANEL);
  G_OBJECT_CLASS (nhs_review_panel_parent_class)->dispose (object);
}

static void
nhs_review_panel_finalize (GObject *object)
{
  NhsReviewPanel *self = NHS_REVIEW_PANEL (object);

  g_clear_pointer (&self->pending, g_ptr_array_unref);
  g_clear_pointer (&self->settled, g_hash_table_unref);
  /* kept to the end: dispose, which may run twice, closes and so empties them */
  g_clear_object (&self->buffer_signals);
  g_clear_object (&self->document_signals);
  g_clear_object (&self->articles_signals);
  G_OBJECT_CLASS (nhs_review_panel_parent_class)->finalize (object);
}

static void
nhs_review_panel_class_init (NhsReviewPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = nhs_review_panel_dispose;
  object_class->finalize = nhs_review_panel_finalize;

  signals[SIGNAL_ITEM_ACCEPTED] =
    g_signal_new ("item-accepted", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, NHS_TYPE_EVENT, G_TYPE_BOOLEAN);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/NhsDispute/ui/nhs-review-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, NhsReviewPanel, box);
  gtk_widget_class_bind_template_child (widget_class, NhsReviewPanel, count_label);
  gtk_widget_class_bind_template_child (widget_class, NhsReviewPanel, problem_label);
  gtk_widget_class_bind_template_child (widget_class, NhsReviewPanel, stack);
  gtk_widget_class_bind_template_child (widget_class, NhsReviewPanel, candidate_list);
  gtk_widget_class_bind_template_child (widget_class, NhsReviewPanel, done_label);
  gtk_widget_class_bind_template_callback (widget_class, row_selected_cb);

  gtk_widget_class_install_action (widget_class, "review.close", NULL, close_action);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "review-panel");
}

static void
nhs_review_panel_init (NhsReviewPanel *self)
{
  self->pending = g_ptr_array_new_with_free_func (pending_free);
  self->settled = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->buffer_signals = g_signal_group_new (GTK_TYPE_TEXT_BUFFER);
  g_signal_group_connect_swapped (self->buffer_signals, "changed", G_CALLBACK (buffer_changed_cb), self);
  self->document_signals = g_signal_group_new (NHS_TYPE_DOCUMENT);
  g_signal_group_connect_swapped (self->document_signals, "changed", G_CALLBACK (document_changed_cb), self);
  self->articles_signals = g_signal_group_new (G_TYPE_LIST_MODEL);
  g_signal_group_connect_swapped (self->articles_signals, "items-changed", G_CALLBACK (articles_changed_cb), self);
  gtk_widget_init_template (GTK_WIDGET (self));
  nhs_a11y_hide_when_empty (self->count_label);
  nhs_a11y_hide_when_empty (self->done_label);
}

/* Public API */

void
nhs_review_panel_set_reader (NhsReviewPanel   *self,
                             NhsArticleReader *reader)
{
  g_return_if_fail (NHS_IS_REVIEW_PANEL (self));
  g_return_if_fail (reader == NULL || NHS_IS_ARTICLE_READER (reader));

  if (self->buffer != NULL)
    {
      GtkTextTagTable *table = gtk_text_buffer_get_tag_table (self->buffer);

      g_signal_group_set_target (self->buffer_signals, NULL);
      gtk_text_tag_table_remove (table, self->candidate_tag);
      gtk_text_tag_table_remove (table, self->current_tag);
      self->candidate_tag = self->current_tag = NULL;
      g_clear_object (&self->buffer);
    }
  g_set_object (&self->reader, reader);
  if (reader == NULL)
    return;

  /* a green apart from the reader's yellow quotes, see-through enough for
   * light and dark alike */
  self->buffer = g_object_ref (gtk_text_view_get_buffer (nhs_article_reader_get_text_view (reader)));
  self->candidate_tag = gtk_text_buffer_create_tag (self->buffer, NULL,
                                                    "background-rgba", &(GdkRGBA) { 0.18, 0.76, 0.49, 0.22 },
                                                    NULL);
  self->current_tag = gtk_text_buffer_create_tag (self->buffer, NULL,
                                                  "background-rgba", &(GdkRGBA) { 0.18, 0.76, 0.49, 0.55 },
                                                  "underline", PANGO_UNDERLINE_SINGLE,
                                                  NULL);
  g_signal_group_set_target (self->buffer_signals, self->buffer);
}

void
nhs_review_panel_review (NhsReviewPanel *self,
                         NhsDocument    *document,
                         NhsArticle     *article)
{
  g_return_if_fail (NHS_IS_REVIEW_PANEL (self));
  g_return_if_fail (NHS_IS_DOCUMENT (document));
  g_return_if_fail (NHS_IS_ARTICLE (article));

  nhs_review_panel_close (self);
  self->document = g_object_ref (document);
  self->article = g_object_ref (article);
  self->n_accepted = 0;
  g_signal_group_set_target (self->articles_signals, nhs_dataset_get_articles (nhs_document_get_dataset (document)));
  g_signal_group_set_target (self->document_signals, document);
  show_problem (self, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self), TRUE);
  if (self->reader != NULL)
    nhs_article_reader_show_article (self->reader, article);
  refresh (self, 0);
  if (self->pending->len > 0)
    gtk_widget_grab_focus (GTK_WIDGET (((Pending *) g_ptr_array_index (self->pending, 0))->row));
}

void
nhs_review_panel_close (NhsReviewPanel *self)
{
  GtkWidget *child;

  g_return_if_fail (NHS_IS_REVIEW_PANEL (self));

  g_clear_handle_id (&self->highlight_id, g_source_remove);
  g_signal_group_set_target (self->articles_signals, NULL);
  g_signal_group_set_target (self->document_signals, NULL);
  g_clear_object (&self->document);
  g_clear_object (&self->article);
  if (self->candidate_list != NULL)
    while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->candidate_list))) != NULL)
      gtk_list_box_remove (self->candidate_list, child);
  if (self->pending != NULL)
    g_ptr_array_set_size (self->pending, 0);
  if (self->settled != NULL)
    g_hash_table_remove_all (self->settled);
  highlight (self);
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

NhsArticle *
nhs_review_panel_get_article (NhsReviewPanel *self)
{
  g_return_val_if_fail (NHS_IS_REVIEW_PANEL (self), NULL);
  return self->article;
}

guint
nhs_review_panel_get_n_pending (NhsReviewPanel *self)
{
  g_return_val_if_fail (NHS_IS_REVIEW_PANEL (self), 0);
  return self->pending->len;
}

const char *
nhs_review_panel_get_description (NhsReviewPanel *self,
                                  guint           index)
{
  g_return_val_if_fail (NHS_IS_REVIEW_PANEL (self), NULL);
  return index < self->pending->len ? ((Pending *) g_ptr_array_index (self->pending, index))->description : NULL;
}

const char *
nhs_review_panel_get_quote (NhsReviewPanel *self,
                            guint           index)
{
  g_return_val_if_fail (NHS_IS_REVIEW_PANEL (self), NULL);
  return index < self->pending->len ? ((Pending *) g_ptr_array_index (self->pending, index))->candidate->quote
                                    : NULL;
}

gboolean
nhs_review_panel_accept (NhsReviewPanel *self,
                         guint           index,
                         gboolean        edit)
{
  g_autoptr(GError) error = NULL;
  NhsEvent *event = NULL;     /* the dataset's */
  gboolean done;
  Pending *p;

  g_return_val_if_fail (NHS_IS_REVIEW_PANEL (self), FALSE);
  g_return_val_if_fail (index < self->pending->len, FALSE);

  p = g_ptr_array_index (self->pending, index);
  if (p->candidate->type == NHS_CANDIDATE_FIGURE)
    done = nhs_document_accept_figure_candidate (self->document, self->article, p->candidate, &error) != NULL;
  else
    done = (event = nhs_document_accept_candidate (self->document, self->article, p->candidate, &error)) != NULL;
  if (!done)
    {
      show_problem (self, error->message);
      return FALSE;
    }
  show_problem (self, NULL);
  self->n_accepted++;
  take_off (self, index);
  /* the inspector shows events: a figure is done once it is in the list */
  if (event != NULL)
    g_signal_emit (self, signals[SIGNAL_ITEM_ACCEPTED], 0, event, edit);
  return TRUE;
}

void
nhs_review_panel_reject (NhsReviewPanel *self,
                         guint           index)
{
  g_return_if_fail (NHS_IS_REVIEW_PANEL (self));
  g_return_if_fail (index < self->pending->len);

  show_problem (self, NULL);
  take_off (self, index);
}
