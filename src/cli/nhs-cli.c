/* nhs-cli.c: the headless command line
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Parsed with GOptionContext rather than GApplication's own options, so that
 * headless commands never touch a display and bad usage exits with 2.
 */
#define G_LOG_DOMAIN "nhs-cli"

#include "config.h"

#include <errno.h>
#include <gio/gunixinputstream.h>
#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "nhs-briefing.h"
#include "nhs-chart-export.h"
#include "nhs-cli.h"
#include "nhs-dataset-loader.h"
#include "nhs-document.h"
#include "nhs-enums.h"
#include "nhs-event-filter.h"
#include "nhs-event-writer.h"
#include "nhs-extract.h"
#include "nhs-extract-output.h"
#include "nhs-stats.h"

typedef struct
{
  char *dataset;
  char *check_dataset;
  gboolean list_events;
  gboolean summary;
  char *export_chart;
  char *save_as;
  char *format;
  char *search;
  char **groups;
  char **kinds;
  char *from;
  char *to;
  int width;
  int height;
  int scale;
  gboolean version;
  char **remaining;
  char *export_briefing;
  char *paper;
  /* --extract */
  char *extract;
  char *published;
} Options;

static void
options_clear (Options *o)
{
  g_free (o->dataset);
  g_free (o->check_dataset);
  g_free (o->export_chart);
  g_free (o->save_as);
  g_free (o->format);
  g_free (o->search);
  g_strfreev (o->groups);
  g_strfreev (o->kinds);
  g_free (o->from);
  g_free (o->to);
  g_strfreev (o->remaining);
  g_free (o->export_briefing);
  g_free (o->paper);
  g_free (o->extract);
  g_free (o->published);
}

G_GNUC_PRINTF (1, 2)
static int
usage_error (const char *format, ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_printerr ("nhs-dispute: %s\n", message);
  g_printerr (_("Run “nhs-dispute --help” to see the options.\n"));
  return NHS_EXIT_USAGE;
}

GFile *
nhs_cli_file_for_arg (const char *arg)
{
  g_autofree char *scheme = NULL;

  g_return_val_if_fail (arg != NULL, NULL);

  /* g_file_new_for_commandline_arg() takes any "word:" start as a scheme */
  scheme = g_uri_parse_scheme (arg);
  if (scheme != NULL && g_str_has_prefix (arg + strlen (scheme), "://") &&
      !g_file_test (arg, G_FILE_TEST_EXISTS))
    return g_file_new_for_uri (arg);
  return g_file_new_for_path (arg);
}

static NhsDataset *
load_dataset (const char *path,
              GError    **error)
{
  if (path == NULL)
    return nhs_dataset_load_bundled (error);
  else
    {
      g_autoptr(GFile) file = nhs_cli_file_for_arg (path);
      return nhs_dataset_load_file (file, NULL, error);
    }
}

