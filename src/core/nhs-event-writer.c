/* nhs-event-writer.c: events and summaries as CSV, JSON and text tables
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nhs-event-writer"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/xattr.h>
#include <unistd.h>

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

/* A cell a spreadsheet would read as a formula (=HYPERLINK(…), +, -, @,
 * and a tab or CR before one) gets a "'" in front, as OWASP recommends
 * against CSV injection: the spreadsheet then shows the text as text.
 * Nothing the app writes itself starts so (dates and day counts start
 * with a digit); only text from the dataset does. */
static gboolean
csv_needs_guard (const char *value)
{
  return value[0] != '\0' && strchr ("=+-@\t\r", value[0]) != NULL;
}

static void
csv_field (GString    *out,
           const char *value)
{
  if (value == NULL)
    return;
  if (strpbrk (value, ",\"\r\n") == NULL)
    {
      if (csv_needs_guard (value))
        g_string_append_c (out, '\'');
      g_string_append (out, value);
      return;
    }
  g_string_append_c (out, '"');
  if (csv_needs_guard (value))
    g_string_append_c (out, '\'');
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

/* What b built, as JSON indented by two, and a line end */
static void
append_built (GString     *out,
              JsonBuilder *b)
{
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  g_autoptr(JsonNode) root = json_builder_get_root (b);

  json_generator_set_root (gen, root);
  json_generator_set_pretty (gen, TRUE);
  json_generator_set_indent (gen, 2);
  json_generator_to_gstring (gen, out);
  g_string_append_c (out, '\n');
}

void
nhs_write_events_json (GString   *out,
                       GPtrArray *events)
{
  g_autoptr(JsonBuilder) b = json_builder_new_immutable ();

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

  append_built (out, b);
}

/* Text from a dataset, made safe for a terminal: control characters
 * (ESC, which starts the sequences that retitle a terminal or clear its
 * screen, and every other C0 and C1 control, DEL, line breaks and tabs,
 * which would break the table's columns) written as escapes a person can
 * read */
static char *
terminal_text (const char *text)
{
  GString *s;

  if (text == NULL)
    return g_strdup ("");
  s = g_string_sized_new (strlen (text));
  for (const char *p = text; *p; )
    {
      gunichar c = g_utf8_get_char_validated (p, -1);
      const char *next;

      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          /* not UTF-8 (the loader lets none through): the byte, escaped */
          g_string_append_printf (s, "\\x%02x", (guchar) *p);
          p++;
          continue;
        }
      next = g_utf8_next_char (p);
      if (c == '\n')
        g_string_append (s, "\\n");
      else if (c == '\r')
        g_string_append (s, "\\r");
      else if (c == '\t')
        g_string_append (s, "\\t");
      else if (c < 0x20 || c == 0x7f)
        g_string_append_printf (s, "\\x%02x", c);
      else if (c >= 0x80 && c < 0xa0)
        g_string_append_printf (s, "\\u%04x", c);
      else
        g_string_append_len (s, p, next - p);
      p = next;
    }
  return g_string_free (s, FALSE);
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

      row[0] = terminal_text (nhs_event_get_id (event));
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
      row[6] = terminal_text (nhs_event_get_title (event));
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

  g_autofree char *title = terminal_text (nhs_dataset_get_title (dataset));

  g_string_append_printf (out, "%s\n", title);
  pad (out, "GROUP", width + 2);
  g_string_append (out, "ROUNDS  STRIKE_DAYS  NAME\n");
  for (guint i = 0; i < totals->len; i++)
    {
      NhsGroupStrikeTotals *t = &g_array_index (totals, NhsGroupStrikeTotals, i);
      g_autofree char *name = terminal_text (nhs_group_get_name (t->group));

      /* group ids are lower-case letters, digits and "-" (the loader's rule) */
      pad (out, nhs_group_get_id (t->group), width + 2);
      g_string_append_printf (out, "%6u  %11u  %s\n", t->rounds, t->strike_days, name);
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

  append_built (out, b);
}

/* The file a path names once its symbolic links are followed, so a save
 * through a link replaces the file it points to and the link stays. A
 * dangling link gives the path it points to, where the file is made. Each
 * folder is resolved as the system resolves it (a ".." after a linked
 * folder leads out of its target), so the file found is the one the path
 * opens. */
static char *
resolve_links (const char *path,
               int        *saved_errno)
{
  g_autofree char *current = NULL;

  if (g_path_is_absolute (path))
    current = g_strdup (path);
  else
    {
      g_autofree char *cwd = g_get_current_dir ();
      current = g_build_filename (cwd, path, NULL);
    }

  /* the kernel's own limit of links in one lookup */
  for (guint hops = 0; hops <= 40; hops++)
    {
      g_autofree char *dir = g_path_get_dirname (current);
      g_autofree char *base = g_path_get_basename (current);
      g_autofree char *real_dir = realpath (dir, NULL);
      g_autofree char *link = NULL;
      GStatBuf st;

      g_free (current);
      current = g_build_filename (real_dir ? real_dir : dir, base, NULL);
      if (g_lstat (current, &st) != 0 || !S_ISLNK (st.st_mode))
        return g_steal_pointer (&current);
      link = g_file_read_link (current, NULL);
      if (link == NULL)
        return g_steal_pointer (&current);
      if (!g_path_is_absolute (link))
        {
          g_autofree char *link_dir = g_path_get_dirname (current);
          g_autofree char *relative = g_steal_pointer (&link);

          link = g_build_filename (link_dir, relative, NULL);
        }
      g_free (current);
      current = g_steal_pointer (&link);
    }
  *saved_errno = ELOOP;
  return NULL;
}

/* Extended attributes (tags, a "where from", a security label) go with the
 * file's content; whatever the new file cannot take is left behind, as a
 * copy would leave it. */
static void
copy_xattrs (const char *from,
             int         to)
{
  g_autofree char *names = NULL;
  ssize_t len = listxattr (from, NULL, 0);

  if (len <= 0)
    return;
  names = g_malloc (len);
  len = listxattr (from, names, len);
  for (ssize_t i = 0; i < len; i += strlen (names + i) + 1)
    {
      g_autofree char *value = NULL;
      ssize_t size = getxattr (from, names + i, NULL, 0);

      if (size < 0)
        continue;
      value = g_malloc (MAX (size, 1));
      size = getxattr (from, names + i, value, size);
      if (size >= 0)
        fsetxattr (to, names + i, value, size, 0);
    }
}

static gboolean
write_all (int         fd,
           const char *data,
           gsize       len)
{
  while (len > 0)
    {
      gssize n = write (fd, data, MIN (len, (gsize) G_MAXSSIZE));

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          if (n == 0)
            errno = EIO;
          return FALSE;
        }
      data += n;
      len -= n;
    }
  return TRUE;
}

