/* nhs-article-reader.c: the articles and the evidence in them
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A list of the dataset's articles over a read-only GtkTextView. The buffer
 * holds the article's title, a line of publisher and date, then the body;
 * quote offsets (in characters of the body) are shifted by the length of
 * that header. Every evidence quote carries the "quote" tag, the selected
 * event's current quote the "quote-current" tag, figures the "figure" tag.
 */
#define G_LOG_DOMAIN "nhs-article-reader"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "nhs-article-reader.h"
#include "nhs-article-reader-private.h"
#include "nhs-article-rows.h"
#include "nhs-extract.h"
#include "nhs-find-bar.h"
#include "nhs-focus.h"
#include "nhs-link.h"
#include "nhs-ui-text.h"

#define MIN_FONT_SCALE  0.5
#define MAX_FONT_SCALE  3.0
#define FONT_SCALE_STEP 0.1
/* the longest line, in average characters, for comfortable reading */
#define MEASURE_CHARS   72
#define MIN_TEXT_MARGIN 24
#define FLASH_USEC      (900 * G_TIME_SPAN_MILLISECOND)

typedef struct
{
  int start;              /* buffer offsets, end exclusive */
  int end;
  NhsEvidence *evidence;  /* owned by the dataset */
} QuoteRange;

struct _NhsArticleReader
{
  GtkWidget parent_instance;

  NhsDataset *dataset;
  NhsArticle *article;
  NhsEvent *event;
  guint evidence_index;

  GArray *quotes;           /* QuoteRange of the article shown */
  int body_offset;          /* where the body starts in the buffer */

  double font_scale;
  int char_width;           /* approximate, in pixels; 0 when unknown */
  gboolean dark_palette;
  gboolean syncing;         /* while the article list follows the reader */
  gboolean scroll_again;    /* once the evidence bar has slid open */

  guint flash_tick_id;
  gint64 flash_start;
  guint reaim_id;

  GSettings *settings;
  /* the dataset's articles, held to the first few for a while when a
   * window hands over a new dataset (_nhs_article_reader_limit_articles) */
  GtkSliceListModel *article_slice;
  GtkSingleSelection *article_selection;
  GtkTextBuffer *buffer;
  GtkTextMark *quote_mark;
  GtkTextTag *base_tag;
  GtkTextTag *title_tag;
  GtkTextTag *meta_tag;
  GtkTextTag *figure_tag;
  GtkTextTag *quote_tag;
  GtkTextTag *current_tag;
  GtkTextTag *flash_tag;

  GtkWidget *box;
  GtkWidget *article_scroller;
  GtkListView *article_list;
  GtkRevealer *evidence_revealer;
  GtkLabel *evidence_count_label;
  GtkLabel *evidence_event_label;
  GtkWidget *source_card;
  GtkLabel *source_title_label;
  GtkLabel *source_meta_label;
  GtkLabel *source_quote_label;
  GtkWidget *open_link_button;
  GtkWidget *copy_link_button;
  GtkWidget *previous_evidence_button;
  GtkWidget *next_evidence_button;
  NhsFindBar *find_bar;
  GtkStack *stack;
  GtkTextView *text_view;
};

G_DEFINE_FINAL_TYPE (NhsArticleReader, nhs_article_reader, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_FONT_SCALE,
  N_PROPS
};

enum {
  EVENT_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Auxiliary functions */

static void
apply_tag (NhsArticleReader *self,
           GtkTextTag       *tag,
           int               start,
           int               end)
{
  GtkTextIter s, e;

  gtk_text_buffer_get_iter_at_offset (self->buffer, &s, start);
  gtk_text_buffer_get_iter_at_offset (self->buffer, &e, end);
  gtk_text_buffer_apply_tag (self->buffer, tag, &s, &e);
}

static void
remove_tag_everywhere (NhsArticleReader *self,
                       GtkTextTag       *tag)
{
  GtkTextIter s, e;

  gtk_text_buffer_get_bounds (self->buffer, &s, &e);
  gtk_text_buffer_remove_tag (self->buffer, tag, &s, &e);
}

static NhsEvidence *
current_evidence (NhsArticleReader *self)
{
  GPtrArray *evidence;

  if (self->event == NULL)
    return NULL;
  evidence = nhs_event_get_evidence (self->event);
  return self->evidence_index < evidence->len ? g_ptr_array_index (evidence, self->evidence_index) : NULL;
}

/* The first article quote, since the reader can show it; else the first */
static guint
preferred_evidence_index (NhsEvent *event)
{
  GPtrArray *evidence = nhs_event_get_evidence (event);

  for (guint i = 0; i < evidence->len; i++)
    if (nhs_evidence_get_article (g_ptr_array_index (evidence, i)) != NULL)
      return i;
  return 0;
}

/* The event an evidence supports: its own, or its figure's */
static NhsEvent *
evidence_get_event (NhsEvidence *evidence)
{
  GObject *owner = nhs_evidence_get_owner (evidence);

  if (NHS_IS_EVENT (owner))
    return NHS_EVENT (owner);
  if (NHS_IS_FIGURE (owner))
    return nhs_figure_get_event (NHS_FIGURE (owner));
  return NULL;
}

/* The narrowest quote at the offset, preferring one of the event shown */
static const QuoteRange *
quote_at_offset (NhsArticleReader *self,
                 int               offset)
{
  const QuoteRange *best = NULL;

  for (guint i = 0; i < self->quotes->len; i++)
    {
      const QuoteRange *q = &g_array_index (self->quotes, QuoteRange, i);

      if (q->start > offset)
        break;
      if (offset >= q->end)
        continue;
      if (best == NULL ||
          (evidence_get_event (q->evidence) == self->event && evidence_get_event (best->evidence) != self->event) ||
          (q->end - q->start < best->end - best->start &&
           (evidence_get_event (q->evidence) == self->event) == (evidence_get_event (best->evidence) == self->event)))
        best = q;
    }
  return best;
}

static const QuoteRange *
find_quote_range (NhsArticleReader *self,
                  NhsEvidence      *evidence)
{
  for (guint i = 0; i < self->quotes->len; i++)
    if (g_array_index (self->quotes, QuoteRange, i).evidence == evidence)
      return &g_array_index (self->quotes, QuoteRange, i);
  return NULL;
}

static gboolean
offset_at_point (NhsArticleReader *self,
                 double            x,
                 double            y,
                 int              *offset)
{
  GtkTextIter iter;
  int bx, by;

  gtk_text_view_window_to_buffer_coords (self->text_view, GTK_TEXT_WINDOW_WIDGET, (int) x, (int) y, &bx, &by);
  if (!gtk_text_view_get_iter_at_location (self->text_view, &iter, bx, by))
    return FALSE;
  *offset = gtk_text_iter_get_offset (&iter);
  return TRUE;
}

static void
update_palette (NhsArticleReader *self)
{
  GdkRGBA fg;
  gboolean dark;
  struct { GdkRGBA quote, current, figure, match, match_current, meta; } palette;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (self->text_view)), &fg);
  G_GNUC_END_IGNORE_DEPRECATIONS
  /* light text means a dark background */
  dark = 0.2126 * fg.red + 0.7152 * fg.green + 0.0722 * fg.blue > 0.5;
  if (dark == self->dark_palette && self->char_width != 0)
    return;
  self->dark_palette = dark;

  if (dark)
    {
      palette.quote = (GdkRGBA) { 0.90, 0.65, 0.04, 0.22 };
      palette.current = (GdkRGBA) { 0.90, 0.65, 0.04, 0.50 };
      palette.figure = (GdkRGBA) { 0.47, 0.68, 0.93, 0.85 };
      palette.match = (GdkRGBA) { 0.21, 0.52, 0.89, 0.35 };
      palette.match_current = (GdkRGBA) { 0.21, 0.52, 0.89, 0.75 };
      palette.meta = (GdkRGBA) { 1, 1, 1, 0.62 };
    }
  else
    {
      palette.quote = (GdkRGBA) { 0.98, 0.94, 0.42, 0.50 };
      palette.current = (GdkRGBA) { 0.96, 0.76, 0.07, 0.80 };
      palette.figure = (GdkRGBA) { 0.11, 0.44, 0.85, 0.75 };
      palette.match = (GdkRGBA) { 0.21, 0.52, 0.89, 0.25 };
      palette.match_current = (GdkRGBA) { 0.21, 0.52, 0.89, 0.55 };
      palette.meta = (GdkRGBA) { 0, 0, 0, 0.62 };
    }
  g_object_set (self->quote_tag, "background-rgba", &palette.quote, NULL);
  g_object_set (self->current_tag, "background-rgba", &palette.current, NULL);
  g_object_set (self->figure_tag, "underline-rgba", &palette.figure, NULL);
  nhs_find_bar_set_match_colors (self->find_bar, &palette.match, &palette.match_current);
  g_object_set (self->meta_tag, "foreground-rgba", &palette.meta, NULL);
}

