/* nhs-time-zone.c: time zones named by datasets
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * g_time_zone_new_identifier() takes whatever it is given as a file name
 * under the zone folder, or as an absolute path: a dataset naming a pipe
 * hung the app for ever, "../../../../etc/passwd" gave a GLib-CRITICAL,
 * "/etc/localtime" was taken. A dataset's zone is therefore only an IANA
 * name such as Europe/London, written in the IANA grammar and listed by
 * the system's time zone database, and only then handed to GLib.
 */
#define G_LOG_DOMAIN "nhs-time-zone"

#include "config.h"

#include <string.h>

#include "nhs-time-zone.h"

/* IANA names are ASCII words joined by "/" (Theory file, "Names of
 * timezones"); each part at most 14 characters there, here a little more
 * room, and never "." or "..", so no name is also a path that leaves the
 * zone folder */
gboolean
nhs_time_zone_name_is_valid (const char *id)
{
  gsize part = 0;

  if (id == NULL || *id == '\0' || strlen (id) > 255)
    return FALSE;
  for (const char *p = id; ; p++)
    {
      if (*p == '/' || *p == '\0')
        {
          if (part == 0)
            return FALSE;
          if (*p == '\0')
            return TRUE;
          part = 0;
          continue;
        }
      if (!g_ascii_isalnum (*p) && *p != '_' && *p != '+' && *p != '-')
        return FALSE;
      part++;
    }
}

/* Where GLib looks for zones: $TZDIR, as GLib reads it, or the usual
 * folder */
static const char *
zone_dir (void)
{
  const char *dir = g_getenv ("TZDIR");

  return dir != NULL && *dir != '\0' ? dir : "/usr/share/zoneinfo";
}

/* The names in tzdata.zi, the database's own compact source: "Z NAME …"
 * for a zone, "L TARGET NAME" for a link (UTC, GB, Europe/Belfast). NULL
 * where the system has no such file. */
static GHashTable *
read_zone_names (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "tzdata.zi", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GHashTable) names = NULL;
  char *line, *next;

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR) ||
      !g_file_get_contents (path, &text, NULL, NULL))
    return NULL;
  names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (line = text; line != NULL && *line; line = next)
    {
      g_auto(GStrv) words = NULL;

      next = strchr (line, '\n');
      if (next != NULL)
        *next++ = '\0';
      if ((line[0] != 'Z' && line[0] != 'L') || line[1] != ' ')
        continue;
      words = g_strsplit_set (line, " \t", -1);
      if (line[0] == 'Z' && g_strv_length (words) >= 2)
        g_hash_table_add (names, g_strdup (words[1]));
      else if (line[0] == 'L' && g_strv_length (words) >= 3)
        g_hash_table_add (names, g_strdup (words[2]));
    }
  return g_steal_pointer (&names);
}

/* Whether the system lists id as a zone: by tzdata.zi where there is one;
 * otherwise the zone's file must be an ordinary file (not a pipe, a
 * device or a folder) */
static gboolean
system_knows (const char *id)
{
  G_LOCK_DEFINE_STATIC (names);
  static GHashTable *names_by_dir;
  g_autofree char *dir = g_strdup (zone_dir ());
  GHashTable *names;
  gboolean found;

  G_LOCK (names);
  if (names_by_dir == NULL)
    names_by_dir = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                          (GDestroyNotify) g_hash_table_unref);
  if (!g_hash_table_lookup_extended (names_by_dir, dir, NULL, (gpointer *) &names))
    {
      names = read_zone_names (dir);
      g_hash_table_insert (names_by_dir, g_strdup (dir), names);
    }
  found = names != NULL && g_hash_table_contains (names, id);
  G_UNLOCK (names);

  if (names == NULL)
    {
      g_autofree char *path = g_build_filename (dir, id, NULL);

      found = g_file_test (path, G_FILE_TEST_IS_REGULAR);
    }
  return found;
}

/* A time zone for an IANA name the system knows, or NULL */
GTimeZone *
nhs_time_zone_new_checked (const char *id)
{
  if (!nhs_time_zone_name_is_valid (id) || !system_knows (id))
    return NULL;
  return g_time_zone_new_identifier (id);
}

GDateTime *
nhs_time_zone_local (GTimeZone *tz,
                     gint64     us)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (us / G_USEC_PER_SEC);

  return g_date_time_to_timezone (utc, tz);
}