/* Writes data to a new file beside target, then renames it over target:
 * a reader sees the old file or the new one, never half of one. The new
 * file gets the old one's mode, owner, group and extended attributes
 * first. Returns 0 or an errno. */
static int
replace_file (const char *target,
              const char *data,
              gsize       len)
{
  g_autofree char *dir = g_path_get_dirname (target);
  g_autofree char *base = g_path_get_basename (target);
  g_autofree char *tmpl = g_strdup_printf ("%s%c.%s.XXXXXX", dir, G_DIR_SEPARATOR, base);
  gboolean had_old;
  GStatBuf old;
  int fd;
  int saved;

  had_old = g_stat (target, &old) == 0;
  fd = g_mkstemp_full (tmpl, O_RDWR | O_CLOEXEC, 0666);
  if (fd < 0)
    return errno;

  if (had_old)
    {
      /* Owner first: a change of owner clears set-id bits, which the mode
       * then puts back. Only root may give a file away; its owner may
       * still give it a group of their own; otherwise the new file is the
       * writer's, as any file they make is. */
      if (fchown (fd, old.st_uid, old.st_gid) != 0 && fchown (fd, (uid_t) -1, old.st_gid) != 0)
        g_debug ("%s keeps the writer's owner and group", target);
      /* the old mode whole, even where it is stricter than the umask */
      if (fchmod (fd, old.st_mode & 07777) != 0)
        goto fail;
      copy_xattrs (target, fd);
    }

  if (!write_all (fd, data, len) || fsync (fd) != 0)
    goto fail;
  saved = close (fd);
  fd = -1;
  if (saved != 0 || g_rename (tmpl, target) != 0)
    goto fail;
  return 0;

fail:
  saved = errno;
  if (fd >= 0)
    close (fd);
  g_unlink (tmpl);
  return saved;
}

gboolean
nhs_write_file_atomic (const char *path,
                       const char *data,
                       gsize       len,
                       GError    **error)
{
  g_autofree char *name = g_filename_display_name (path);
  g_autofree char *target = NULL;
  const char *why;
  int saved_errno = 0;
  GStatBuf st;

  target = resolve_links (path, &saved_errno);
  if (target != NULL && g_stat (target, &st) == 0)
    {
      if (S_ISDIR (st.st_mode))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY,
                       _("Could not save to %s: that is a folder. Choose a file name."), name);
          return FALSE;
        }
      /* a device, a pipe or a socket would be replaced by a file (or, for
       * /dev/null as root, the system harmed): no save goes there */
      if (!S_ISREG (st.st_mode))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                       _("Could not save to %s: that is not an ordinary file. Choose another name."), name);
          return FALSE;
        }
    }
  if (target != NULL && (saved_errno = replace_file (target, data, len)) == 0)
    return TRUE;

  switch (saved_errno)
    {
    case EACCES:
    case EPERM:
      why = _("you do not have permission to write in that folder");
      break;
    case ENOSPC:
    case EDQUOT:
      why = _("the disk is full");
      break;
    case ENOENT:
    case ENOTDIR:
      why = _("the folder does not exist");
      break;
    case EROFS:
      why = _("the disk is read-only");
      break;
    case EISDIR:
      why = _("that is a folder; choose a file name");
      break;
    case ELOOP:
      why = _("it is a link that leads round in a circle");
      break;
    default:
      why = g_strerror (saved_errno);
      break;
    }
  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
               _("Could not save %s: %s."), name, why);
  return FALSE;
}