static void
apply_font_scale (NhsArticleReader *self)
{
  g_object_set (self->base_tag, "scale", self->font_scale, NULL);
  g_object_set (self->title_tag, "scale", self->font_scale * 1.45, NULL);
  g_object_set (self->meta_tag, "scale", self->font_scale * 0.9, NULL);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

/* Keeps lines to a comfortable length: wide panes get wide margins */
static void
update_text_margins (NhsArticleReader *self,
                     int               width)
{
  int measure, margin;

  if (self->char_width == 0)
    {
      PangoContext *context = gtk_widget_get_pango_context (GTK_WIDGET (self->text_view));
      PangoFontMetrics *metrics = pango_context_get_metrics (context, NULL, NULL);

      self->char_width = MAX (1, pango_font_metrics_get_approximate_char_width (metrics) / PANGO_SCALE);
      pango_font_metrics_unref (metrics);
    }
  measure = (int) (self->char_width * self->font_scale * MEASURE_CHARS);
  margin = MAX (MIN_TEXT_MARGIN, (width - measure) / 2);
  if (gtk_text_view_get_left_margin (self->text_view) != margin)
    {
      gtk_text_view_set_left_margin (self->text_view, margin);
      gtk_text_view_set_right_margin (self->text_view, margin);
    }
}

static void
stop_flash (NhsArticleReader *self)
{
  if (self->flash_tick_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self->text_view), self->flash_tick_id);
  self->flash_tick_id = 0;
  remove_tag_everywhere (self, self->flash_tag);
}

static gboolean
flash_tick_cb (GtkWidget     *widget,
               GdkFrameClock *clock,
               gpointer       user_data)
{
  NhsArticleReader *self = user_data;
  double t = (double) (gdk_frame_clock_get_frame_time (clock) - self->flash_start) / FLASH_USEC;
  GdkRGBA color = { 1.0, 0.47, 0.0, 0 };

  if (t >= 1.0)
    {
      self->flash_tick_id = 0;
      remove_tag_everywhere (self, self->flash_tag);
      return G_SOURCE_REMOVE;
    }
  /* two pulses, fading */
  color.alpha = (float) (0.7 * pow (sin (2 * G_PI * t), 2) * (1.0 - 0.4 * t));
  g_object_set (self->flash_tag, "background-rgba", &color, NULL);
  return G_SOURCE_CONTINUE;
}

static void
flash_range (NhsArticleReader *self,
             int               start,
             int               end)
{
  gboolean animate;

  stop_flash (self);
  g_object_get (gtk_widget_get_settings (GTK_WIDGET (self)), "gtk-enable-animations", &animate, NULL);
  if (!animate || !gtk_widget_get_mapped (GTK_WIDGET (self->text_view)))
    return;
  apply_tag (self, self->flash_tag, start, end);
  self->flash_start = g_get_monotonic_time ();
  self->flash_tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self->text_view), flash_tick_cb, self, NULL);
}

/* Puts the quote-current tag on the current evidence, if it is a quote in
 * the article shown; returns its range or NULL */
static const QuoteRange *
mark_current_quote (NhsArticleReader *self)
{
  NhsEvidence *evidence = current_evidence (self);
  const QuoteRange *range = evidence ? find_quote_range (self, evidence) : NULL;

  remove_tag_everywhere (self, self->current_tag);
  if (range != NULL)
    apply_tag (self, self->current_tag, range->start, range->end);
  return range;
}

/* The dates and figures the extractor finds (nhs-extract.c): what a
 * reader checks, found the way an imported article's candidates are */
static void
mark_figures (NhsArticleReader *self,
              const char       *body)
{
  g_autoptr(GArray) marks = nhs_extract_marks (body, -1);
  gsize counted = 0;
  glong chars = 0;

  for (guint i = 0; i < marks->len; i++)
    {
      NhsMark *m = &g_array_index (marks, NhsMark, i);
      glong length;

      chars += g_utf8_pointer_to_offset (body + counted, body + m->start);
      counted = m->start;
      length = g_utf8_pointer_to_offset (body + m->start, body + m->end);
      apply_tag (self, self->figure_tag, self->body_offset + chars, self->body_offset + chars + length);
    }
}