static GDateTime *
parse_day (NhsDataset *dataset,
           const char *text)
{
  int y, m, d;
  char tail;

  if (text == NULL || strlen (text) != 10 ||
      sscanf (text, "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3 ||
      text[4] != '-' || text[7] != '-' || !g_date_valid_dmy (d, m, y))
    return NULL;
  return g_date_time_new (nhs_dataset_get_timezone (dataset), y, m, d, 0, 0, 0);
}

/* Applies --search, --group, --kind, --from and --to; returns an exit
 * status on bad usage, -1 on success */
static int
build_filter (Options         *o,
              NhsDataset      *dataset,
              NhsEventFilter **out)
{
  g_autoptr(NhsEventFilter) filter = nhs_event_filter_new ();
  g_autoptr(GDateTime) from = NULL;
  g_autoptr(GDateTime) to = NULL;
  guint kinds = 0;

  nhs_event_filter_set_search (filter, o->search);

  for (guint i = 0; o->groups && o->groups[i]; i++)
    if (nhs_dataset_lookup_group (dataset, o->groups[i]) == NULL)
      {
        g_autoptr(GString) known = g_string_new (NULL);
        GListModel *groups = nhs_dataset_get_groups (dataset);
        for (guint g = 0; g < g_list_model_get_n_items (groups); g++)
          {
            g_autoptr(NhsGroup) group = g_list_model_get_item (groups, g);
            g_string_append_printf (known, "%s%s", g ? ", " : "", nhs_group_get_id (group));
          }
        return usage_error (_("there is no group “%s” in this dataset (it has: %s)"),
                            o->groups[i], known->str);
      }
  if (o->groups)
    nhs_event_filter_set_only_groups (filter, dataset, (const char * const *) o->groups);

  for (guint i = 0; o->kinds && o->kinds[i]; i++)
    {
      int kind;
      if (!nhs_enum_from_nick (NHS_TYPE_EVENT_KIND, o->kinds[i], &kind))
        {
          g_autofree char *nicks = nhs_event_kind_list_nicks ();
          return usage_error (_("unknown kind “%s” (use one of: %s)"), o->kinds[i], nicks);
        }
      kinds |= NHS_EVENT_KIND_MASK (kind);
    }
  nhs_event_filter_set_kinds (filter, kinds);

  if (o->from && (from = parse_day (dataset, o->from)) == NULL)
    return usage_error (_("--from needs a date such as 2024-01-31, not “%s”"), o->from);
  if (o->to && (to = parse_day (dataset, o->to)) == NULL)
    return usage_error (_("--to needs a date such as 2024-01-31, not “%s”"), o->to);
  if (from && to && g_date_time_compare (from, to) > 0)
    return usage_error (_("--from (%s) is after --to (%s)"), o->from, o->to);
  nhs_event_filter_set_range (filter, from, to);

  *out = g_steal_pointer (&filter);
  return -1;
}

static int
print_output (GString *out)
{
  /* a full disk or a closed pipe on stdout is a failure like any other:
   * a script must not take a cut-off listing for the whole */
  if (fwrite (out->str, 1, out->len, stdout) != out->len || fflush (stdout) != 0)
    {
      int saved_errno = errno;

      g_printerr (_("nhs-dispute: could not write the output: %s\n"), g_strerror (saved_errno));
      return NHS_EXIT_BAD_INPUT;
    }
  return NHS_EXIT_OK;
}

static int
run_list_events (Options        *o,
                 NhsDataset     *dataset,
                 NhsEventFilter *filter)
{
  g_autoptr(GPtrArray) events = g_ptr_array_new ();
  g_autoptr(GString) out = g_string_new (NULL);
  guint n = nhs_dataset_get_n_events (dataset);

  for (guint i = 0; i < n; i++)
    {
      NhsEvent *event = nhs_dataset_get_event (dataset, i);
      if (nhs_event_filter_match (filter, event))
        g_ptr_array_add (events, event);
    }

  if (g_strcmp0 (o->format, "csv") == 0)
    nhs_write_events_csv (out, events);
  else if (g_strcmp0 (o->format, "json") == 0)
    nhs_write_events_json (out, events);
  else
    nhs_write_events_table (out, events);
  return print_output (out);
}

static int
run_summary (Options        *o,
             NhsDataset     *dataset,
             NhsEventFilter *filter)
{
  g_autoptr(GArray) totals = nhs_stats_strike_totals (dataset, filter);
  g_autoptr(GString) out = g_string_new (NULL);

  if (g_strcmp0 (o->format, "json") == 0)
    nhs_write_summary_json (out, dataset, totals);
  else
    nhs_write_summary_table (out, dataset, totals);
  return print_output (out);
}

static int
run_export_chart (Options        *o,
                  NhsDataset     *dataset,
                  NhsEventFilter *filter)
{
  NhsChartExportOptions options;
  g_autoptr(GError) error = NULL;

  nhs_chart_export_options_init (&options);
  if (o->width)
    options.width = o->width;
  if (o->height)
    options.height = o->height;
  if (o->scale)
    options.scale = o->scale;
  if (nhs_event_filter_get_from (filter))
    options.from_us = g_date_time_to_unix (nhs_event_filter_get_from (filter)) * G_USEC_PER_SEC;
  if (nhs_event_filter_get_to (filter))
    {
      GDateTime *to = nhs_event_filter_get_to (filter);
      g_autoptr(GDateTime) end = g_date_time_add_days (to, 1);

      /* 9999-12-31 has no next day: end with its last second */
      options.to_us = (end ? g_date_time_to_unix (end) : g_date_time_to_unix (to) + 86400) * G_USEC_PER_SEC;
    }

  if (!nhs_chart_export_file (dataset, filter, &options, o->export_chart, &error))
    {
      g_printerr ("nhs-dispute: %s\n", error->message);
      return NHS_EXIT_BAD_INPUT;
    }
  return NHS_EXIT_OK;
}

/* --extract=FILE|- [--published=YYYY-MM-DD] [--format=json|table]
 * [--dataset=FILE]: the article's metadata and its candidates, each
 * matched against the dataset (the bundled one by default) */
static int
run_extract (Options *o)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NhsImportedArticle) article = NULL;
  g_autoptr(NhsDataset) dataset = NULL;
  g_autoptr(GPtrArray) candidates = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  const char *published;
  int y, m, d;
  char tail;

  if (o->check_dataset || o->list_events || o->summary || o->export_chart || o->export_briefing || o->save_as)
    return usage_error (_("choose one of --check-dataset, --list-events, --summary, --export-chart, --export-briefing, --save-as and --extract"));
  if (o->format && !g_strv_contains ((const char *[]) { "table", "json", NULL }, o->format))
    return usage_error (_("--format for --extract is table or json, not “%s”"), o->format);
  if (o->search || o->groups || o->kinds || o->from || o->to || o->width || o->height || o->scale)
    return usage_error (_("--search, --group, --kind, --from, --to, --width, --height and --scale do not go with --extract"));
  if (o->remaining)
    return usage_error (_("unexpected argument “%s”"), o->remaining[0]);
  if (o->published && (strlen (o->published) != 10 || o->published[4] != '-' || o->published[7] != '-' ||
                       sscanf (o->published, "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3 || !g_date_valid_dmy (d, m, y)))
    return usage_error (_("--published needs a date such as 2024-01-31, not “%s”"), o->published);

  if (strcmp (o->extract, "-") == 0)
    {
      g_autoptr(GInputStream) in = g_unix_input_stream_new (0, FALSE);
      article = nhs_article_import_stream (in, NULL, NULL, &error);
    }
  else
    {
      g_autoptr(GFile) file = nhs_cli_file_for_arg (o->extract);
      article = nhs_article_import_file (file, NULL, &error);
    }
  if (article == NULL)
    {
      g_printerr ("nhs-dispute: %s\n", error->message);
      return NHS_EXIT_BAD_INPUT;
    }
  if (o->published)
    {
      g_free (article->published);
      article->published = g_strdup (o->published);
    }
  published = article->published;
  if (published == NULL)
    g_printerr (_("nhs-dispute: the article gives no publication date, so dates without a year and days such as “next Tuesday” are left out; give one with --published=YYYY-MM-DD\n"));

  dataset = load_dataset (o->dataset, &error);
  if (dataset == NULL)
    {
      g_printerr ("%s\n", error->message);
      return NHS_EXIT_BAD_INPUT;
    }

  candidates = nhs_extract (article->body, -1, published, dataset);
  if (g_strcmp0 (o->format, "json") == 0)
    nhs_write_extraction_json (out, article, candidates);
  else
    nhs_write_extraction_table (out, article, candidates);
  return print_output (out);
}

/* Load, then write in the canonical layout: how scripts normalise files */
static int
run_save_as (const char *in,
             const char *out)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NhsDocument) document = NULL;
  g_autoptr(GFile) out_file = nhs_cli_file_for_arg (out);

  if (in == NULL)
    document = nhs_document_load_bundled (&error);
  else
    {
      g_autoptr(GFile) in_file = nhs_cli_file_for_arg (in);
      document = nhs_document_load_file (in_file, NULL, &error);
    }
  if (document == NULL || !nhs_document_save_as (document, out_file, &error))
    {
      g_printerr ("%s\n", error->message);
      return NHS_EXIT_BAD_INPUT;
    }
  return NHS_EXIT_OK;
}

