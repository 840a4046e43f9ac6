/* nhs-extract-output.c: an imported article and its candidates as JSON or
 * a text table
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Written by hand rather than with JsonGenerator, which prints 8.8 as
 * 8.8000000000000007: figures are printed in their shortest exact form.
 */
#define G_LOG_DOMAIN "nhs-extract-output"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "nhs-extract.h"
#include "nhs-extract-output.h"
#include "nhs-types.h"
#include "nhs-enums.h"

static void
json_string (GString    *out,
             const char *s)
{
  if (s == NULL)
    {
      g_string_append (out, "null");
      return;
    }
  g_string_append_c (out, '"');
  for (const char *p = s; *p; p++)
    {
      guchar c = *p;
      switch (c)
        {
        case '"': g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': g_string_append (out, "\\r"); break;
        case '\t': g_string_append (out, "\\t"); break;
        default:
          if (c < 0x20)
            g_string_append_printf (out, "\\u%04x", c);
          else
            g_string_append_c (out, c);
        }
    }
  g_string_append_c (out, '"');
}

/* the shortest text that reads back as the same double */
static void
json_number (GString *out,
             double   value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (value == (double) (gint64) value && ABS (value) < 1e15)
    {
      g_string_append_printf (out, "%" G_GINT64_FORMAT, (gint64) value);
      return;
    }
  for (int digits = 1; digits <= 17; digits++)
    {
      char format[8];
      g_snprintf (format, sizeof format, "%%.%dg", digits);
      g_ascii_formatd (buf, sizeof buf, format, value);
      if (g_ascii_strtod (buf, NULL) == value)
        break;
    }
  g_string_append (out, buf);
}

static void
json_confidence (GString *out,
                 double   value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  g_string_append (out, g_ascii_formatd (buf, sizeof buf, "%.2f", value));
}

void
nhs_write_extraction_json (GString                  *out,
                           const NhsImportedArticle *article,
                           GPtrArray                *candidates)
{
  g_auto(GStrv) paragraphs = g_strsplit (article->body ? article->body : "", "\n", -1);

  g_string_append (out, "{\n  \"article\": {\n    \"title\": ");
  json_string (out, article->title);
  g_string_append (out, ",\n    \"publisher\": ");
  json_string (out, article->publisher);
  g_string_append (out, ",\n    \"published\": ");
  json_string (out, article->published);
  g_string_append (out, ",\n    \"url\": ");
  json_string (out, article->url);
  g_string_append (out, ",\n    \"paragraphs\": [");
  for (guint i = 0; paragraphs[i]; i++)
    {
      g_string_append (out, i ? ",\n      " : "\n      ");
      json_string (out, paragraphs[i]);
    }
  g_string_append (out, paragraphs[0] ? "\n    ]\n  },\n  \"candidates\": [" : "]\n  },\n  \"candidates\": [");

  for (guint i = 0; i < candidates->len; i++)
    {
      NhsCandidate *c = candidates->pdata[i];

      g_string_append (out, i ? ",\n    {" : "\n    {");
      if (c->type == NHS_CANDIDATE_EVENT)
        {
          g_string_append (out, "\n      \"type\": \"event\",\n      \"kind\": ");
          json_string (out, nhs_enum_to_nick (NHS_TYPE_EVENT_KIND, c->kind));
          g_string_append (out, ",\n      \"groups\": [");
          for (guint g = 0; c->groups[g]; g++)
            {
              if (g)
                g_string_append (out, ", ");
              json_string (out, c->groups[g]);
            }
          g_string_append (out, "],\n      \"start\": ");
          json_string (out, c->start);
          g_string_append (out, ",\n      \"end\": ");
          json_string (out, c->end);
          g_string_append_printf (out, ",\n      \"resolved\": %s", c->resolved ? "true" : "false");
          g_string_append (out, ",\n      \"title\": ");
          json_string (out, c->title);
        }
      else
        {
          g_string_append (out, "\n      \"type\": \"figure\",\n      \"metric\": ");
          json_string (out, nhs_enum_to_nick (NHS_TYPE_FIGURE_METRIC, c->metric));
          g_string_append (out, ",\n      \"value\": ");
          json_number (out, c->value);
          g_string_append (out, ",\n      \"unit\": ");
          json_string (out, nhs_enum_to_nick (NHS_TYPE_FIGURE_UNIT, c->unit));
          g_string_append (out, ",\n      \"group\": ");
          json_string (out, c->group);
          g_string_append (out, ",\n      \"claimant\": ");
          json_string (out, c->claimant);
        }
      g_string_append (out, ",\n      \"quote\": ");
      json_string (out, c->quote);
      g_string_append (out, ",\n      \"confidence\": ");
      json_confidence (out, c->confidence);
      if (c->matches)
        {
          g_string_append (out, ",\n      \"matches\": ");
          json_string (out, c->matches);
        }
      g_string_append (out, "\n    }");
    }
  g_string_append (out, candidates->len ? "\n  ]\n}\n" : "]\n}\n");
}

void
nhs_write_extraction_table (GString                  *out,
                            const NhsImportedArticle *article,
                            GPtrArray                *candidates)
{
  const char *none = "—";

  g_string_append_printf (out, "%s: %s\n", _("Title"), article->title ? article->title : none);
  g_string_append_printf (out, "%s: %s\n", _("Publisher"), article->publisher ? article->publisher : none);
  g_string_append_printf (out, "%s: %s\n", _("Published"), article->published ? article->published : none);
  g_string_append_printf (out, "%s: %s\n", _("URL"), article->url ? article->url : none);
  g_string_append_printf (out, ngettext ("%u candidate\n", "%u candidates\n", candidates->len), candidates->len);

  for (guint i = 0; i < candidates->len; i++)
    {
      NhsCandidate *c = candidates->pdata[i];

      g_string_append (out, "\n");
      if (c->type == NHS_CANDIDATE_EVENT)
        {
          g_autofree char *groups = g_strjoinv (", ", c->groups);
          g_string_append_printf (out, "%-6s %-12s %-16s %-16s %s", _("event"),
                                  nhs_enum_to_nick (NHS_TYPE_EVENT_KIND, c->kind),
                                  c->start, c->end ? c->end : none, groups);
        }
      else
        {
          g_autoptr(GString) value = g_string_new (NULL);
          json_number (value, c->value);
          g_string_append_printf (out, "%-6s %-12s %-16s %-16s %s", _("figure"),
                                  nhs_enum_to_nick (NHS_TYPE_FIGURE_METRIC, c->metric), value->str,
                                  nhs_enum_to_nick (NHS_TYPE_FIGURE_UNIT, c->unit), c->group ? c->group : none);
        }
      g_string_append_printf (out, "  %.2f", c->confidence);
      if (c->matches)
        /* TRANSLATORS: a candidate that is more evidence for an item already in the dataset */
        g_string_append_printf (out, "  %s %s", _("matches"), c->matches);
      g_string_append_printf (out, "\n       “%s”\n", c->quote);
    }
}