/* The article's quotes, where they are in the text */
static GArray *
find_quotes (NhsArticleReader *self)
{
  GPtrArray *quotes = nhs_dataset_get_article_quotes (self->dataset, self->article);
  GArray *ranges = g_array_new (FALSE, FALSE, sizeof (QuoteRange));

  for (guint i = 0; i < quotes->len; i++)
    {
      NhsEvidence *evidence = g_ptr_array_index (quotes, i);
      QuoteRange range = {
        self->body_offset + nhs_evidence_get_quote_start (evidence),
        self->body_offset + nhs_evidence_get_quote_end (evidence),
        evidence,
      };

      if (nhs_evidence_get_quote_start (evidence) >= 0)
        g_array_append_val (ranges, range);
    }
  return ranges;
}

static void
mark_quotes (NhsArticleReader *self)
{
  g_autoptr(GArray) ranges = find_quotes (self);

  for (guint i = 0; i < ranges->len; i++)
    {
      const QuoteRange *range = &g_array_index (ranges, QuoteRange, i);

      g_array_append_val (self->quotes, *range);
      apply_tag (self, self->quote_tag, range->start, range->end);
    }
}

/* The article's quotes filed again, its text and the place read in kept:
 * an edit gives the edited item new evidence, most often at the same
 * places, and then only the ranges' evidence changes */
static void
requote (NhsArticleReader *self)
{
  g_autoptr(GArray) ranges = NULL;
  gboolean same;

  if (self->article == NULL)
    {
      g_array_set_size (self->quotes, 0);
      return;
    }
  ranges = find_quotes (self);
  same = ranges->len == self->quotes->len;
  for (guint i = 0; same && i < ranges->len; i++)
    {
      const QuoteRange *a = &g_array_index (ranges, QuoteRange, i);
      const QuoteRange *b = &g_array_index (self->quotes, QuoteRange, i);

      same = a->start == b->start && a->end == b->end;
    }
  if (same)
    {
      /* (an empty array's data may be NULL) */
      if (ranges->len > 0)
        memcpy (self->quotes->data, ranges->data, ranges->len * sizeof (QuoteRange));
      return;
    }
  g_array_set_size (self->quotes, 0);
  remove_tag_everywhere (self, self->quote_tag);
  mark_quotes (self);
}

static void
announce_article (NhsArticleReader *self)
{
  g_autofree char *meta = NULL;
  g_autofree char *description = NULL;

  if (self->article == NULL)
    {
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self->text_view), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      return;
    }
  meta = nhs_join_meta (nhs_article_get_publisher (self->article), nhs_article_get_published (self->article));
  description = meta ? g_strdup_printf (_("%s, %s"), nhs_article_get_title (self->article), meta)
                     : g_strdup (nhs_article_get_title (self->article));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->text_view),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
}

static void
load_article (NhsArticleReader *self)
{
  GtkTextIter iter, start;
  g_autofree char *meta = NULL;

  stop_flash (self);
  g_array_set_size (self->quotes, 0);
  gtk_text_buffer_set_text (self->buffer, "", 0);
  announce_article (self);
  if (self->article == NULL)
    return;

  gtk_text_buffer_get_start_iter (self->buffer, &iter);
  gtk_text_buffer_insert_with_tags (self->buffer, &iter, nhs_article_get_title (self->article), -1,
                                    self->title_tag, NULL);
  gtk_text_buffer_insert_with_tags (self->buffer, &iter, "\n", 1, self->title_tag, NULL);
  meta = nhs_join_meta (nhs_article_get_publisher (self->article), nhs_article_get_published (self->article));
  if (meta != NULL)
    {
      gtk_text_buffer_insert_with_tags (self->buffer, &iter, meta, -1, self->meta_tag, NULL);
      gtk_text_buffer_insert_with_tags (self->buffer, &iter, "\n", 1, self->meta_tag, NULL);
    }
  self->body_offset = gtk_text_iter_get_offset (&iter);
  gtk_text_buffer_insert (self->buffer, &iter, nhs_article_get_body (self->article), -1);

  gtk_text_buffer_get_start_iter (self->buffer, &start);
  gtk_text_buffer_apply_tag (self->buffer, self->base_tag, &start, &iter);
  mark_figures (self, nhs_article_get_body (self->article));
  mark_quotes (self);
  mark_current_quote (self);

  gtk_text_buffer_place_cursor (self->buffer, &start);
  gtk_text_view_scroll_to_iter (self->text_view, &start, 0, FALSE, 0, 0);
  nhs_find_bar_update (self->find_bar);
}

static void
select_article_in_list (NhsArticleReader *self)
{
  guint position = self->article ? nhs_article_get_index (self->article) : GTK_INVALID_LIST_POSITION;

  /* past the articles listed so far: all of them, at once */
  if (position != GTK_INVALID_LIST_POSITION && position >= gtk_slice_list_model_get_size (self->article_slice))
    gtk_slice_list_model_set_size (self->article_slice, G_MAXUINT);
  self->syncing = TRUE;
  gtk_single_selection_set_selected (self->article_selection, position);
  self->syncing = FALSE;
  if (position != GTK_INVALID_LIST_POSITION)
    gtk_widget_activate_action (GTK_WIDGET (self->article_list), "list.scroll-to-item", "u", position);
}

static void
update_evidence_actions (NhsArticleReader *self)
{
  guint n = self->event ? nhs_event_get_evidence (self->event)->len : 0;
  NhsEvidence *evidence = current_evidence (self);
  NhsSource *source = evidence ? nhs_evidence_get_source (evidence) : NULL;
  const char *url = source ? nhs_source_get_url (source) : NULL;
  gboolean web = nhs_link_is_web_page (url);

  gboolean has_previous = self->evidence_index > 0 && n > 0;
  gboolean has_next = self->evidence_index + 1 < n;
  /* at either end, the keyboard's focus goes to the other arrow rather
   * than off into the window */
  gboolean refocus = (gtk_widget_has_focus (self->next_evidence_button) && !has_next) ||
                     (gtk_widget_has_focus (self->previous_evidence_button) && !has_previous);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reader.previous-evidence", has_previous);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reader.next-evidence", has_next);
  if (refocus)
    gtk_widget_grab_focus (has_next ? self->next_evidence_button : self->previous_evidence_button);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reader.open-source", web);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reader.copy-link", url != NULL && *url != '\0');
  gtk_widget_set_visible (self->open_link_button, web);
  gtk_widget_set_visible (self->copy_link_button, url != NULL && *url != '\0');
  /* plain text: the address as written */
  gtk_widget_set_tooltip_text (self->open_link_button, web ? url : NULL);
}