static int
run_export_briefing (Options        *o,
                     NhsDataset     *dataset,
                     NhsEventFilter *filter)
{
  NhsBriefingOptions options;
  g_autoptr(GError) error = NULL;

  nhs_briefing_options_init (&options);
  if (o->paper)
    nhs_paper_size_from_string (o->paper, &options.paper);
  if (!nhs_briefing_export_file (dataset, filter, &options, o->export_briefing, &error))
    {
      g_printerr ("nhs-dispute: %s\n", error->message);
      return NHS_EXIT_BAD_INPUT;
    }
  return NHS_EXIT_OK;
}

/* --export-briefing's own rules, apart from the other commands' */
static int
check_briefing_usage (Options *o)
{
  NhsBriefingFormat format;
  NhsPaperSize paper;

  if (o->paper && !o->export_briefing)
    return usage_error (_("--paper goes with --export-briefing"));
  if (o->paper && !nhs_paper_size_from_string (o->paper, &paper))
    return usage_error (_("--paper is a4 or letter, not “%s”"), o->paper);
  if (o->export_briefing == NULL)
    return -1;
  if (o->check_dataset || o->list_events || o->summary || o->export_chart || o->save_as)
    return usage_error (_("choose one of --check-dataset, --list-events, --summary, --export-chart, --export-briefing, --save-as and --extract"));
  if (o->format || o->width || o->height || o->scale)
    return usage_error (_("--format, --width, --height and --scale do not go with --export-briefing"));
  if (!nhs_briefing_format_for_path (o->export_briefing, &format))
    return usage_error (_("--export-briefing needs a file name ending in .pdf, .md or .html, not “%s”"), o->export_briefing);
  if (o->remaining)
    return usage_error (_("unexpected argument “%s”"), o->remaining[0]);
  return -1;
}

