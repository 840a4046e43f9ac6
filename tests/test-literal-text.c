/* test-literal-text.c: text that looks like markup shows as written
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * tests/data/markup.json holds "<b>bold</b>", "&amp;", a lone "&" and "<",
 * "<span foreground=…>" and "<i>" in every text the app shows: group
 * names, event titles, summaries and outcomes, quotes and notes, article
 * titles, bodies and publishers, source titles and publishers, figure
 * labels and claimants. Each must reach the person character for
 * character: in the list's cells, the reader's text and labels, the
 * tooltips of the list, the chart and the reader, and the text drawn into
 * an exported chart. Had any of them gone through Pango markup, the tags
 * would vanish (or, for "& " and a lone "<", the whole text), and these
 * comparisons fail.
 */
/* memmem () */
#define _GNU_SOURCE

#include "config.h"

#include <gtk/gtk.h>
#include <string.h>

#include "nhs-chart-export.h"
#include "nhs-chart-view.h"
#include "nhs-text-cell-private.h"
#include "test-ui-util.h"
#include "test-util.h"
#include "test-window-util.h"

/* Helpers {{{ */

static NhsWindow *
new_window_on_markup (void)
{
  return new_window_on_data ("markup.json", FALSE);
}

/* Every descendant of widget of the type, depth first */
static void
collect (GtkWidget *widget,
         GType      type,
         GPtrArray *out)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    g_ptr_array_add (out, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect (child, type, out);
}

/* The widget of the type under widget whose get_text gives exactly text,
 * or NULL */
static GtkWidget *
find_showing (GtkWidget    *widget,
              GType         type,
              const char *(*get_text) (gpointer),
              const char   *text)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  collect (widget, type, found);
  for (guint i = 0; i < found->len; i++)
    if (g_strcmp0 (get_text (g_ptr_array_index (found, i)), text) == 0)
      return g_ptr_array_index (found, i);
  g_error ("no %s shows “%s”", g_type_name (type), text);
  return NULL;
}

/* The GtkLabel under widget showing exactly text, as plain text */
static GtkLabel *
find_label (GtkWidget  *widget,
            const char *text)
{
  GtkLabel *label = GTK_LABEL (find_showing (widget, GTK_TYPE_LABEL, (gpointer) gtk_label_get_text, text));

  g_assert_false (gtk_label_get_use_markup (label));
  g_assert_cmpstr (gtk_label_get_label (label), ==, text);
  return label;
}

/* The list's text cell under widget showing exactly text, drawn as plain
 * text: the layout holds the text itself, with no attribute but the
 * tabular figures of numeric cells */
static GtkWidget *
find_inscription (GtkWidget  *widget,
                  const char *text)
{
  GtkWidget *cell = find_showing (widget, NHS_TYPE_TEXT_CELL, (gpointer) nhs_text_cell_get_text, text);
  PangoLayout *layout = nhs_text_cell_get_layout (NHS_TEXT_CELL (cell));
  PangoAttrList *attrs = pango_layout_get_attributes (layout);

  g_assert_cmpstr (pango_layout_get_text (layout), ==, text);
  if (attrs != NULL)
    {
      g_autoptr(GSList) list = pango_attr_list_get_attributes (attrs);

      for (GSList *l = list; l != NULL; l = l->next)
        {
          g_assert_cmpint (((PangoAttribute *) l->data)->klass->type, ==, PANGO_ATTR_FONT_FEATURES);
          pango_attribute_destroy (l->data);
        }
    }
  return cell;
}

static gboolean
list_has_rows (gpointer data)
{
  NhsWindow *window = data;
  GtkWidget *view = GTK_WIDGET (nhs_event_list_get_column_view (nhs_window_get_event_list (window)));
  g_autoptr(GPtrArray) inscriptions = g_ptr_array_new ();

  collect (view, NHS_TYPE_TEXT_CELL, inscriptions);
  /* the six columns of the three events */
  return inscriptions->len >= 3 * 5;
}

/* What the tooltip @widget gives at (x, y) shows. Whether it went in as
 * text or as escaped markup (gtk_widget_set_tooltip_text () does that) does
 * not matter; what the person reads does. */