static void
update_source_card (NhsArticleReader *self,
                    NhsEvidence      *evidence)
{
  NhsSource *source = evidence ? nhs_evidence_get_source (evidence) : NULL;
  const char *quote, *note;
  g_autofree char *meta = NULL;
  g_autofree char *quoted = NULL;

  gtk_widget_set_visible (self->source_card, source != NULL);
  if (source == NULL)
    return;

  meta = nhs_join_meta (nhs_source_get_publisher (source), nhs_source_get_published (source));
  quote = nhs_evidence_get_quote (evidence);
  note = nhs_evidence_get_note (evidence);
  if (quote && *quote)
    quoted = note && *note ? g_strdup_printf (_("“%s”\n%s"), quote, note) : g_strdup_printf (_("“%s”"), quote);
  else if (note && *note)
    quoted = g_strdup (note);

  gtk_label_set_label (self->source_title_label, nhs_source_get_title (source));
  gtk_label_set_label (self->source_meta_label, meta ? meta : "");
  gtk_widget_set_visible (GTK_WIDGET (self->source_meta_label), meta != NULL);
  gtk_label_set_label (self->source_quote_label, quoted ? quoted : "");
  gtk_widget_set_visible (GTK_WIDGET (self->source_quote_label), quoted != NULL);
}

static void
update_evidence_bar (NhsArticleReader *self)
{
  guint n = self->event ? nhs_event_get_evidence (self->event)->len : 0;
  g_autofree char *count = NULL;

  gtk_revealer_set_reveal_child (self->evidence_revealer, self->event != NULL);
  if (self->event == NULL)
    {
      /* out of sight, but a label left empty is "GtkLabel" to screen
       * readers */
      gtk_label_set_label (self->evidence_count_label, _("No event selected"));
      gtk_label_set_label (self->evidence_event_label, _("Select an event to see its evidence"));
      return;
    }

  if (n == 0)
    count = g_strdup (_("No evidence for this event"));
  else
    /* Translators: "Evidence 1 of 3" for the selected event */
    count = g_strdup_printf (_("Evidence %u of %u"), self->evidence_index + 1, n);
  gtk_label_set_label (self->evidence_count_label, count);
  gtk_label_set_label (self->evidence_event_label, nhs_event_get_title (self->event));
  update_source_card (self, current_evidence (self));
  update_evidence_actions (self);
}

/* A new article is laid out in idle steps; until then the height of its
 * paragraphs is a guess, and so is a scroll to a quote low in it. Once the
 * layout is done (the text view's idle has a higher priority), aim again. */
static gboolean
reaim_cb (gpointer user_data)
{
  NhsArticleReader *self = user_data;

  self->reaim_id = 0;
  gtk_text_view_scroll_to_mark (self->text_view, self->quote_mark, 0.05, TRUE, 0.0, 0.3);
  return G_SOURCE_REMOVE;
}

static void
scroll_to_quote (NhsArticleReader *self)
{
  gtk_text_view_scroll_to_mark (self->text_view, self->quote_mark, 0.05, TRUE, 0.0, 0.3);
  g_clear_handle_id (&self->reaim_id, g_source_remove);
  self->reaim_id = g_idle_add_full (G_PRIORITY_LOW, reaim_cb, self, NULL);
}

/* Evidence from a source outside the articles shows its card alone: the
 * text of whatever article was shown before would read as its context */
static void
show_text_or_source (NhsArticleReader *self,
                     gboolean          source)
{
  const char *page = gtk_stack_get_visible_child_name (self->stack);

  if (g_strcmp0 (page, "empty") == 0)
    return;
  gtk_stack_set_visible_child_name (self->stack, source ? "source" : "text");
  if (source)
    {
      self->syncing = TRUE;
      gtk_single_selection_set_selected (self->article_selection, GTK_INVALID_LIST_POSITION);
      self->syncing = FALSE;
    }
}

/* Shows the current evidence: its article, scrolled to the quote */
static void
show_current_evidence (NhsArticleReader *self,
                       gboolean          scroll)
{
  NhsEvidence *evidence = current_evidence (self);
  NhsArticle *article = evidence ? nhs_evidence_get_article (evidence) : NULL;
  const QuoteRange *range;
  GtkTextIter iter;

  update_evidence_bar (self);
  if (article != NULL && article != self->article)
    nhs_article_reader_show_article (self, article);
  show_text_or_source (self, evidence != NULL && article == NULL && nhs_evidence_get_source (evidence) != NULL);

  range = mark_current_quote (self);
  if (range == NULL || !scroll)
    return;

  gtk_text_buffer_get_iter_at_offset (self->buffer, &iter, range->start);
  gtk_text_buffer_move_mark (self->buffer, self->quote_mark, &iter);
  gtk_text_buffer_place_cursor (self->buffer, &iter);
  scroll_to_quote (self);
  /* the evidence bar opening above shrinks the text: aim again after */
  self->scroll_again = !gtk_revealer_get_child_revealed (self->evidence_revealer);
  flash_range (self, range->start, range->end);
}

/* A quote was clicked or Enter pressed on it: make its event the shown
 * one, without moving the text, and tell the window */
static gboolean
activate_quote (NhsArticleReader *self,
                const QuoteRange *range)
{
  NhsEvent *event = evidence_get_event (range->evidence);
  GPtrArray *evidence;
  guint index;

  if (event == NULL)
    return FALSE;

  evidence = nhs_event_get_evidence (event);
  if (!g_ptr_array_find (evidence, range->evidence, &index))
    index = preferred_evidence_index (event);
  g_set_object (&self->event, event);
  self->evidence_index = index;
  show_current_evidence (self, FALSE);
  flash_range (self, range->start, range->end);
  g_signal_emit (self, signals[EVENT_ACTIVATED], 0, event);
  return TRUE;
}

