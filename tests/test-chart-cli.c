/* test-chart-cli.c: nhs-dispute --export-chart, headless, as a script runs it
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "test-util.h"

/* Runs the binary with the arguments and no display at all; returns the
 * exit status, and stderr in *err */
static int
export_chart (char       **err,
              const char  *first,
              ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  va_list ap;

  va_start (ap, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);
  return test_run_cli (NULL, (const char * const *) args->pdata, NULL, err);
}

static GBytes *
read_bytes (const char *path)
{
  char *data;
  gsize len;

  g_assert_true (g_file_get_contents (path, &data, &len, NULL));
  return g_bytes_new_take (data, len);
}

static char *
dataset (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", name, NULL);
}

static void
test_deterministic (void)
{
  g_autofree char *dir = g_dir_make_tmp ("nhs-chart-cli-XXXXXX", NULL);
  const char *formats[] = { "png", "svg", "pdf" };

  for (guint f = 0; f < G_N_ELEMENTS (formats); f++)
    {
      g_autofree char *a = g_strdup_printf ("%s/a.%s", dir, formats[f]);
      g_autofree char *b = g_strdup_printf ("%s/b.%s", dir, formats[f]);
      g_autofree char *out_a = g_strconcat ("--export-chart=", a, NULL);
      g_autofree char *out_b = g_strconcat ("--export-chart=", b, NULL);
      g_autofree char *err = NULL;
      g_autoptr(GBytes) first = NULL;
      g_autoptr(GBytes) second = NULL;

      g_assert_cmpint (export_chart (&err, out_a, "--width=1600", "--height=900", "--scale=2",
                                     "--from=2023-06-01", "--to=2024-06-30", "--group=resident", NULL), ==, 0);
      g_assert_cmpstr (err, ==, "");
      g_clear_pointer (&err, g_free);
      g_assert_cmpint (export_chart (&err, out_b, "--width=1600", "--height=900", "--scale=2",
                                     "--from=2023-06-01", "--to=2024-06-30", "--group=resident", NULL), ==, 0);
      first = read_bytes (a);
      second = read_bytes (b);
      g_assert_cmpuint (g_bytes_get_size (first), >, 1000);
      g_assert_true (g_bytes_equal (first, second));
      g_assert_cmpint (g_remove (a), ==, 0);
      g_assert_cmpint (g_remove (b), ==, 0);
    }
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static guint32
be32 (const guint8 *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

static void
test_size_and_scale (void)
{
  g_autofree char *dir = g_dir_make_tmp ("nhs-chart-cli-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "chart.PNG", NULL);
  g_autofree char *out = g_strconcat ("--export-chart=", path, NULL);
  g_autofree char *err = NULL;
  g_autoptr(GBytes) png = NULL;
  const guint8 *data;

  /* the dataset's default size is 1600 × 900 at 1× */
  g_assert_cmpint (export_chart (&err, out, NULL), ==, 0);
  png = read_bytes (path);
  data = g_bytes_get_data (png, NULL);
  g_assert_cmpmem (data + 12, 4, "IHDR", 4);
  g_assert_cmpuint (be32 (data + 16), ==, 1600);
  g_assert_cmpuint (be32 (data + 20), ==, 900);
  g_clear_pointer (&png, g_bytes_unref);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (export_chart (&err, out, "--width=700", "--height=400", "--scale=2", NULL), ==, 0);
  png = read_bytes (path);
  data = g_bytes_get_data (png, NULL);
  g_assert_cmpuint (be32 (data + 16), ==, 1400);
  g_assert_cmpuint (be32 (data + 20), ==, 800);

  g_assert_cmpint (g_remove (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static guint
count_files (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (d != NULL && g_dir_read_name (d) != NULL)
    n++;
  return n;
}

static void
expect_failure (const char *dir,
                const char *path,
                const char *message)
{
  g_autofree char *out = g_strconcat ("--export-chart=", path, NULL);
  g_autofree char *err = NULL;
  g_autofree char *fixture = dataset ("chart.json");
  g_autofree char *with = g_strconcat ("--dataset=", fixture, NULL);
  guint before = count_files (dir);

  g_assert_cmpint (export_chart (&err, with, out, NULL), ==, 1);
  if (strstr (err, message) == NULL)
    g_error ("“%s” does not say “%s”", err, message);
  /* no partial file, no temporary file */
  g_assert_cmpuint (count_files (dir), ==, before);
}

static void
test_unwritable (void)
{
  g_autofree char *dir = g_dir_make_tmp ("nhs-chart-cli-XXXXXX", NULL);
  g_autofree char *file = g_build_filename (dir, "notes.txt", NULL);
  g_autofree char *under_file = g_build_filename (file, "chart.png", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing", "chart.png", NULL);
  g_autofree char *locked = g_build_filename (dir, "locked", NULL);
  g_autofree char *in_locked = g_build_filename (locked, "chart.png", NULL);

  g_assert_true (g_file_set_contents (file, "notes", -1, NULL));
  expect_failure (dir, under_file, "the folder does not exist");
  expect_failure (dir, missing, "the folder does not exist");
  expect_failure (dir, dir, "that is a folder");
  expect_failure (dir, file, ".png, .svg or .pdf");

  /* root may write anywhere, so a read-only folder only stops other users */
  g_assert_cmpint (g_mkdir (locked, 0555), ==, 0);
  if (geteuid () != 0)
    {
      expect_failure (locked, in_locked, "you do not have permission to write in that folder");
      g_assert_cmpuint (count_files (locked), ==, 0);
    }
  g_assert_cmpint (g_rmdir (locked), ==, 0);

  g_assert_cmpint (g_remove (file), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/chart-cli/deterministic", test_deterministic);
  g_test_add_func ("/chart-cli/size-and-scale", test_size_and_scale);
  g_test_add_func ("/chart-cli/unwritable", test_unwritable);

  return g_test_run ();
}