static char *
tooltip_at (GtkWidget *widget,
            int        x,
            int        y,
            gboolean   keyboard)
{
  return test_widget_query_tooltip (widget, x, y, keyboard, NULL);
}

/* }}} */
/* The event list {{{ */

static void
test_list (void)
{
  NhsWindow *window = new_window_on_markup ();
  NhsEventList *list = nhs_window_get_event_list (window);
  GtkWidget *view = GTK_WIDGET (nhs_event_list_get_column_view (list));
  GListModel *groups = nhs_dataset_get_groups (nhs_window_get_dataset (window));
  const char *ids[] = { "rd-2024-01", "cons-offer", "sas-strike" };

  wait_until (list_has_rows, window);

  /* the window's title */
  g_assert_false (gtk_label_get_use_markup (nhs_window_get_title_label (window)));
  g_assert_cmpstr (gtk_label_get_text (nhs_window_get_title_label (window)), ==, "Markup <b>test</b> & co");

  /* each row's title (with its status) and groups, as written */
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      NhsEvent *event = lookup (window, ids[i]);
      g_autofree char *groups_label = nhs_event_dup_groups_label (event);

      NhsEventStatus status = nhs_event_get_status (event);
      g_autofree char *title = status != NHS_EVENT_STATUS_HAPPENED
                               ? g_strdup_printf ("%s (%s)", nhs_event_get_title (event), nhs_event_status_to_label (status))
                               : g_strdup (nhs_event_get_title (event));

      find_inscription (view, title);
      find_inscription (view, groups_label);
    }
  g_assert_cmpstr (nhs_event_get_title (lookup (window, "rd-2024-01")), ==, "Walkout <b>six</b> days & nights");
  /* the called-off walkout's title carries its status */
  find_inscription (view, "SAS <b>walkout</b> &amp; called off (Called off)");
  find_inscription (view, "S&A<S>, Cons & <u>");
  find_inscription (view, "<i>Res</i> &amp;");

  /* the group toggles: the short name on the button, the name in its
   * tooltip */
  for (guint i = 0; i < g_list_model_get_n_items (groups); i++)
    {
      g_autoptr(NhsGroup) group = g_list_model_get_item (groups, i);
      GtkWidget *toggle = GTK_WIDGET (nhs_event_list_get_group_toggle (list, nhs_group_get_id (group)));
      g_autofree char *expected = g_strdup_printf ("Show events of %s", nhs_group_get_name (group));
      g_autofree char *tooltip = tooltip_at (toggle, 2, 2, FALSE);

      find_label (toggle, nhs_group_get_short_name (group));
      g_assert_cmpstr (tooltip, ==, expected);
    }
  close_window (window);
}

/* The title cell's tooltip: the title (and status), then the summary */
static void
test_list_tooltips (void)
{
  NhsWindow *window = new_window_on_markup ();
  GtkWidget *view = GTK_WIDGET (nhs_event_list_get_column_view (nhs_window_get_event_list (window)));
  g_autofree char *walkout = NULL;
  g_autofree char *called_off = NULL;
  g_autofree char *title = NULL;

  wait_until (list_has_rows, window);
  walkout = tooltip_at (find_inscription (view, "Walkout <b>six</b> days & nights"), 2, 2, FALSE);
  g_assert_cmpstr (walkout, ==, "Walkout <b>six</b> days & nights\n"
                                "Summary with <span foreground=\"red\">red</span>, &amp; and a lone <");
  called_off = tooltip_at (find_inscription (view, "SAS <b>walkout</b> &amp; called off (Called off)"), 2, 2, TRUE);
  g_assert_cmpstr (called_off, ==, "SAS <b>walkout</b> &amp; called off (Called off)\n"
                                   "Called off & <b>not</b> held");
  title = tooltip_at (GTK_WIDGET (nhs_window_get_title_label (window)), 2, 2, FALSE);
  g_assert_cmpstr (title, ==, "Markup <b>test</b> & co");
  close_window (window);
}