static void
set_font_scale (NhsArticleReader *self,
                double            scale)
{
  /* steps of a twentieth, so repeated zooming returns to 1 exactly */
  scale = CLAMP (round (scale * 20) / 20, MIN_FONT_SCALE, MAX_FONT_SCALE);
  if (scale == self->font_scale)
    return;
  self->font_scale = scale;
  apply_font_scale (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FONT_SCALE]);
}

/* Callbacks */

/* reader-font-scale to the property. GSettings checks the key's range, but
 * NaN passes every comparison; refused here, GSettings gives the default
 * instead (a NaN in the settings file would otherwise warn at each start) */
static gboolean
font_scale_from_setting (GValue   *value,
                         GVariant *variant,
                         gpointer  user_data)
{
  double scale = g_variant_get_double (variant);

  if (!isfinite (scale))
    return FALSE;
  g_value_set_double (value, scale);
  return TRUE;
}

static void
article_selected_cb (NhsArticleReader *self)
{
  NhsArticle *article = gtk_single_selection_get_selected_item (self->article_selection);

  if (!self->syncing && article != NULL)
    nhs_article_reader_show_article (self, article);
}

static void
article_activated_cb (NhsArticleReader *self,
                      guint             position)
{
  g_autoptr(NhsArticle) article = g_list_model_get_item (G_LIST_MODEL (self->article_selection), position);

  if (article == NULL)
    return;
  nhs_article_reader_show_article (self, article);
  gtk_widget_grab_focus (GTK_WIDGET (self->text_view));
}

static gboolean
query_tooltip_cb (NhsArticleReader *self,
                  int               x,
                  int               y,
                  gboolean          keyboard_mode,
                  GtkTooltip       *tooltip)
{
  GString *text;
  GtkTextIter iter;
  int offset;
  gboolean any_event = FALSE;

  if (keyboard_mode)
    {
      gtk_text_buffer_get_iter_at_mark (self->buffer, &iter, gtk_text_buffer_get_insert (self->buffer));
      offset = gtk_text_iter_get_offset (&iter);
    }
  else if (!offset_at_point (self, x, y, &offset))
    return FALSE;

  text = g_string_new (NULL);
  for (guint i = 0; i < self->quotes->len; i++)
    {
      const QuoteRange *q = &g_array_index (self->quotes, QuoteRange, i);
      g_autofree char *line = NULL;

      if (q->start > offset)
        break;
      if (offset >= q->end || (line = nhs_describe_evidence_owner (q->evidence)) == NULL)
        continue;
      if (text->len)
        g_string_append_c (text, '\n');
      g_string_append (text, line);
      any_event |= evidence_get_event (q->evidence) != NULL;
    }
  if (text->len == 0)
    {
      g_string_free (text, TRUE);
      return FALSE;
    }
  if (any_event)
    g_string_append_printf (text, "\n%s", keyboard_mode ? _("Press Enter to select the event")
                                                        : _("Click to select the event"));
  /* plain text, never markup: titles and labels come from the dataset */
  gtk_tooltip_set_text (tooltip, text->str);
  g_string_free (text, TRUE);
  return TRUE;
}

static void
motion_cb (NhsArticleReader *self,
           double            x,
           double            y)
{
  int offset;
  gboolean over = offset_at_point (self, x, y, &offset) && quote_at_offset (self, offset) != NULL;

  gtk_widget_set_cursor_from_name (GTK_WIDGET (self->text_view), over ? "pointer" : "text");
}

static void
click_released_cb (NhsArticleReader *self,
                   int               n_press,
                   double            x,
                   double            y,
                   GtkGestureClick  *gesture)
{
  GtkTextIter start, end;
  const QuoteRange *range;
  int offset;

  /* a drag that selected text is not a click */
  if (n_press != 1 || gtk_text_buffer_get_selection_bounds (self->buffer, &start, &end))
    return;
  if (!offset_at_point (self, x, y, &offset) || (range = quote_at_offset (self, offset)) == NULL)
    return;
  activate_quote (self, range);
}

static gboolean
text_key_pressed_cb (NhsArticleReader      *self,
                     guint                  keyval,
                     guint                  keycode,
                     GdkModifierType        state,
                     GtkEventControllerKey *controller)
{
  GtkTextIter iter;
  const QuoteRange *range;

  if (keyval != GDK_KEY_Return && keyval != GDK_KEY_KP_Enter && keyval != GDK_KEY_ISO_Enter)
    return FALSE;
  if ((state & gtk_accelerator_get_default_mod_mask ()) != 0)
    return FALSE;
  gtk_text_buffer_get_iter_at_mark (self->buffer, &iter, gtk_text_buffer_get_insert (self->buffer));
  range = quote_at_offset (self, gtk_text_iter_get_offset (&iter));
  return range != NULL && activate_quote (self, range);
}

static void
evidence_revealed_cb (NhsArticleReader *self)
{
  if (!self->scroll_again || !gtk_revealer_get_child_revealed (self->evidence_revealer))
    return;
  self->scroll_again = FALSE;
  scroll_to_quote (self);
}

/* Actions */

static void
find_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  nhs_find_bar_open (NHS_ARTICLE_READER (widget)->find_bar);
}

static void
find_next_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  nhs_find_bar_step (NHS_ARTICLE_READER (widget)->find_bar, 1);
}

static void
find_previous_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  nhs_find_bar_step (NHS_ARTICLE_READER (widget)->find_bar, -1);
}

static void
zoom_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  NhsArticleReader *self = NHS_ARTICLE_READER (widget);

  if (g_str_equal (action_name, "reader.zoom-in"))
    set_font_scale (self, self->font_scale + FONT_SCALE_STEP);
  else if (g_str_equal (action_name, "reader.zoom-out"))
    set_font_scale (self, self->font_scale - FONT_SCALE_STEP);
  else
    set_font_scale (self, 1.0);
}

static void
step_evidence_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  NhsArticleReader *self = NHS_ARTICLE_READER (widget);
  int step = g_str_equal (action_name, "reader.next-evidence") ? 1 : -1;

  if ((int) self->evidence_index + step >= 0)
    nhs_article_reader_show_evidence (self, self->evidence_index + step);
}

static void
open_source_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  NhsArticleReader *self = NHS_ARTICLE_READER (widget);
  NhsEvidence *evidence = current_evidence (self);
  NhsSource *source = evidence ? nhs_evidence_get_source (evidence) : NULL;
  const char *url = source ? nhs_source_get_url (source) : NULL;
  GtkRoot *root = gtk_widget_get_root (widget);

  /* only web pages: a dataset must not make us run other handlers */
  if (!nhs_link_is_web_page (url))
    return;
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, url, GDK_CURRENT_TIME);
  G_GNUC_END_IGNORE_DEPRECATIONS
}

