/* nhs-event-writer.c: events and summaries as CSV, JSON and text tables
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nhs-event-writer"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "nhs-enums.h"
#include "nhs-event-writer.h"
#include "nhs-stats.h"

char *
nhs_format_event_time (GDateTime *dt,
                       gboolean   is_date)
{
  g_autofree char *date = NULL;
  g_autofree char *time = NULL;

  if (dt == NULL)
    return g_strdup ("");
  /* not %Y: it writes the year 99 as "99", and ISO 8601 wants four digits */
  date = g_strdup_printf ("%04d-%02d-%02d", g_date_time_get_year (dt),
                          g_date_time_get_month (dt), g_date_time_get_day_of_month (dt));
  if (is_date)
    return g_steal_pointer (&date);
  time = g_date_time_format (dt, "T%H:%M:%S%:z");
  return g_strconcat (date, time, NULL);
}

static char *
group_ids (NhsEvent   *event,
           const char *sep)
{
  GPtrArray *groups = nhs_event_get_groups (event);
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < groups->len; i++)
    {
      if (i)
        g_string_append (s, sep);
      g_string_append (s, nhs_group_get_id (g_ptr_array_index (groups, i)));
    }
  return g_string_free (s, FALSE);
}

static void
csv_field (GString    *out,
           const char *value)
{
  if (value == NULL)
    return;
  if (strpbrk (value, ",\"\r\n") == NULL)
    {
      g_string_append (out, value);
      return;
    }
  g_string_append_c (out, '"');
  for (const char *p = value; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

void
nhs_write_events_csv (GString   *out,
                      GPtrArray *events)
{
  g_string_append (out, "id,kind,groups,start,end,strike_days,title\r\n");
  for (guint i = 0; i < events->len; i++)
    {
      NhsEvent *event = g_ptr_array_index (events, i);
      g_autofree char *groups = group_ids (event, ";");
      g_autofree char *start = nhs_format_event_time (nhs_event_get_start (event),
                                                      nhs_event_get_start_is_date (event));
      g_autofree char *end = nhs_format_event_time (nhs_event_get_end (event),
                                                    nhs_event_get_end_is_date (event));

      csv_field (out, nhs_event_get_id (event));
      g_string_append_c (out, ',');
      csv_field (out, nhs_enum_to_nick (NHS_TYPE_EVENT_KIND, nhs_event_get_kind (event)));
      g_string_append_c (out, ',');
      csv_field (out, groups);
      g_string_append_c (out, ',');
      csv_field (out, start);
      g_string_append_c (out, ',');
      csv_field (out, end);
      g_string_append_c (out, ',');
      if (nhs_event_get_kind (event) == NHS_EVENT_KIND_STRIKE)
        g_string_append_printf (out, "%u", nhs_event_get_strike_days (event));
      g_string_append_c (out, ',');
      csv_field (out, nhs_event_get_title (event));
      g_string_append (out, "\r\n");
    }
}

static void
add_string_or_null (JsonBuilder *b,
                    const char  *key,
                    const char  *value)
{
  json_builder_set_member_name (b, key);
  if (value)
    json_builder_add_string_value (b, value);
  else
    json_builder_add_null_value (b);
}

void
nhs_write_events_json (GString   *out,
                       GPtrArray *events)
{
  g_autoptr(JsonBuilder) b = json_builder_new_immutable ();
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_array (b);
  for (guint i = 0; i < events->len; i++)
    {
      NhsEvent *event = g_ptr_array_index (events, i);
      GPtrArray *groups = nhs_event_get_groups (event);
      GPtrArray *evidence = nhs_event_get_evidence (event);
      g_autofree char *start = nhs_format_event_time (nhs_event_get_start (event),
                                                      nhs_event_get_start_is_date (event));
      g_autofree char *end = nhs_event_get_end (event)
        ? nhs_format_event_time (nhs_event_get_end (event), nhs_event_get_end_is_date (event))
        : NULL;

      json_builder_begin_object (b);
      add_string_or_null (b, "id", nhs_event_get_id (event));
      add_string_or_null (b, "kind", nhs_enum_to_nick (NHS_TYPE_EVENT_KIND, nhs_event_get_kind (event)));
      json_builder_set_member_name (b, "groups");
      json_builder_begin_array (b);
      for (guint g = 0; g < groups->len; g++)
        json_builder_add_string_value (b, nhs_group_get_id (g_ptr_array_index (groups, g)));
      json_builder_end_array (b);
      add_string_or_null (b, "start", start);
      add_string_or_null (b, "end", end);
      json_builder_set_member_name (b, "strike_days");
      if (nhs_event_get_kind (event) == NHS_EVENT_KIND_STRIKE)
        json_builder_add_int_value (b, nhs_event_get_strike_days (event));
      else
        json_builder_add_null_value (b);
      add_string_or_null (b, "title", nhs_event_get_title (event));
      add_string_or_null (b, "status", nhs_enum_to_nick (NHS_TYPE_EVENT_STATUS, nhs_event_get_status (event)));
      add_string_or_null (b, "summary", nhs_event_get_summary (event));
      json_builder_set_member_name (b, "evidence");
      json_builder_begin_array (b);
      for (guint e = 0; e < evidence->len; e++)
        {
          NhsEvidence *ev = g_ptr_array_index (evidence, e);
          json_builder_begin_object (b);
          if (nhs_evidence_get_article (ev))
            add_string_or_null (b, "article", nhs_article_get_id (nhs_evidence_get_article (ev)));
          if (nhs_evidence_get_source (ev))
            {
              add_string_or_null (b, "source", nhs_source_get_id (nhs_evidence_get_source (ev)));
              if (nhs_source_get_url (nhs_evidence_get_source (ev)))
                add_string_or_null (b, "url", nhs_source_get_url (nhs_evidence_get_source (ev)));
            }
          if (nhs_evidence_get_quote (ev))
            add_string_or_null (b, "quote", nhs_evidence_get_quote (ev));
          if (nhs_evidence_get_note (ev))
            add_string_or_null (b, "note", nhs_evidence_get_note (ev));
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  root = json_builder_get_root (b);
  json_generator_set_root (gen, root);
  json_generator_set_pretty (gen, TRUE);
  json_generator_set_indent (gen, 2);
  json_generator_to_gstring (gen, out);
  g_string_append_c (out, '\n');
}

static void
pad (GString    *out,
     const char *text,
     guint       width)
{
  glong len = g_utf8_strlen (text, -1);

  g_string_append (out, text);
  for (glong i = len; i < (glong) width; i++)
    g_string_append_c (out, ' ');
}

void
nhs_write_events_table (GString   *out,
                        GPtrArray *events)
{
  const char *headers[] = { "ID", "KIND", "GROUPS", "START", "END", "DAYS", "TITLE" };
  guint widths[G_N_ELEMENTS (headers)] = { 0 };
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  for (guint c = 0; c < G_N_ELEMENTS (headers); c++)
    widths[c] = strlen (headers[c]);

  for (guint i = 0; i < events->len; i++)
    {
      NhsEvent *event = g_ptr_array_index (events, i);
      char **row = g_new0 (char *, G_N_ELEMENTS (headers) + 1);

      row[0] = g_strdup (nhs_event_get_id (event));
      row[1] = g_strdup (nhs_enum_to_nick (NHS_TYPE_EVENT_KIND, nhs_event_get_kind (event)));
      row[2] = group_ids (event, ",");
      row[3] = g_date_time_format (nhs_event_get_start (event),
                                   nhs_event_get_start_is_date (event) ? "%Y-%m-%d" : "%Y-%m-%d %H:%M");
      row[4] = nhs_event_get_end (event)
        ? g_date_time_format (nhs_event_get_end (event),
                              nhs_event_get_end_is_date (event) ? "%Y-%m-%d" : "%Y-%m-%d %H:%M")
        : g_strdup ("");
      row[5] = nhs_event_get_kind (event) == NHS_EVENT_KIND_STRIKE
        ? g_strdup_printf ("%u", nhs_event_get_strike_days (event)) : g_strdup ("");
      row[6] = g_strdup (nhs_event_get_title (event));
      for (guint c = 0; c + 1 < G_N_ELEMENTS (headers); c++)
        widths[c] = MAX (widths[c], (guint) g_utf8_strlen (row[c], -1));
      g_ptr_array_add (rows, row);
    }

  for (guint c = 0; c < G_N_ELEMENTS (headers); c++)
    {
      if (c + 1 < G_N_ELEMENTS (headers))
        pad (out, headers[c], widths[c] + 2);
      else
        g_string_append (out, headers[c]);
    }
  g_string_append_c (out, '\n');
  for (guint i = 0; i < rows->len; i++)
    {
      char **row = g_ptr_array_index (rows, i);
      for (guint c = 0; c < G_N_ELEMENTS (headers); c++)
        {
          if (c + 1 < G_N_ELEMENTS (headers))
            pad (out, row[c], widths[c] + 2);
          else
            g_string_append (out, row[c]);
        }
      g_string_append_c (out, '\n');
    }
  g_string_append_printf (out, ngettext ("%u event\n", "%u events\n", events->len), events->len);
}

void
nhs_write_summary_table (GString    *out,
                         NhsDataset *dataset,
                         GArray     *totals)
{
  guint width = strlen ("GROUP");

  for (guint i = 0; i < totals->len; i++)
    width = MAX (width, strlen (nhs_group_get_id (g_array_index (totals, NhsGroupStrikeTotals, i).group)));

  g_string_append_printf (out, "%s\n", nhs_dataset_get_title (dataset));
  pad (out, "GROUP", width + 2);
  g_string_append (out, "ROUNDS  STRIKE_DAYS  NAME\n");
  for (guint i = 0; i < totals->len; i++)
    {
      NhsGroupStrikeTotals *t = &g_array_index (totals, NhsGroupStrikeTotals, i);
      pad (out, nhs_group_get_id (t->group), width + 2);
      g_string_append_printf (out, "%6u  %11u  %s\n", t->rounds, t->strike_days, nhs_group_get_name (t->group));
    }
  g_string_append_printf (out, "events: %u  figures: %u  articles: %u  sources: %u\n",
                          nhs_dataset_get_n_events (dataset),
                          g_list_model_get_n_items (nhs_dataset_get_figures (dataset)),
                          g_list_model_get_n_items (nhs_dataset_get_articles (dataset)),
                          g_list_model_get_n_items (nhs_dataset_get_sources (dataset)));
}

void
nhs_write_summary_json (GString    *out,
                        NhsDataset *dataset,
                        GArray     *totals)
{
  g_autoptr(JsonBuilder) b = json_builder_new_immutable ();
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (b);
  for (guint i = 0; i < totals->len; i++)
    {
      NhsGroupStrikeTotals *t = &g_array_index (totals, NhsGroupStrikeTotals, i);
      json_builder_set_member_name (b, nhs_group_get_id (t->group));
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "name");
      json_builder_add_string_value (b, nhs_group_get_name (t->group));
      json_builder_set_member_name (b, "rounds");
      json_builder_add_int_value (b, t->rounds);
      json_builder_set_member_name (b, "strike_days");
      json_builder_add_int_value (b, t->strike_days);
      json_builder_end_object (b);
    }
  json_builder_end_object (b);

  root = json_builder_get_root (b);
  json_generator_set_root (gen, root);
  json_generator_set_pretty (gen, TRUE);
  json_generator_set_indent (gen, 2);
  json_generator_to_gstring (gen, out);
  g_string_append_c (out, '\n');
}

gboolean
nhs_write_file_atomic (const char *path,
                       const char *data,
                       gsize       len,
                       GError    **error)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = g_file_get_parse_name (file);

  if (g_file_query_file_type (file, G_FILE_QUERY_INFO_NONE, NULL) == G_FILE_TYPE_DIRECTORY)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY,
                   _("Could not save to %s: that is a folder. Choose a file name."), name);
      return FALSE;
    }

  /* g_file_set_contents_full writes a temporary file beside the target,
   * syncs it and renames it over the target only once all is written; on
   * any failure it removes the temporary file. */
  if (g_file_peek_path (file) == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("Could not save to %s: only local files can be written."), name);
      return FALSE;
    }
  if (!g_file_set_contents_full (g_file_peek_path (file), data, (gssize) len,
                                 G_FILE_SET_CONTENTS_CONSISTENT, 0666, &local_error))
    {
      const char *why;

      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_ACCES) ||
          g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_PERM))
        why = _("you do not have permission to write in that folder");
      else if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOSPC))
        why = _("the disk is full");
      else if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT) ||
               g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOTDIR))
        why = _("the folder does not exist");
      else if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_ROFS))
        why = _("the disk is read-only");
      else if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_ISDIR))
        why = _("that is a folder; choose a file name");
      else
        why = local_error->message;
      g_set_error (error, G_IO_ERROR, g_io_error_from_file_error (local_error->code),
                   _("Could not save %s: %s."), name, why);
      return FALSE;
    }
  return TRUE;
}