/* }}} */
/* The reader {{{ */

static void
test_reader (void)
{
  NhsWindow *window = new_window_on_markup ();
  NhsArticleReader *reader = nhs_window_get_reader (window);
  GtkWidget *widget = GTK_WIDGET (reader);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (nhs_article_reader_get_text_view (reader));
  NhsDataset *dataset = nhs_window_get_dataset (window);
  NhsArticle *one = nhs_dataset_lookup_article (dataset, "art-one");
  NhsArticle *two = nhs_dataset_lookup_article (dataset, "art-two");
  NhsEvent *walkout = lookup (window, "rd-2024-01");
  NhsEvidence *quote = g_ptr_array_index (nhs_event_get_evidence (walkout), 0);
  int offset;
  g_autofree char *title = NULL;
  g_autofree char *body = NULL;
  g_autofree char *quoted = NULL;

  click_row (window, "rd-2024-01");
  g_assert_true (nhs_article_reader_get_article (reader) == one);

  /* the buffer: the title first, then (after the date) the body, verbatim */
  offset = nhs_article_reader_get_body_offset (reader);
  title = buffer_slice (buffer, 0, g_utf8_strlen (nhs_article_get_title (one), -1));
  g_assert_cmpstr (title, ==, "<b>Strike</b> ends & talks resume");
  body = buffer_slice (buffer, offset, gtk_text_buffer_get_char_count (buffer));
  g_assert_cmpstr (body, ==, nhs_article_get_body (one));
  g_assert_nonnull (strstr (body, "<b>six full days</b> & nights"));
  g_assert_nonnull (strstr (body, "A lone < and a lone > and </i> close nothing."));
  /* the quote's highlight spells the quote */
  quoted = buffer_slice (buffer, offset + nhs_evidence_get_quote_start (quote),
                         offset + nhs_evidence_get_quote_end (quote));
  g_assert_cmpstr (quoted, ==, "<b>six full days</b> & nights");

  /* the list of articles */
  find_label (widget, nhs_article_get_title (one));
  find_label (widget, nhs_article_get_title (two));
  find_label (widget, "Offer <i>rejected</i> &lt;again&gt;");
  /* the evidence bar names the event */
  find_label (widget, "Walkout <b>six</b> days & nights");

  /* the second piece of evidence, a source: its title, publisher, quote
   * and note */
  g_assert_true (nhs_article_reader_show_evidence (reader, 1));
  g_assert_true (find_label (widget, "<b>BMA</b> strike notice & update") ==
                 nhs_article_reader_get_source_title_label (reader));
  find_label (widget, "British <i>Medical</i> Association &amp; co · 2 Jan 2024");
  find_label (widget, "“Notice <b>given</b> & served”\nNote &amp; <i>aside</i>");

  /* another article, another body */
  nhs_article_reader_show_article (reader, two);
  settle (window);
  offset = nhs_article_reader_get_body_offset (reader);
  g_free (body);
  body = buffer_slice (buffer, offset, gtk_text_buffer_get_char_count (buffer));
  g_assert_cmpstr (body, ==, "Consultants rejected the offer <u>by 83%</u> & more.\nNothing here is <markup/>.");
  close_window (window);
}

static gboolean
text_view_laid_out (gpointer data)
{
  GtkTextView *view = data;
  GdkRectangle visible;

  gtk_text_view_get_visible_rect (view, &visible);
  return gtk_widget_get_mapped (GTK_WIDGET (view)) && visible.width > 100 && visible.height > 50;
}