/* The address, as written, to paste where it is needed: a browser may
 * not be there to open it */
static void
copy_link_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  NhsArticleReader *self = NHS_ARTICLE_READER (widget);
  NhsEvidence *evidence = current_evidence (self);
  NhsSource *source = evidence ? nhs_evidence_get_source (evidence) : NULL;
  const char *url = source ? nhs_source_get_url (source) : NULL;

  if (url == NULL || *url == '\0')
    return;
  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), url);
}

/* GObject overrides */

static void
nhs_article_reader_dispose (GObject *object)
{
  NhsArticleReader *self = NHS_ARTICLE_READER (object);

  if (self->flash_tick_id != 0 && self->text_view != NULL)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self->text_view), self->flash_tick_id);
  self->flash_tick_id = 0;
  g_clear_handle_id (&self->reaim_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), NHS_TYPE_ARTICLE_READER);
  g_clear_object (&self->article_selection);
  g_clear_object (&self->article_slice);
  g_clear_object (&self->settings);
  g_clear_object (&self->event);
  g_clear_object (&self->article);
  g_clear_object (&self->dataset);
  G_OBJECT_CLASS (nhs_article_reader_parent_class)->dispose (object);
}

static void
nhs_article_reader_finalize (GObject *object)
{
  NhsArticleReader *self = NHS_ARTICLE_READER (object);

  g_clear_pointer (&self->quotes, g_array_unref);
  G_OBJECT_CLASS (nhs_article_reader_parent_class)->finalize (object);
}

