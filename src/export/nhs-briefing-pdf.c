/* nhs-briefing-pdf.c: the briefing as a paginated PDF
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every text is a PangoLayout set with pango_layout_set_text (never markup)
 * and drawn line by line, so a paragraph breaks across pages wherever it
 * must and nothing runs past the bottom margin; the layouts wrap at words,
 * or inside a word too long for the line, so nothing runs past the sides.
 * The document is laid out twice: the first pass only counts the pages, so
 * the second can print "Page 3 of 12" on every page. Links are cairo link
 * tags around the lines that carry them, and the sections are the PDF's
 * outline.
 */
#define G_LOG_DOMAIN "nhs-briefing"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "nhs-briefing-private.h"
#include "nhs-chart-model.h"
#include "nhs-chart-renderer.h"
#include "nhs-export-private.h"
#include "nhs-link.h"

/* The chart's logical size: the renderer lays it out for this many pixels,
 * then it is scaled to the text's width */
#define CHART_WIDTH 720
#define CHART_HEIGHT 400
#define CHART_FONT_PX 12

typedef enum {
  STYLE_KICKER,
  STYLE_TITLE,
  STYLE_SUBTITLE,
  STYLE_NOTE,
  STYLE_H2,
  STYLE_H3,
  STYLE_META,
  STYLE_BODY,
  STYLE_QUOTE,
  STYLE_CITE,
  STYLE_TABLE_HEAD,
  STYLE_TABLE,
  STYLE_TABLE_NUMBER,
  STYLE_REF,
  STYLE_URL,
  STYLE_RUNNING,
  N_STYLES
} Style;

static const struct
{
  const char *font;
  guint32     rgb;
  double      spacing;      /* line height, times the font's */
} styles[N_STYLES] = {
  [STYLE_KICKER]       = { "Cantarell Bold 9.5", 0xc64600, 1.0 },
  [STYLE_TITLE]        = { "Cantarell Bold 23", 0x1d1d1d, 1.05 },
  [STYLE_SUBTITLE]     = { "DejaVu Serif 11", 0x303030, 1.3 },
  [STYLE_NOTE]         = { "Cantarell 8.5", 0x5e5c64, 1.25 },
  [STYLE_H2]           = { "Cantarell Bold 15", 0x1d1d1d, 1.1 },
  [STYLE_H3]           = { "Cantarell Bold 11", 0x1d1d1d, 1.15 },
  [STYLE_META]         = { "Cantarell 8.5", 0x5e5c64, 1.2 },
  [STYLE_BODY]         = { "DejaVu Serif 9", 0x202020, 1.4 },
  [STYLE_QUOTE]        = { "DejaVu Serif Italic 9", 0x303030, 1.4 },
  [STYLE_CITE]         = { "Cantarell 8.5", 0x5e5c64, 1.25 },
  [STYLE_TABLE_HEAD]   = { "Cantarell Bold 8.5", 0x5e5c64, 1.2 },
  [STYLE_TABLE]        = { "Cantarell 9", 0x202020, 1.25 },
  [STYLE_TABLE_NUMBER] = { "Cantarell Bold 11", 0x202020, 1.2 },
  [STYLE_REF]          = { "Cantarell 8.5", 0x303030, 1.25 },
  [STYLE_URL]          = { "DejaVu Sans Mono 7.5", 0x1a5fb4, 1.25 },
  [STYLE_RUNNING]      = { "Cantarell 8", 0x77767b, 1.0 },
};

#define RULE_COLOR 0xc0bfbc
#define ACCENT_COLOR 0xc64600

typedef struct
{
  NhsBriefing          *briefing;
  cairo_surface_t      *surface;
  cairo_t              *cr;
  PangoContext         *context;
  PangoFontDescription *fonts[N_STYLES];
  /* FALSE in the first pass, which only counts the pages */
  gboolean              drawing;
  double                page_width, page_height;
  double                left, width, top, bottom;
  double                y;
  int                   page;
  int                   n_pages;
  const char           *section;     /* for the running header */
  int                   events_outline;
  /* The first pass's layouts, which the second takes again in the same
   * order: the text is shaped and broken into lines once */
  GPtrArray            *layouts;
  guint                 next_layout;
} Pdf;