/* The tooltip over a quote names what it is evidence for */
static void
test_reader_tooltip (void)
{
  NhsWindow *window = new_window_on_markup ();
  NhsArticleReader *reader = nhs_window_get_reader (window);
  GtkTextView *view = nhs_article_reader_get_text_view (reader);
  NhsDataset *dataset = nhs_window_get_dataset (window);
  NhsFigure *figure = nhs_dataset_lookup_figure (dataset, "offer-cons");
  g_autofree char *value = nhs_figure_format_value (figure);
  g_autofree char *expected = NULL;
  g_autofree char *tooltip = NULL;
  g_autofree char *outside = NULL;
  GdkRectangle location;
  GtkTextIter iter;
  int x, y;

  nhs_article_reader_show_article (reader, nhs_dataset_lookup_article (dataset, "art-two"));
  settle (window);
  wait_until (text_view_laid_out, view);

  /* "rejected": inside the figure's quote ("Consultants rejected") and the
   * offer's ("rejected the offer <u>by 83%</u> & more") */
  gtk_text_buffer_get_iter_at_offset (gtk_text_view_get_buffer (view), &iter,
                                      nhs_article_reader_get_body_offset (reader) + 15);
  gtk_text_view_get_iter_location (view, &iter, &location);
  gtk_text_view_buffer_to_window_coords (view, GTK_TEXT_WINDOW_WIDGET,
                                         location.x + 1, location.y + location.height / 2, &x, &y);
  tooltip = tooltip_at (GTK_WIDGET (view), x, y, FALSE);
  expected = g_strdup_printf ("Evidence for the figure “Offer <i>4.95%%</i> & rest” (%s)\n"
                              "of “Offer to <i>consultants</i> & SAS”\n"
                              "Evidence for “Offer to <i>consultants</i> & SAS”\n"
                              "Click to select the event", value);
  g_assert_cmpstr (tooltip, ==, expected);

  /* and none over the second paragraph, which no one quotes */
  gtk_text_buffer_get_end_iter (gtk_text_view_get_buffer (view), &iter);
  gtk_text_iter_backward_chars (&iter, 3);
  gtk_text_view_get_iter_location (view, &iter, &location);
  gtk_text_view_buffer_to_window_coords (view, GTK_TEXT_WINDOW_WIDGET,
                                         location.x + 1, location.y + location.height / 2, &x, &y);
  outside = tooltip_at (GTK_WIDGET (view), x, y, FALSE);
  g_assert_null (outside);
  close_window (window);
}

/* }}} */
/* The chart {{{ */

/* Each line of a tooltip, which must hold want (in order, each once) */
static void
assert_lines (const char         *text,
              const char * const *want)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  guint at = 0;

  for (guint i = 0; want[i]; i++)
    {
      while (lines[at] != NULL && g_strcmp0 (lines[at], want[i]) != 0)
        at++;
      if (lines[at] == NULL)
        g_error ("the tooltip “%s” has no line “%s”", text, want[i]);
    }
}

static gboolean
chart_drawn (gpointer data)
{
  GtkWidget *chart = data;

  return gtk_widget_get_mapped (chart) && gtk_widget_get_width (chart) > 300 && gtk_widget_get_height (chart) > 150;
}

static void
test_chart_tooltips (void)
{
  NhsWindow *window = new_window_on_markup ();
  GtkWidget *chart = test_widget_find_descendant (GTK_WIDGET (window), NHS_TYPE_CHART_VIEW);
  const char *walkout[] = {
    "Walkout <b>six</b> days & nights",
    "<i>Ended</i> & settled",
    "Source: The <i>Paper</i> &amp; Co; British <i>Medical</i> Association &amp; co",
    NULL
  };
  /* what the pointer finds somewhere on the chart: the pay award's step,
   * the offer's point and a group in the legend, each with its lines */
  const char *award[] = {
    "Pay award: 8.8% \xc2\xb7 <i>Res</i> &amp;", "Award <b>8.8%</b> & more", "&amp; basis <span>",
    "Claimant: <i>BMA</i> & co", "Source: DHSC & \"partners\"", NULL
  };
  const char *offer[] = {
    "Pay offer: 4.95% \xc2\xb7 Cons & <u>", "Offer <i>4.95%</i> & rest", "Claimant: DHSC & <b>",
    "Source: Gov &amp; <b>News</b>", NULL
  };
  const char *legend[] = { "Resident <b>doctors</b> & co", NULL };
  const char * const *wanted[] = { award, offer, legend };
  gboolean found[G_N_ELEMENTS (wanted)] = { FALSE, };
  g_autofree char *text = NULL;

  g_assert_nonnull (chart);
  wait_until (chart_drawn, chart);

  /* the keyboard's event: the walkout, first in time */
  g_assert_true (gtk_widget_activate_action (chart, "chart.next-event", NULL));
  g_assert_true (nhs_chart_view_get_cursor_event (NHS_CHART_VIEW (chart)) == lookup (window, "rd-2024-01"));
  text = tooltip_at (chart, 0, 0, TRUE);
  g_assert_nonnull (text);
  assert_lines (text, walkout);
  g_assert_nonnull (strstr (text, "<i>Res</i> &amp;"));

  /* the pointer, across the chart */
  for (int y = 0; y < gtk_widget_get_height (chart); y += 2)
    for (int x = 0; x < gtk_widget_get_width (chart); x += 2)
      {
        g_autofree char *at = tooltip_at (chart, x, y, FALSE);

        for (guint i = 0; at != NULL && i < G_N_ELEMENTS (wanted); i++)
          if (!found[i] && g_str_has_prefix (at, wanted[i][0]))
            {
              assert_lines (at, wanted[i]);
              found[i] = TRUE;
            }
      }
  for (guint i = 0; i < G_N_ELEMENTS (wanted); i++)
    if (!found[i])
      g_error ("no tooltip on the chart starts “%s”", wanted[i][0]);
  close_window (window);
}