static void
nhs_article_reader_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  NhsArticleReader *self = NHS_ARTICLE_READER (object);

  switch (prop_id)
    {
    case PROP_FONT_SCALE:
      g_value_set_double (value, self->font_scale);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nhs_article_reader_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  NhsArticleReader *self = NHS_ARTICLE_READER (object);

  switch (prop_id)
    {
    case PROP_FONT_SCALE:
      set_font_scale (self, g_value_get_double (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* Widget overrides */

static void
nhs_article_reader_measure (GtkWidget      *widget,
                            GtkOrientation  orientation,
                            int             for_size,
                            int            *minimum,
                            int            *natural,
                            int            *minimum_baseline,
                            int            *natural_baseline)
{
  NhsArticleReader *self = NHS_ARTICLE_READER (widget);

  gtk_widget_measure (self->box, orientation, for_size, minimum, natural, minimum_baseline, natural_baseline);
}

static void
nhs_article_reader_size_allocate (GtkWidget *widget,
                                  int        width,
                                  int        height,
                                  int        baseline)
{
  NhsArticleReader *self = NHS_ARTICLE_READER (widget);

  update_text_margins (self, width);
  gtk_widget_allocate (self->box, width, height, baseline, NULL);
}

static void
nhs_article_reader_css_changed (GtkWidget         *widget,
                                GtkCssStyleChange *change)
{
  NhsArticleReader *self = NHS_ARTICLE_READER (widget);

  GTK_WIDGET_CLASS (nhs_article_reader_parent_class)->css_changed (widget, change);
  update_palette (self);
  self->char_width = 0;
  gtk_widget_queue_allocate (widget);
}

static void
nhs_article_reader_class_init (NhsArticleReaderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = nhs_article_reader_dispose;
  object_class->finalize = nhs_article_reader_finalize;
  object_class->get_property = nhs_article_reader_get_property;
  object_class->set_property = nhs_article_reader_set_property;

  widget_class->measure = nhs_article_reader_measure;
  widget_class->size_allocate = nhs_article_reader_size_allocate;
  widget_class->css_changed = nhs_article_reader_css_changed;

  properties[PROP_FONT_SCALE] =
    g_param_spec_double ("font-scale", NULL, NULL, MIN_FONT_SCALE, MAX_FONT_SCALE, 1.0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[EVENT_ACTIVATED] =
    g_signal_new ("event-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, NHS_TYPE_EVENT);

  gtk_widget_class_install_action (widget_class, "reader.find", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "reader.find-next", NULL, find_next_action);
  gtk_widget_class_install_action (widget_class, "reader.find-previous", NULL, find_previous_action);
  gtk_widget_class_install_action (widget_class, "reader.zoom-in", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "reader.zoom-out", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "reader.zoom-reset", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "reader.previous-evidence", NULL, step_evidence_action);
  gtk_widget_class_install_action (widget_class, "reader.next-evidence", NULL, step_evidence_action);
  gtk_widget_class_install_action (widget_class, "reader.open-source", NULL, open_source_action);
  gtk_widget_class_install_action (widget_class, "reader.copy-link", NULL, copy_link_action);

  /* Ctrl+F here finds in the article; the window's Ctrl+F searches events */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "reader.find", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_g, GDK_CONTROL_MASK, "reader.find-next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_g, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "reader.find-previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, "reader.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "reader.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK, "reader.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, GDK_CONTROL_MASK, "reader.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK, "reader.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, GDK_CONTROL_MASK, "reader.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, "reader.zoom-reset", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_0, GDK_CONTROL_MASK, "reader.zoom-reset", NULL);

  g_type_ensure (NHS_TYPE_FIND_BAR);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/NhsDispute/ui/nhs-article-reader.ui");
  gtk_widget_class_bind_template_child (widget_class, NhsArticleReader, box);
  gtk_widget_class_bind_template_child (widget_class, NhsArticleReader, article_scroller);
  gtk_widget_class_bind_template_child (widget_class, NhsArticleReader, article_list);
  gtk_widget_class_bind_template_child (widget_class, NhsArticleReader, evidence_revealer);
  gtk_widget_class_bind_template_child (widget_class, NhsArticleReader, evidence_count_label);
  gtk_widget_class_bind_template_child (widget_class, NhsArticleReader, evidence_event_label);
  gtk_widget_class_bind_template_child (widget_class, NhsArticleReader, source_card);
  gtk_widget_class_bind_template_child (widget_class, NhsArticleReader, source_title_label);
  gtk_widget_class_bind_template_child (widget_class, NhsArticleReader, source_meta_label);
  gtk_widget_class_bind_template_child (widget_class, NhsArticleReader, source_quote_label);
  gtk_widget_class_bind_template_child (widget_class, NhsArticleReader, open_link_button);
  gtk_widget_class_bind_template_child (widget_class, NhsArticleReader, copy_link_button);
  gtk_widget_class_bind_template_child (widget_class, NhsArticleReader, previous_evidence_button);
  gtk_widget_class_bind_template_child (widget_class, NhsArticleReader, next_evidence_button);
  gtk_widget_class_bind_template_child (widget_class, NhsArticleReader, find_bar);
  gtk_widget_class_bind_template_child (widget_class, NhsArticleReader, stack);
  gtk_widget_class_bind_template_child (widget_class, NhsArticleReader, text_view);
  gtk_widget_class_bind_template_callback (widget_class, article_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, evidence_revealed_cb);

  gtk_widget_class_set_css_name (widget_class, "articlereader");
}

static void
create_tags (NhsArticleReader *self)
{
  /* later tags win: quotes over figures, the current quote over quotes,
   * the flash over both; the find bar's matches (its own tags, made
   * after these) over everything */
  self->base_tag = gtk_text_buffer_create_tag (self->buffer, "base", NULL);
  self->title_tag = gtk_text_buffer_create_tag (self->buffer, "title",
                                                "weight", PANGO_WEIGHT_BOLD,
                                                "pixels-below-lines", 6,
                                                NULL);
  self->meta_tag = gtk_text_buffer_create_tag (self->buffer, "meta",
                                               "pixels-below-lines", 20,
                                               NULL);
  self->figure_tag = gtk_text_buffer_create_tag (self->buffer, "figure",
                                                 "underline", PANGO_UNDERLINE_SINGLE,
                                                 NULL);
  self->quote_tag = gtk_text_buffer_create_tag (self->buffer, "quote", NULL);
  self->current_tag = gtk_text_buffer_create_tag (self->buffer, "quote-current", NULL);
  self->flash_tag = gtk_text_buffer_create_tag (self->buffer, "flash", NULL);
}

static void
nhs_article_reader_init (NhsArticleReader *self)
{
  g_autoptr(GtkListItemFactory) factory = NULL;
  GtkEventController *controller;
  GtkTextIter start;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->quotes = g_array_new (FALSE, FALSE, sizeof (QuoteRange));
  self->font_scale = 1.0;

  self->buffer = gtk_text_view_get_buffer (self->text_view);
  create_tags (self);
  nhs_find_bar_set_view (self->find_bar, self->text_view);
  gtk_text_buffer_get_start_iter (self->buffer, &start);
  self->quote_mark = gtk_text_buffer_create_mark (self->buffer, "quote", &start, TRUE);
  update_palette (self);
  apply_font_scale (self);

  self->article_slice = gtk_slice_list_model_new (NULL, 0, G_MAXUINT);
  self->article_selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->article_slice)));
  gtk_single_selection_set_autoselect (self->article_selection, FALSE);
  gtk_single_selection_set_can_unselect (self->article_selection, TRUE);
  factory = nhs_article_rows_factory_new (self);
  gtk_list_view_set_factory (self->article_list, factory);
  gtk_list_view_set_model (self->article_list, GTK_SELECTION_MODEL (self->article_selection));
  nhs_focus_list_one_tab_stop (GTK_WIDGET (self->article_list));
  g_signal_connect_object (self->article_selection, "notify::selected-item",
                           G_CALLBACK (article_selected_cb), self, G_CONNECT_SWAPPED);

  g_signal_connect_object (self->text_view, "query-tooltip", G_CALLBACK (query_tooltip_cb), self, G_CONNECT_SWAPPED);
  controller = GTK_EVENT_CONTROLLER (gtk_gesture_click_new ());
  g_signal_connect_object (controller, "released", G_CALLBACK (click_released_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->text_view), controller);
  controller = gtk_event_controller_motion_new ();
  g_signal_connect_object (controller, "motion", G_CALLBACK (motion_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->text_view), controller);
  controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect_object (controller, "key-pressed", G_CALLBACK (text_key_pressed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->text_view), controller);

  self->settings = g_settings_new (APP_ID);
  g_settings_bind_with_mapping (self->settings, "reader-font-scale", self, "font-scale", G_SETTINGS_BIND_DEFAULT,
                                font_scale_from_setting, NULL, NULL, NULL);

  update_evidence_bar (self);
  gtk_stack_set_visible_child_name (self->stack, "empty");
}

/* Public API */

GtkWidget *
nhs_article_reader_new (void)
{
  return g_object_new (NHS_TYPE_ARTICLE_READER, NULL);
}

void
nhs_article_reader_set_dataset (NhsArticleReader *self,
                                NhsDataset       *dataset)
{
  GListModel *articles;
  gboolean any;

  g_return_if_fail (NHS_IS_ARTICLE_READER (self));
  g_return_if_fail (dataset == NULL || NHS_IS_DATASET (dataset));

  if (self->dataset == dataset)
    return;

  g_clear_object (&self->event);
  g_clear_object (&self->article);
  self->evidence_index = 0;
  load_article (self);
  g_set_object (&self->dataset, dataset);

  articles = dataset ? nhs_dataset_get_articles (dataset) : NULL;
  any = articles != NULL && g_list_model_get_n_items (articles) > 0;
  self->syncing = TRUE;
  gtk_slice_list_model_set_model (self->article_slice, articles);
  self->syncing = FALSE;
  gtk_widget_set_visible (self->article_scroller, any);
  gtk_stack_set_visible_child_name (self->stack, any ? "text" : "empty");
  update_evidence_bar (self);

  if (any)
    {
      g_autoptr(NhsArticle) first = g_list_model_get_item (articles, 0);
      nhs_article_reader_show_article (self, first);
    }
}

void
nhs_article_reader_show_article (NhsArticleReader *self,
                                 NhsArticle       *article)
{
  g_return_if_fail (NHS_IS_ARTICLE_READER (self));
  g_return_if_fail (article == NULL || NHS_IS_ARTICLE (article));

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "source") == 0)
    gtk_stack_set_visible_child_name (self->stack, "text");
  if (self->article == article)
    {
      select_article_in_list (self);
      return;
    }
  g_set_object (&self->article, article);
  load_article (self);
  select_article_in_list (self);
}

/* The document changed the quotes filed under the article: mark them
 * again, without moving the text */
void
nhs_article_reader_update_quotes (NhsArticleReader *self)
{
  g_return_if_fail (NHS_IS_ARTICLE_READER (self));

  requote (self);
  mark_current_quote (self);
}