static int
check_usage (Options *o)
{
  int n_commands = (o->check_dataset != NULL) + o->list_events + o->summary + (o->export_chart != NULL) +
                   (o->save_as != NULL);
  gboolean filtering = o->search || o->groups || o->kinds || o->from || o->to;

  if (n_commands > 1)
    return usage_error (_("choose one of --check-dataset, --list-events, --summary, --export-chart, --export-briefing, --save-as and --extract"));
  if (o->format)
    {
      if (!o->list_events && !o->summary)
        return usage_error (_("--format goes with --list-events or --summary"));
      if (o->list_events && !g_strv_contains ((const char *[]) { "table", "csv", "json", NULL }, o->format))
        return usage_error (_("--format for --list-events is table, csv or json, not “%s”"), o->format);
      if (o->summary && !g_strv_contains ((const char *[]) { "table", "json", NULL }, o->format))
        return usage_error (_("--format for --summary is table or json, not “%s”"), o->format);
    }
  if (filtering && !o->list_events && !o->summary && !o->export_chart && !o->export_briefing)
    return usage_error (_("--search, --group, --kind, --from and --to go with --list-events, --summary or --export-chart"));
  if ((o->width || o->height || o->scale) && !o->export_chart)
    return usage_error (_("--width, --height and --scale go with --export-chart"));
  if (o->width && (o->width < 200 || o->width > 10000))
    return usage_error (_("--width must be between 200 and 10000 pixels"));
  if (o->height && (o->height < 150 || o->height > 10000))
    return usage_error (_("--height must be between 150 and 10000 pixels"));
  if (o->scale && o->scale != 1 && o->scale != 2)
    return usage_error (_("--scale must be 1 or 2"));
  if (o->remaining && n_commands > 0)
    return usage_error (_("unexpected argument “%s”"), o->remaining[0]);
  return -1;
}