/* A PDF's content streams, inflated: what cairo writes them as */
static GPtrArray *
pdf_streams (GBytes *pdf)
{
  gsize len;
  const char *data = g_bytes_get_data (pdf, &len);
  const char *end = data + len;
  GPtrArray *streams = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);

  /* binary data: memmem, not g_strstr_len, which stops at a NUL */
  for (const char *p = data; (p = memmem (p, end - p, "stream", 6)) != NULL; p++)
    {
      const char *start = p + strlen ("stream");
      const char *stop;
      g_autoptr(GZlibDecompressor) inflater = NULL;
      g_autoptr(GInputStream) raw = NULL;
      g_autoptr(GInputStream) in = NULL;
      g_autoptr(GOutputStream) out = NULL;

      if (p > data && p[-1] == 'd')   /* "endstream" */
        continue;
      if (start < end && *start == '\r')
        start++;
      if (start >= end || *start != '\n')
        continue;
      start++;
      stop = memmem (start, end - start, "endstream", 9);
      if (stop == NULL)
        break;
      inflater = g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_ZLIB);
      raw = g_memory_input_stream_new_from_data (start, stop - start, NULL);
      in = g_converter_input_stream_new (raw, G_CONVERTER (inflater));
      out = g_memory_output_stream_new_resizable ();
      /* not every stream is deflated (fonts may be); those are skipped */
      if (g_output_stream_splice (out, in, G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET, NULL, NULL) >= 0)
        g_ptr_array_add (streams, g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (out)));
      p = stop;
    }
  return streams;
}

/* A literal string "(…)" at *p, its escapes undone, as bytes; *p moves
 * past it */
static void
read_pdf_string (const char **p,
                 const char  *end,
                 GString     *out)
{
  int depth = 1;

  for ((*p)++; *p < end; (*p)++)
    {
      char c = **p;

      if (c == '\\' && *p + 1 < end)
        {
          char e = *++(*p);
          if (e >= '0' && e <= '7')
            {
              int v = 0;
              for (int k = 0; k < 3 && *p < end && **p >= '0' && **p <= '7'; k++, (*p)++)
                v = v * 8 + (**p - '0');
              (*p)--;
              g_string_append_c (out, (char) v);
            }
          else
            g_string_append_c (out, e == 'n' ? '\n' : e == 'r' ? '\r' : e == 't' ? '\t' :
                                    e == 'b' ? '\b' : e == 'f' ? '\f' : e);
          continue;
        }
      if (c == '(')
        depth++;
      else if (c == ')' && --depth == 0)
        {
          (*p)++;
          return;
        }
      g_string_append_c (out, c);
    }
}

/* A hex string "<feff…>" at *p as UTF-16BE (an /ActualText), appended as
 * UTF-8; *p moves past it */