NhsArticle *
nhs_article_reader_get_article (NhsArticleReader *self)
{
  g_return_val_if_fail (NHS_IS_ARTICLE_READER (self), NULL);
  return self->article;
}

void
nhs_article_reader_show_event (NhsArticleReader *self,
                               NhsEvent         *event)
{
  g_return_if_fail (NHS_IS_ARTICLE_READER (self));
  g_return_if_fail (event == NULL || NHS_IS_EVENT (event));

  if (self->event == event)
    return;
  g_set_object (&self->event, event);
  self->evidence_index = event ? preferred_evidence_index (event) : 0;
  show_current_evidence (self, TRUE);
}

NhsEvent *
nhs_article_reader_get_event (NhsArticleReader *self)
{
  g_return_val_if_fail (NHS_IS_ARTICLE_READER (self), NULL);
  return self->event;
}

gboolean
nhs_article_reader_show_evidence (NhsArticleReader *self,
                                  guint             index)
{
  g_return_val_if_fail (NHS_IS_ARTICLE_READER (self), FALSE);

  if (self->event == NULL || index >= nhs_event_get_evidence (self->event)->len)
    return FALSE;
  self->evidence_index = index;
  show_current_evidence (self, TRUE);
  return TRUE;
}

NhsEvidence *
nhs_article_reader_get_evidence (NhsArticleReader *self)
{
  g_return_val_if_fail (NHS_IS_ARTICLE_READER (self), NULL);
  return current_evidence (self);
}

void
nhs_article_reader_reveal (NhsArticleReader *self)
{
  NhsEvidence *evidence;

  g_return_if_fail (NHS_IS_ARTICLE_READER (self));

  show_current_evidence (self, TRUE);
  evidence = current_evidence (self);
  if (evidence != NULL && nhs_evidence_get_source (evidence) != NULL && gtk_widget_get_visible (self->open_link_button))
    gtk_widget_grab_focus (self->open_link_button);
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->text_view));
}

void
nhs_article_reader_focus_text (NhsArticleReader *self)
{
  g_return_if_fail (NHS_IS_ARTICLE_READER (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->text_view));
}

/* Private API */

/* Lists only the first @limit articles (G_MAXUINT: all of them): GTK 4.8
 * makes a row for up to 200 articles at once when the list is filled,
 * more than a frame's work, so a window handing over a new dataset
 * raises the limit a few rows a frame. An article shown past the limit
 * lifts it. */
void
_nhs_article_reader_limit_articles (NhsArticleReader *self,
                                    guint             limit)
{
  g_return_if_fail (NHS_IS_ARTICLE_READER (self));
  gtk_slice_list_model_set_size (self->article_slice, limit);
}

NhsDataset *
_nhs_article_reader_get_dataset (NhsArticleReader *self)
{
  g_return_val_if_fail (NHS_IS_ARTICLE_READER (self), NULL);
  return self->dataset;
}

guint
_nhs_article_reader_get_n_listed (NhsArticleReader *self)
{
  g_return_val_if_fail (NHS_IS_ARTICLE_READER (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->article_slice));
}

/* Private API, for the tests */

GtkTextView *
nhs_article_reader_get_text_view (NhsArticleReader *self)
{
  return self->text_view;
}

int
nhs_article_reader_get_body_offset (NhsArticleReader *self)
{
  return self->body_offset;
}

gboolean
nhs_article_reader_activate_at_offset (NhsArticleReader *self,
                                       int               offset)
{
  const QuoteRange *range = quote_at_offset (self, offset);

  return range != NULL && activate_quote (self, range);
}

GtkEditable *
nhs_article_reader_get_find_entry (NhsArticleReader *self)
{
  return nhs_find_bar_get_entry (self->find_bar);
}

GtkLabel *
nhs_article_reader_get_find_count_label (NhsArticleReader *self)
{
  return nhs_find_bar_get_count_label (self->find_bar);
}

GtkLabel *
nhs_article_reader_get_source_title_label (NhsArticleReader *self)
{
  return self->source_title_label;
}

GtkWidget *
nhs_article_reader_get_open_link_button (NhsArticleReader *self)
{
  return self->open_link_button;
}

void
nhs_article_reader_refresh (NhsArticleReader *self)
{
  NhsEvidence *evidence;
  const QuoteRange *range;
  int start = -1;

  g_return_if_fail (NHS_IS_ARTICLE_READER (self));

  if (self->event != NULL && self->evidence_index >= nhs_event_get_evidence (self->event)->len)
    self->evidence_index = preferred_evidence_index (self->event);
  requote (self);
  /* the text moves to the quote only when the quote shown is another */
  evidence = current_evidence (self);
  range = evidence && nhs_evidence_get_article (evidence) == self->article ? find_quote_range (self, evidence) : NULL;
  if (range != NULL)
    {
      GtkTextIter iter;

      gtk_text_buffer_get_iter_at_mark (self->buffer, &iter, self->quote_mark);
      start = gtk_text_iter_get_offset (&iter);
    }
  show_current_evidence (self, range == NULL || range->start != start);
}

GtkWidget *
nhs_article_reader_get_copy_link_button (NhsArticleReader *self)
{
  return self->copy_link_button;
}

GtkWidget *
nhs_article_reader_get_evidence_button (NhsArticleReader *self,
                                        gboolean          next)
{
  return next ? self->next_evidence_button : self->previous_evidence_button;
}

GtkLabel *
nhs_article_reader_get_evidence_count_label (NhsArticleReader *self)
{
  return self->evidence_count_label;
}

gboolean
nhs_article_reader_shows_text (NhsArticleReader *self)
{
  return g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "text") == 0;
}

char *
nhs_article_reader_dup_selected_quote (NhsArticleReader *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  g_return_val_if_fail (NHS_IS_ARTICLE_READER (self), NULL);

  buffer = gtk_text_view_get_buffer (nhs_article_reader_get_text_view (self));
  if (nhs_article_reader_get_article (self) == NULL ||
      !gtk_text_buffer_get_selection_bounds (buffer, &start, &end) ||
      gtk_text_iter_get_offset (&end) <= self->body_offset)
    return NULL;
  /* the title and date above the body are not the article's words */
  if (gtk_text_iter_get_offset (&start) < self->body_offset)
    gtk_text_buffer_get_iter_at_offset (buffer, &start, self->body_offset);
  return gtk_text_buffer_get_text (buffer, &start, &end, TRUE);
}