/* Auxiliary functions */

static void
set_rgb (cairo_t *cr,
         guint32  rgb)
{
  cairo_set_source_rgb (cr, ((rgb >> 16) & 0xff) / 255.0, ((rgb >> 8) & 0xff) / 255.0, (rgb & 0xff) / 255.0);
}

static PangoLayout *
create_layout (Pdf        *pdf,
               Style       style,
               const char *text,
               double      width)
{
  PangoLayout *layout = pango_layout_new (pdf->context);
  PangoAttrList *attrs = pango_attr_list_new ();

  pango_layout_set_font_description (layout, pdf->fonts[style]);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  /* a word longer than the line breaks inside, rather than running off */
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_line_spacing (layout, styles[style].spacing);
  /* the text as written: no hyphen that is not in it */
  pango_attr_list_insert (attrs, pango_attr_insert_hyphens_new (FALSE));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);
  pango_layout_set_text (layout, text ? text : "", -1);
  return layout;
}

/* A layout of the document's flow (not the running header, which only the
 * second pass draws) */
static PangoLayout *
new_layout (Pdf        *pdf,
            Style       style,
            const char *text,
            double      width)
{
  PangoLayout *layout;

  if (!pdf->drawing)
    {
      layout = create_layout (pdf, style, text, width);
      g_ptr_array_add (pdf->layouts, g_object_ref (layout));
      return layout;
    }
  g_assert (pdf->next_layout < pdf->layouts->len);
  layout = g_object_ref (g_ptr_array_index (pdf->layouts, pdf->next_layout++));
  g_assert (g_str_equal (pango_layout_get_text (layout), text ? text : ""));
  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  int height;

  pango_layout_get_size (layout, NULL, &height);
  return (double) height / PANGO_SCALE;
}

/* The string cairo's tag attributes take: single quotes around, and a
 * backslash before a quote or a backslash inside */
static char *
link_attributes (const char *uri)
{
  GString *s = g_string_new ("uri='");

  for (const char *p = uri; *p; p++)
    {
      if (*p == '\'' || *p == '\\')
        g_string_append_c (s, '\\');
      g_string_append_c (s, *p);
    }
  g_string_append_c (s, '\'');
  return g_string_free (s, FALSE);
}

static void
draw_running (Pdf *pdf)
{
  cairo_t *cr = pdf->cr;
  g_autofree char *page = g_strdup_printf (_("Page %d of %d"), pdf->page, pdf->n_pages);
  g_autoptr(PangoLayout) footer = create_layout (pdf, STYLE_RUNNING, page, pdf->width);
  double baseline = pdf->page_height - 34;

  set_rgb (cr, styles[STYLE_RUNNING].rgb);
  pango_layout_set_alignment (footer, PANGO_ALIGN_CENTER);
  cairo_move_to (cr, pdf->left, baseline - pango_layout_get_baseline (footer) / (double) PANGO_SCALE);
  pango_cairo_show_layout (cr, footer);

  if (pdf->page > 1)
    {
      /* the title, shortened to its half of the line: page 1 has it whole */
      g_autoptr(PangoLayout) title = create_layout (pdf, STYLE_RUNNING, pdf->briefing->title, pdf->width * 0.62);
      g_autoptr(PangoLayout) section = create_layout (pdf, STYLE_RUNNING, pdf->section, pdf->width * 0.35);
      double y = 38;

      pango_layout_set_ellipsize (title, PANGO_ELLIPSIZE_END);
      pango_layout_set_ellipsize (section, PANGO_ELLIPSIZE_END);
      pango_layout_set_alignment (section, PANGO_ALIGN_RIGHT);
      /* the header reads left to right, whatever the language of the title */
      pango_layout_set_auto_dir (title, FALSE);
      pango_layout_set_auto_dir (section, FALSE);
      set_rgb (cr, styles[STYLE_RUNNING].rgb);
      cairo_move_to (cr, pdf->left, y);
      pango_cairo_show_layout (cr, title);
      cairo_move_to (cr, pdf->left + pdf->width * 0.65, y);
      pango_cairo_show_layout (cr, section);
      set_rgb (cr, RULE_COLOR);
      cairo_set_line_width (cr, 0.5);
      cairo_move_to (cr, pdf->left, y + layout_height (title) + 4);
      cairo_line_to (cr, pdf->left + pdf->width, y + layout_height (title) + 4);
      cairo_stroke (cr);
    }
}