static void
read_pdf_utf16 (const char **p,
                const char  *end,
                GString     *out)
{
  const char *close = memchr (*p, '>', end - *p);
  g_autofree char *hex = g_strndup (*p + 1, close ? close - *p - 1 : 0);
  guint32 pending = 0;

  *p = close ? close + 1 : end;
  for (gsize i = 0; i + 4 <= strlen (hex); i += 4)
    {
      char unit_text[5] = { hex[i], hex[i + 1], hex[i + 2], hex[i + 3], 0 };
      guint32 unit = (guint32) g_ascii_strtoull (unit_text, NULL, 16);

      if (i == 0 && unit == 0xfeff)
        continue;
      if (unit >= 0xd800 && unit < 0xdc00)
        pending = unit;
      else if (unit >= 0xdc00 && unit < 0xe000 && pending)
        {
          g_string_append_unichar (out, 0x10000 + ((pending - 0xd800) << 10) + (unit - 0xdc00));
          pending = 0;
        }
      else
        g_string_append_unichar (out, unit);
    }
}

/* The text a PDF made by cairo draws: for each text object (BT … ET), the
 * characters of its strings joined, one text object a line. cairo puts
 * the glyphs of Latin text in fonts whose codes are their WinAnsi (here:
 * Latin-1) characters, so ASCII text reads back as written; where glyphs
 * stand for other text (a ligature such as "fi"), it says which in an
 * /ActualText span, read instead of the glyphs; other glyphs (hex strings)
 * read as "?". Enough for cairo's output; no PDF reader. */
static char *
pdf_drawn_text (GBytes *pdf)
{
  g_autoptr(GPtrArray) streams = pdf_streams (pdf);
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < streams->len; i++)
    {
      gsize len;
      const char *p = g_bytes_get_data (g_ptr_array_index (streams, i), &len);
      const char *end = p + len;
      gboolean in_text = FALSE;
      gboolean replaced = FALSE;      /* inside an /ActualText span */

      while (p < end)
        {
          if (*p == '(')
            {
              g_autoptr(GString) s = g_string_new (NULL);
              read_pdf_string (&p, end, s);
              for (gsize k = 0; in_text && !replaced && k < s->len; k++)
                g_string_append_unichar (text, (guchar) s->str[k]);
            }
          else if (*p == '<' && p + 1 < end && p[1] == '<')
            p += 2;   /* a dictionary */
          else if (*p == '<')
            {
              const char *close = memchr (p, '>', end - p);
              if (in_text && !replaced)
                g_string_append_c (text, '?');
              p = close ? close + 1 : end;
            }
          else if (*p == '/' || g_ascii_isalpha (*p))
            {
              const char *word = p++;
              while (p < end && g_ascii_isalpha (*p))
                p++;
              if (p - word == 2 && memcmp (word, "BT", 2) == 0)
                in_text = TRUE;
              else if (p - word == 2 && memcmp (word, "ET", 2) == 0 && in_text)
                {
                  in_text = FALSE;
                  g_string_append_c (text, '\n');
                }
              else if (p - word == 11 && memcmp (word, "/ActualText", 11) == 0)
                {
                  while (p < end && g_ascii_isspace (*p))
                    p++;
                  if (p < end && *p == '<' && in_text)
                    {
                      read_pdf_utf16 (&p, end, text);
                      replaced = TRUE;
                    }
                }
              else if (p - word == 3 && memcmp (word, "EMC", 3) == 0)
                replaced = FALSE;
            }
          else
            p++;
        }
    }
  return g_string_free (text, FALSE);
}

/* The text of a PNG's tEXt chunk with the keyword, or NULL */
static char *
png_text (GBytes     *png,
          const char *keyword)
{
  gsize len;
  const guchar *data = g_bytes_get_data (png, &len);

  for (gsize at = 8; at + 12 <= len;)
    {
      guint32 n = (guint32) data[at] << 24 | data[at + 1] << 16 | data[at + 2] << 8 | data[at + 3];
      const char *chunk = (const char *) data + at + 8;

      if (n > len - at - 12)
        break;
      if (memcmp (data + at + 4, "tEXt", 4) == 0 && n > strlen (keyword) &&
          memcmp (chunk, keyword, strlen (keyword) + 1) == 0)
        return g_convert (chunk + strlen (keyword) + 1, n - strlen (keyword) - 1,
                          "UTF-8", "ISO-8859-1", NULL, NULL, NULL);
      at += 12 + n;
    }
  return NULL;
}