int
nhs_cli_run (int           argc,
             char        **argv,
             NhsCliResult *result)
{
  Options o = { 0 };
  GOptionEntry entries[] = {
    { "dataset", 'd', 0, G_OPTION_ARG_FILENAME, &o.dataset, N_("Open or query this dataset instead of the bundled one"), N_("FILE") },
    { "check-dataset", 0, 0, G_OPTION_ARG_FILENAME, &o.check_dataset, N_("Check that a dataset file is valid, and exit"), N_("FILE") },
    { "list-events", 0, 0, G_OPTION_ARG_NONE, &o.list_events, N_("Print the events that match the filters, and exit"), NULL },
    { "summary", 0, 0, G_OPTION_ARG_NONE, &o.summary, N_("Print strike rounds and strike days per group, and exit"), NULL },
    { "export-chart", 0, 0, G_OPTION_ARG_FILENAME, &o.export_chart, N_("Save the chart as a PNG, SVG or PDF file, and exit"), N_("OUT") },
    { "save-as", 0, 0, G_OPTION_ARG_FILENAME, &o.save_as, N_("Save the dataset in the canonical layout, and exit"), N_("OUT") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &o.format, N_("Output format: table, csv or json"), N_("FORMAT") },
    { "search", 0, 0, G_OPTION_ARG_STRING, &o.search, N_("Only events containing all these words"), N_("TEXT") },
    { "group", 0, 0, G_OPTION_ARG_STRING_ARRAY, &o.groups, N_("Only events of this group (repeatable)"), N_("ID") },
    { "kind", 0, 0, G_OPTION_ARG_STRING_ARRAY, &o.kinds, NULL, N_("KIND") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &o.from, N_("Only events on or after this day"), N_("YYYY-MM-DD") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &o.to, N_("Only events on or before this day"), N_("YYYY-MM-DD") },
    { "width", 0, 0, G_OPTION_ARG_INT, &o.width, N_("Chart width in pixels (default 1600)"), N_("PX") },
    { "height", 0, 0, G_OPTION_ARG_INT, &o.height, N_("Chart height in pixels (default 900)"), N_("PX") },
    { "scale", 0, 0, G_OPTION_ARG_INT, &o.scale, N_("Chart pixel scale, 1 or 2"), N_("N") },
    { "export-briefing", 0, 0, G_OPTION_ARG_FILENAME, &o.export_briefing, N_("Save a briefing of the events (chart, key numbers, events and their sources) as a PDF, Markdown or HTML file, and exit"), N_("OUT") },
    { "paper", 0, 0, G_OPTION_ARG_STRING, &o.paper, N_("Paper size of a PDF briefing: a4 or letter (default: the locale's)"), N_("SIZE") },
    { "version", 0, 0, G_OPTION_ARG_NONE, &o.version, N_("Print the version and exit"), NULL },
    { "extract", 0, 0, G_OPTION_ARG_FILENAME, &o.extract, N_("Print an article’s title, date and the events and figures found in it (a text, Markdown or HTML file, or - for standard input), and exit"), N_("FILE") },
    { "published", 0, 0, G_OPTION_ARG_STRING, &o.published, N_("With --extract: the article’s publication date, for dates written without a year"), N_("YYYY-MM-DD") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &o.remaining, NULL, N_("[FILE…]") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(NhsDataset) dataset = NULL;
  g_autoptr(NhsEventFilter) filter = NULL;
  int status;

  g_autofree char *kind_nicks = nhs_event_kind_list_nicks ();
  g_autofree char *kind_help = NULL;

  memset (result, 0, sizeof *result);

  /* the kinds, from the table of kinds */
  for (GOptionEntry *e = entries; e->long_name != NULL; e++)
    if (strcmp (e->long_name, "kind") == 0)
      e->description = kind_help = g_strdup_printf (_("Only events of this kind (repeatable): %s"), kind_nicks);

  context = g_option_context_new (NULL);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
    _("Explore the English NHS doctors’ pay dispute: strikes, ballots, offers and pay awards, with the evidence behind each."));
  g_option_context_set_description (context,
    _("Without a command, the window opens. The commands --check-dataset, --list-events, --summary, --export-chart, --export-briefing, --save-as and --extract need no display.\n"
      "Exit status: 0 success, 1 bad input, 2 bad usage."));

  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      status = usage_error ("%s", error->message);
      goto out;
    }

  if (o.version)
    {
      g_autoptr(GString) out = g_string_new ("nhs-dispute " PACKAGE_VERSION "\n");

      status = print_output (out);
      goto out;
    }

  if (o.extract)
    {
      status = run_extract (&o);
      goto out;
    }
  if (o.published)
    {
      status = usage_error (_("--published goes with --extract"));
      goto out;
    }

  if ((status = check_briefing_usage (&o)) >= 0)
    goto out;
  if ((status = check_usage (&o)) >= 0)
    goto out;

  if (o.check_dataset)
    {
      g_autoptr(GFile) file = nhs_cli_file_for_arg (o.check_dataset);
      g_autoptr(NhsDataset) checked = nhs_dataset_load_file (file, NULL, &error);

      if (checked == NULL)
        {
          g_printerr ("%s\n", error->message);
          status = NHS_EXIT_BAD_INPUT;
        }
      else
        {
          guint n_events = nhs_dataset_get_n_events (checked);
          guint n_figures = g_list_model_get_n_items (nhs_dataset_get_figures (checked));
          guint n_articles = g_list_model_get_n_items (nhs_dataset_get_articles (checked));
          g_autofree char *events = g_strdup_printf (ngettext ("%u event", "%u events", n_events), n_events);
          g_autofree char *figures = g_strdup_printf (ngettext ("%u figure", "%u figures", n_figures), n_figures);
          g_autofree char *articles = g_strdup_printf (ngettext ("%u article", "%u articles", n_articles), n_articles);

          g_autoptr(GString) out = g_string_new (NULL);

          /* Translators: "data.json: valid (70 events, 117 figures, 5 articles)" */
          g_string_printf (out, _("%s: valid (%s, %s, %s)\n"), nhs_dataset_get_display_name (checked), events, figures, articles);
          status = print_output (out);
        }
      goto out;
    }

  if (o.save_as)
    {
      status = run_save_as (o.dataset, o.save_as);
      goto out;
    }

  if (!o.list_events && !o.summary && !o.export_chart && !o.export_briefing)
    {
      result->run_gui = TRUE;
      result->dataset = g_steal_pointer (&o.dataset);
      result->files = g_steal_pointer (&o.remaining);
      status = -1;
      goto out;
    }

  dataset = load_dataset (o.dataset, &error);
  if (dataset == NULL)
    {
      g_printerr ("%s\n", error->message);
      status = NHS_EXIT_BAD_INPUT;
      goto out;
    }
  if ((status = build_filter (&o, dataset, &filter)) >= 0)
    goto out;

  if (o.list_events)
    status = run_list_events (&o, dataset, filter);
  else if (o.summary)
    status = run_summary (&o, dataset, filter);
  else if (o.export_briefing)
    status = run_export_briefing (&o, dataset, filter);
  else
    status = run_export_chart (&o, dataset, filter);

out:
  options_clear (&o);
  return status;
}

void
nhs_cli_result_clear (NhsCliResult *result)
{
  g_clear_pointer (&result->dataset, g_free);
  g_clear_pointer (&result->files, g_strfreev);
}