static void
new_page (Pdf *pdf)
{
  if (pdf->drawing)
    cairo_show_page (pdf->cr);
  pdf->page++;
  pdf->y = pdf->top;
  if (pdf->drawing)
    draw_running (pdf);
}

/* Starts a new page unless height more fits on this one */
static void
keep (Pdf    *pdf,
      double  height)
{
  if (pdf->y > pdf->top && pdf->y + height > pdf->bottom)
    new_page (pdf);
}

/* Draws the layout at x, line by line from the current position, going on
 * to the next page wherever a line would cross the bottom margin. A bar
 * beside each line marks a quote; uri makes each line a link. */
static void
flow (Pdf         *pdf,
      PangoLayout *layout,
      double       x,
      Style        style,
      const char  *uri,
      gboolean     bar)
{
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  g_autofree char *link = uri && nhs_link_is_web_page (uri) ? link_attributes (uri) : NULL;
  double offset = 0, end = 0;

  do
    {
      PangoLayoutLine *line = pango_layout_iter_get_line_readonly (iter);
      PangoRectangle rect;
      double top, height, baseline;

      pango_layout_iter_get_line_extents (iter, NULL, &rect);
      top = (double) rect.y / PANGO_SCALE;
      height = (double) rect.height / PANGO_SCALE;
      baseline = (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE;
      if (pdf->y + (top - offset) + height > pdf->bottom && (pdf->y > pdf->top || top > offset))
        {
          pdf->y += top - offset;
          new_page (pdf);
          offset = top;
        }
      if (pdf->drawing)
        {
          cairo_t *cr = pdf->cr;
          double line_y = pdf->y + top - offset;

          if (bar)
            {
              set_rgb (cr, ACCENT_COLOR);
              /* through the line's spacing too, so the bar is unbroken */
              cairo_rectangle (cr, x - 10, line_y, 2, height * styles[style].spacing);
              cairo_fill (cr);
            }
          if (link)
            cairo_tag_begin (cr, CAIRO_TAG_LINK, link);
          set_rgb (cr, styles[style].rgb);
          cairo_move_to (cr, x + (double) rect.x / PANGO_SCALE, pdf->y + baseline - offset);
          pango_cairo_show_layout_line (cr, line);
          if (link)
            cairo_tag_end (cr, CAIRO_TAG_LINK);
        }
      end = top + height;
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
  pdf->y += end - offset;
}

static void
paragraph (Pdf        *pdf,
           Style       style,
           const char *text,
           double      indent,
           const char *uri,
           double      space_after)
{
  g_autoptr(PangoLayout) layout = new_layout (pdf, style, text, pdf->width - indent);

  flow (pdf, layout, pdf->left + indent, style, uri, FALSE);
  pdf->y += space_after;
}

/* A paragraph whose first words, a label of ours, are in bold */
static void
labelled (Pdf        *pdf,
          Style       style,
          const char *label,
          const char *text,
          double      space_after)
{
  g_autofree char *joined = g_strdup_printf ("%s %s", label, text);
  g_autoptr(PangoLayout) layout = new_layout (pdf, style, joined, pdf->width);

  /* the second pass has the first's layout, bold already */
  if (!pdf->drawing)
    {
      PangoAttribute *bold = pango_attr_weight_new (PANGO_WEIGHT_BOLD);

      bold->start_index = 0;
      bold->end_index = strlen (label);
      pango_attr_list_insert (pango_layout_get_attributes (layout), bold);
      pango_layout_context_changed (layout);
    }
  flow (pdf, layout, pdf->left, style, NULL, FALSE);
  pdf->y += space_after;
}

static void
rule (Pdf    *pdf,
      double  width,
      guint32 rgb)
{
  if (pdf->drawing)
    {
      set_rgb (pdf->cr, rgb);
      cairo_set_line_width (pdf->cr, width);
      cairo_move_to (pdf->cr, pdf->left, pdf->y);
      cairo_line_to (pdf->cr, pdf->left + pdf->width, pdf->y);
      cairo_stroke (pdf->cr);
    }
}

static int
outline (Pdf        *pdf,
         int         parent,
         const char *name,
         gboolean    open)
{
  g_autofree char *dest = NULL;

  if (!pdf->drawing)
    return 0;
  dest = g_strdup_printf ("page=%d pos=[%d %d]", pdf->page, (int) pdf->left, (int) MAX (0, pdf->y - 12));
  return cairo_pdf_surface_add_outline (pdf->surface, parent, name, dest,
                                        open ? CAIRO_PDF_OUTLINE_FLAG_OPEN : 0);
}

static int
heading (Pdf        *pdf,
         const char *text)
{
  int id;

  /* a page the section starts on has its name in the header */
  pdf->section = text;
  /* a heading never ends a page */
  keep (pdf, 90);
  if (pdf->y > pdf->top)
    pdf->y += 16;
  /* the events' entries stay folded: there may be hundreds */
  id = outline (pdf, CAIRO_PDF_OUTLINE_ROOT, text, !g_str_equal (text, _("Events")));
  paragraph (pdf, STYLE_H2, text, 0, NULL, 4);
  rule (pdf, 1.2, 0x1d1d1d);
  pdf->y += 10;
  return id;
}

static void
title_block (Pdf *pdf)
{
  NhsBriefing *b = pdf->briefing;

  paragraph (pdf, STYLE_KICKER, _("Briefing"), 0, NULL, 6);
  paragraph (pdf, STYLE_TITLE, nhs_dataset_get_title (b->dataset), 0, NULL, 10);
  paragraph (pdf, STYLE_SUBTITLE, b->coverage, 0, NULL, 4);
  if (b->filter_text)
    paragraph (pdf, STYLE_SUBTITLE, b->filter_text, 0, NULL, 4);
  paragraph (pdf, STYLE_NOTE, b->created, 0, NULL, 10);
  rule (pdf, 2, ACCENT_COLOR);
  pdf->y += 8;
}

static void
chart (Pdf *pdf)
{
  NhsBriefing *b = pdf->briefing;
  double scale = pdf->width / CHART_WIDTH;
  double height = CHART_HEIGHT * scale;

  heading (pdf, _("Chart"));
  keep (pdf, height + 30);
  if (pdf->drawing)
    {
      g_autoptr(NhsChartModel) model = nhs_chart_model_new (b->dataset, b->filter);
      g_autoptr(NhsChartRenderer) renderer = nhs_chart_renderer_new ();
      NhsChartExportOptions options;
      NhsChartStyle style;

      nhs_briefing_chart_options (b, &options, CHART_WIDTH, CHART_HEIGHT);
      nhs_chart_export_options_to_style (&options, &style);
      /* the size of the document's small print once scaled */
      style.font_size = CHART_FONT_PX;
      nhs_chart_renderer_set_style (renderer, &style);
      cairo_save (pdf->cr);
      cairo_translate (pdf->cr, pdf->left, pdf->y);
      cairo_scale (pdf->cr, scale, scale);
      cairo_rectangle (pdf->cr, 0, 0, CHART_WIDTH, CHART_HEIGHT);
      cairo_clip (pdf->cr);
      nhs_chart_renderer_render (renderer, model, pdf->cr, CHART_WIDTH, CHART_HEIGHT, options.from_us, options.to_us);
      cairo_restore (pdf->cr);
    }
  pdf->y += height + 6;
  paragraph (pdf, STYLE_CITE, b->chart_caption, 0, NULL, 4);
}

typedef struct
{
  double fraction;      /* of the text's width */
  Style  style;
  gboolean right;
} Column;

/* A row of cells side by side; on a page of its own when it does not fit
 * the rest of this one, and as paragraphs one after another when it is
 * taller than a page */
static void
table_row (Pdf          *pdf,
           const Column *columns,
           guint         n_columns,
           const char  **cells,
           gboolean      head)
{
  PangoLayout *layouts[8];
  double height = 0, x = pdf->left;
  const double pad = 5;

  g_assert (n_columns <= G_N_ELEMENTS (layouts));
  for (guint c = 0; c < n_columns; c++)
    {
      Style style = head ? STYLE_TABLE_HEAD : columns[c].style;
      layouts[c] = new_layout (pdf, style, cells[c], pdf->width * columns[c].fraction - 2 * pad);
      if (columns[c].right)
        pango_layout_set_alignment (layouts[c], PANGO_ALIGN_RIGHT);
      height = MAX (height, layout_height (layouts[c]));
    }
  height += 2 * pad;

  if (height > pdf->bottom - pdf->top)
    {
      for (guint c = 0; c < n_columns; c++)
        {
          flow (pdf, layouts[c], pdf->left + pad, head ? STYLE_TABLE_HEAD : columns[c].style, NULL, FALSE);
          pdf->y += pad;
        }
    }
  else
    {
      keep (pdf, height);
      for (guint c = 0; c < n_columns; c++)
        {
          if (pdf->drawing)
            {
              set_rgb (pdf->cr, styles[head ? STYLE_TABLE_HEAD : columns[c].style].rgb);
              cairo_move_to (pdf->cr, x + pad, pdf->y + pad);
              pango_cairo_show_layout (pdf->cr, layouts[c]);
            }
          x += pdf->width * columns[c].fraction;
        }
      pdf->y += height;
    }
  rule (pdf, head ? 0.8 : 0.4, head ? 0x5e5c64 : RULE_COLOR);
  for (guint c = 0; c < n_columns; c++)
    g_object_unref (layouts[c]);
}

static void
key_numbers (Pdf *pdf)
{
  NhsBriefing *b = pdf->briefing;
  static const Column strikes[] = {
    { 0.5, STYLE_TABLE, FALSE },
    { 0.25, STYLE_TABLE_NUMBER, TRUE },
    { 0.25, STYLE_TABLE_NUMBER, TRUE },
  };
  static const Column pay[] = {
    { 0.2, STYLE_TABLE, FALSE },
    { 0.4, STYLE_TABLE, FALSE },
    { 0.4, STYLE_TABLE, FALSE },
  };

  heading (pdf, _("Key numbers"));
  paragraph (pdf, STYLE_H3, _("Strikes"), 0, NULL, 4);
  table_row (pdf, strikes, 3, (const char *[]) { _("Group"), _("Strike rounds"), _("Strike days") }, TRUE);
  for (guint i = 0; i < b->rows->len; i++)
    {
      NhsBriefingRow *row = &g_array_index (b->rows, NhsBriefingRow, i);
      g_autofree char *rounds = g_strdup_printf ("%u", row->rounds);
      g_autofree char *days = g_strdup_printf ("%u", row->strike_days);

      table_row (pdf, strikes, 3, (const char *[]) { nhs_group_get_name (row->group), rounds, days }, FALSE);
    }
  pdf->y += 5;
  paragraph (pdf, STYLE_CITE,
             _("Counted from the strikes listed under Events: a strike day is each 24 hours of a walkout, or part of it; overlapping strikes of one group count once."),
             0, NULL, 14);

  keep (pdf, 80);
  paragraph (pdf, STYLE_H3, _("Pay"), 0, NULL, 4);
  table_row (pdf, pay, 3, (const char *[]) { _("Group"), _("Latest award"), _("Claims") }, TRUE);
  for (guint i = 0; i < b->rows->len; i++)
    {
      NhsBriefingRow *row = &g_array_index (b->rows, NhsBriefingRow, i);
      g_autofree char *awards = nhs_briefing_dup_figures (b, row->awards, "\n");
      g_autofree char *claims = nhs_briefing_dup_figures (b, row->claims, "\n");

      table_row (pdf, pay, 3, (const char *[]) { nhs_group_get_name (row->group), awards, claims }, FALSE);
    }
  pdf->y += 5;
  paragraph (pdf, STYLE_CITE, _("Numbers in brackets are the references listed at the end."), 0, NULL, 4);
}

static const char *
evidence_url (NhsEvidence *evidence)
{
  NhsArticle *article = nhs_evidence_get_article (evidence);

  return article ? nhs_article_get_url (article) : nhs_source_get_url (nhs_evidence_get_source (evidence));
}

static void
evidence_block (Pdf         *pdf,
                NhsEvidence *evidence)
{
  NhsBriefing *b = pdf->briefing;
  const char *quote = nhs_evidence_get_quote (evidence);
  const char *note = nhs_evidence_get_note (evidence);
  g_autofree char *citation = nhs_briefing_dup_citation (evidence);
  guint number = nhs_briefing_ref_number (b, evidence);
  g_autofree char *line = NULL;

  if (quote && *quote)
    {
      /* Translators: a quote as the briefing shows it, in quotation marks */
      g_autofree char *quoted = g_strdup_printf (_("“%s”"), quote);
      g_autoptr(PangoLayout) layout = new_layout (pdf, STYLE_QUOTE, quoted, pdf->width - 14);

      keep (pdf, 36);
      flow (pdf, layout, pdf->left + 14, STYLE_QUOTE, NULL, TRUE);
      pdf->y += 2;
      /* Translators: who said it: "— Title, Publisher, date [3]" */
      line = g_strdup_printf (_("— %s [%u]"), citation, number);
    }
  else
    /* Translators: evidence without a quote: "Source: Title, Publisher, date [3]" */
    line = g_strdup_printf (_("Source: %s [%u]"), citation, number);
  if (note && *note)
    {
      g_autofree char *with_note = g_strdup_printf ("%s. %s", line, note);
      g_free (line);
      line = g_steal_pointer (&with_note);
    }
  paragraph (pdf, STYLE_CITE, line, 14, evidence_url (evidence), 6);
}

static void
events (Pdf *pdf)
{
  NhsBriefing *b = pdf->briefing;

  pdf->events_outline = heading (pdf, _("Events"));
  if (b->events->len == 0)
    paragraph (pdf, STYLE_BODY, _("No events match."), 0, NULL, 0);
  for (guint i = 0; i < b->events->len; i++)
    {
      NhsEvent *event = g_ptr_array_index (b->events, i);
      GPtrArray *evidence = nhs_event_get_evidence (event);
      const char *title = nhs_event_get_title (event);
      g_autofree char *dates = nhs_briefing_dup_event_dates (event);
      g_autofree char *meta = nhs_briefing_dup_event_meta (event);
      g_autofree char *when = g_strdup_printf ("%s · %s", dates, meta);

      if (title == NULL || *title == '\0')
        title = nhs_event_get_id (event);
      /* a title stays with the first lines below it; no rule tops a page */
      keep (pdf, 86);
      if (i > 0 && pdf->y > pdf->top)
        {
          pdf->y += 6;
          rule (pdf, 0.4, RULE_COLOR);
          pdf->y += 10;
        }
      outline (pdf, pdf->events_outline, title, FALSE);
      paragraph (pdf, STYLE_H3, title, 0, NULL, 2);
      paragraph (pdf, STYLE_META, when, 0, NULL, 5);
      if (nhs_event_get_summary (event) && *nhs_event_get_summary (event))
        paragraph (pdf, STYLE_BODY, nhs_event_get_summary (event), 0, NULL, 5);
      if (nhs_event_get_outcome (event) && *nhs_event_get_outcome (event))
        labelled (pdf, STYLE_BODY, _("Outcome:"), nhs_event_get_outcome (event), 5);
      for (guint e = 0; e < evidence->len; e++)
        evidence_block (pdf, g_ptr_array_index (evidence, e));
    }
}

/* Layouts take text as it is */
static void
append_text (GString    *out,
             const char *text)
{
  g_string_append (out, text);
}

static void
references (Pdf *pdf)
{
  NhsBriefing *b = pdf->briefing;
  const double hang = 26;

  heading (pdf, _("References"));
  for (guint i = 0; i < b->refs->len; i++)
    {
      NhsBriefingRef *ref = g_ptr_array_index (b->refs, i);
      g_autoptr(GString) text = g_string_new (NULL);
      g_autoptr(PangoLayout) layout = NULL;
      PangoTabArray *tabs = pango_tab_array_new_with_positions (1, FALSE, PANGO_TAB_LEFT, (int) (hang * PANGO_SCALE));

      g_string_append_printf (text, "[%u]\t", ref->number);
      nhs_briefing_append_ref (text, ref, append_text);

      layout = new_layout (pdf, STYLE_REF, text->str, pdf->width);
      /* the number hangs in the margin of the entry */
      pango_layout_set_indent (layout, (int) (-hang * PANGO_SCALE));
      pango_layout_set_tabs (layout, tabs);
      pango_tab_array_free (tabs);
      keep (pdf, 24);
      flow (pdf, layout, pdf->left, STYLE_REF, NULL, FALSE);
      if (ref->url && *ref->url)
        {
          pdf->y += 1;
          paragraph (pdf, STYLE_URL, ref->url, hang, ref->url, 0);
        }
      pdf->y += 5;
    }
}

static void
lay_out (Pdf *pdf)
{
  pdf->page = 1;
  pdf->y = pdf->top;
  pdf->section = "";
  if (pdf->drawing)
    draw_running (pdf);
  title_block (pdf);
  chart (pdf);
  key_numbers (pdf);
  events (pdf);
  references (pdf);
}

/* Private API */

GBytes *
nhs_briefing_write_pdf (NhsBriefing *self,
                        GError     **error)
{
  Pdf pdf = { .briefing = self };
  NhsPaperSize paper = self->options.paper;
  GByteArray *out = g_byte_array_new ();
  cairo_font_options_t *font_options = cairo_font_options_create ();
  g_autoptr(GDateTime) date = g_date_time_new_from_unix_utc (self->options.created);
  cairo_status_t status;

  if (paper == NHS_PAPER_AUTO)
    paper = nhs_paper_size_from_locale ();
  pdf.page_width = paper == NHS_PAPER_LETTER ? 612 : 595.276;
  pdf.page_height = paper == NHS_PAPER_LETTER ? 792 : 841.89;
  pdf.left = 64;
  pdf.width = pdf.page_width - 2 * pdf.left;
  pdf.top = 70;
  pdf.bottom = pdf.page_height - 62;

  /* measured as the PDF draws: no hinting, positions not rounded */
  pdf.context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  cairo_font_options_set_hint_metrics (font_options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (font_options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (pdf.context, font_options);
  cairo_font_options_destroy (font_options);
  pango_cairo_context_set_resolution (pdf.context, 72);
  pango_context_set_round_glyph_positions (pdf.context, FALSE);
  pango_context_set_language (pdf.context, pango_language_get_default ());
  for (guint s = 0; s < N_STYLES; s++)
    pdf.fonts[s] = pango_font_description_from_string (styles[s].font);

  /* the first pass counts the pages */
  pdf.layouts = g_ptr_array_new_with_free_func (g_object_unref);
  lay_out (&pdf);
  pdf.n_pages = pdf.page;

  if (date == NULL)
    date = g_date_time_new_from_unix_utc (0);
  pdf.surface = _nhs_export_pdf_surface_new (out, pdf.page_width, pdf.page_height, self->title, date);
  /* the dataset names no author: its title is who it comes from */
  cairo_pdf_surface_set_metadata (pdf.surface, CAIRO_PDF_METADATA_AUTHOR, nhs_dataset_get_title (self->dataset));
  cairo_pdf_surface_set_metadata (pdf.surface, CAIRO_PDF_METADATA_SUBJECT, self->coverage);
  pdf.cr = cairo_create (pdf.surface);
  pdf.drawing = TRUE;
  lay_out (&pdf);
  g_warn_if_fail (pdf.page == pdf.n_pages);
  g_warn_if_fail (pdf.next_layout == pdf.layouts->len);
  g_ptr_array_unref (pdf.layouts);
  cairo_destroy (pdf.cr);
  cairo_surface_finish (pdf.surface);
  status = cairo_surface_status (pdf.surface);
  cairo_surface_destroy (pdf.surface);

  for (guint s = 0; s < N_STYLES; s++)
    pango_font_description_free (pdf.fonts[s]);
  g_object_unref (pdf.context);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_byte_array_unref (out);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not make the PDF file: %s"),
                   cairo_status_to_string (status));
      return NULL;
    }
  return g_byte_array_free_to_bytes (out);
}