static GBytes *
export_chart (NhsDataset     *dataset,
              NhsChartFormat  format)
{
  g_autoptr(NhsChartModel) model = nhs_chart_model_new (dataset, NULL);
  g_autoptr(GError) error = NULL;
  NhsChartExportOptions options;
  GBytes *bytes;

  nhs_chart_export_options_init (&options);
  options.width = 1600;
  options.height = 900;
  options.show_title = options.show_legend = options.show_source = TRUE;
  bytes = nhs_chart_export_to_bytes (model, &options, format, &error);
  g_assert_no_error (error);
  return bytes;
}

/* The title, the legend, the lanes and the source line of an exported
 * chart draw the dataset's text as glyphs, character for character */
static void
test_exported_chart (void)
{
  g_autoptr(NhsDataset) dataset = test_load_fixture ("markup.json");
  g_autoptr(NhsDataset) plain = test_load_fixture ("fixture.json");
  g_autoptr(GBytes) pdf = export_chart (dataset, NHS_CHART_FORMAT_PDF);
  g_autoptr(GBytes) plain_pdf = export_chart (plain, NHS_CHART_FORMAT_PDF);
  g_autoptr(GBytes) png = export_chart (dataset, NHS_CHART_FORMAT_PNG);
  g_autofree char *drawn = pdf_drawn_text (pdf);
  g_autofree char *plain_drawn = pdf_drawn_text (plain_pdf);
  g_autofree char *title = png_text (png, "Title");
  GListModel *groups = nhs_dataset_get_groups (dataset);
  const char *publishers[] = {
    "British <i>Medical</i> Association &amp; co", "The <i>Paper</i> &amp; Co", "Gov &amp; <b>News</b>",
  };

  g_assert_nonnull (drawn);
  g_test_message ("drawn: %s", drawn);
  /* the reading works: the plain fixture's chart reads back its title and
   * groups, and has none of these characters */
  g_assert_nonnull (strstr (plain_drawn, "Test fixture"));
  g_assert_nonnull (strstr (plain_drawn, "Consultants"));
  g_assert_null (strpbrk (plain_drawn, "<>&"));

  g_assert_nonnull (strstr (drawn, "Markup <b>test</b> & co"));
  for (guint i = 0; i < g_list_model_get_n_items (groups); i++)
    {
      g_autoptr(NhsGroup) group = g_list_model_get_item (groups, i);

      if (strstr (drawn, nhs_group_get_short_name (group)) == NULL)
        g_error ("the chart does not draw “%s”", nhs_group_get_short_name (group));
    }
  /* the legend: "<i>Res</i> &amp; · 6 days" */
  g_assert_nonnull (strstr (drawn, "<i>Res</i> &amp; \xc2\xb7 "));
  for (guint i = 0; i < G_N_ELEMENTS (publishers); i++)
    if (strstr (drawn, publishers[i]) == NULL)
      g_error ("the source line does not draw “%s”", publishers[i]);

  /* the PNG's title, as written */
  g_assert_cmpstr (title, ==, "Markup <b>test</b> & co");
}

/* }}} */

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/literal-text/exported-chart", test_exported_chart);
  if (!test_ui_init ("/literal-text/no-display", FALSE))
    return g_test_run ();

  g_test_add_func ("/literal-text/list", test_list);
  g_test_add_func ("/literal-text/list-tooltips", test_list_tooltips);
  g_test_add_func ("/literal-text/reader", test_reader);
  g_test_add_func ("/literal-text/reader-tooltip", test_reader_tooltip);
  g_test_add_func ("/literal-text/chart-tooltips", test_chart_tooltips);
  return g_test_run ();
}
