/* test-old-cache.c: the snapshot files of earlier versions are removed
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Earlier versions wrote a snapshot of each dataset they opened into
 * $XDG_CACHE_HOME/nhs-dispute. The first load of a session removes those
 * files, and nothing else: no file of another name, nothing a link points
 * to, nothing outside the folder.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <unistd.h>

#include "nhs-dataset-loader.h"
#include "nhs-dataset-private.h"
#include "test-tmpdir.h"

static void
put_file (const char *dir,
          const char *name,
          const char *contents)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);

  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
}

static void
put_link (const char *dir,
          const char *name,
          const char *target)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);

  g_assert_cmpint (symlink (target, path), ==, 0);
}

static gboolean
exists (const char *dir,
        const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  GStatBuf st;

  return g_lstat (path, &st) == 0;
}

/* Fills dir as an earlier version left it: two snapshots and a writer's
 * temporary file */
static void
fill_old_cache (const char *dir)
{
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  put_file (dir, "0123456789abcdef0123456789abcdef.gvariant", "NHSCACHE");
  put_file (dir, "fedcba9876543210fedcba9876543210.gvariant", "NHSCACHE");
  put_file (dir, ".goutputstream-AB12CD", "NHSCA");
}

/* The first load removes the user's old cache folder */
static void
test_first_load (void)
{
  g_autofree char *dir = g_build_filename (g_get_user_cache_dir (), "nhs-dispute", NULL);
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "data", "minimal.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (fixture);
  g_autoptr(GError) error = NULL;
  g_autoptr(NhsDataset) ds = NULL;

  /* the tests' own cache folder, never the user's */
  g_assert_true (g_str_has_prefix (g_get_user_cache_dir (), g_getenv ("G_TEST_BUILDDIR")));
  fill_old_cache (dir);
  g_assert_true (exists (dir, ".goutputstream-AB12CD"));

  ds = nhs_dataset_load_file (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (g_file_test (dir, G_FILE_TEST_EXISTS));

  /* once a session: a folder made later stays */
  fill_old_cache (dir);
  g_clear_object (&ds);
  ds = nhs_dataset_load_file (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (exists (dir, "0123456789abcdef0123456789abcdef.gvariant"));
  test_remove_tree (dir);
}

/* Files of other names stay, and so does the folder that holds them */
static void
test_other_files_stay (void)
{
  g_autofree char *tmp = test_make_tmpdir ();
  g_autofree char *dir = g_build_filename (tmp, "nhs-dispute", NULL);
  g_autofree char *kept = g_build_filename (dir, "kept.gvariant", NULL);

  fill_old_cache (dir);
  put_file (dir, "notes.txt", "mine");
  g_assert_cmpint (g_mkdir (kept, 0700), ==, 0);

  _nhs_dataset_remove_old_cache (dir);
  g_assert_false (exists (dir, "0123456789abcdef0123456789abcdef.gvariant"));
  g_assert_false (exists (dir, ".goutputstream-AB12CD"));
  g_assert_true (exists (dir, "notes.txt"));
  /* a folder of a snapshot's name is not a snapshot */
  g_assert_true (g_file_test (kept, G_FILE_TEST_IS_DIR));
  test_remove_tree (tmp);
}

/* Links are removed as links, never followed: what they point to stays */
static void
test_links_not_followed (void)
{
  g_autofree char *tmp = test_make_tmpdir ();
  g_autofree char *dir = g_build_filename (tmp, "nhs-dispute", NULL);
  g_autofree char *outside = g_build_filename (tmp, "outside", NULL);
  g_autofree char *precious = g_build_filename (outside, "precious.gvariant", NULL);

  g_assert_cmpint (g_mkdir (outside, 0700), ==, 0);
  put_file (outside, "precious.gvariant", "keep me");
  put_file (outside, "other.gvariant", "keep me too");

  /* a link inside the folder to a file outside, and to a folder outside */
  fill_old_cache (dir);
  put_link (dir, "aaaa.gvariant", precious);
  put_link (dir, ".goutputstream-link", outside);
  _nhs_dataset_remove_old_cache (dir);
  g_assert_false (g_file_test (dir, G_FILE_TEST_EXISTS));
  test_assert_file_contents (precious, "keep me");
  g_assert_true (exists (outside, "other.gvariant"));

  /* the folder itself a link to a folder outside: left alone, and what it
   * points to too */
  put_link (tmp, "nhs-dispute", outside);
  _nhs_dataset_remove_old_cache (dir);
  g_assert_true (g_file_test (dir, G_FILE_TEST_IS_SYMLINK));
  test_assert_file_contents (precious, "keep me");
  g_assert_true (exists (outside, "other.gvariant"));

  /* no folder at all: nothing to do */
  g_unlink (dir);
  _nhs_dataset_remove_old_cache (dir);
  test_remove_tree (tmp);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  /* a cache folder of its own: the window tests running beside this one
   * keep their recovery files in the shared one */
  {
    g_autofree char *cache = g_build_filename (g_getenv ("G_TEST_BUILDDIR"), "cache-old-cache", NULL);

    g_setenv ("XDG_CACHE_HOME", cache, TRUE);
  }

  /* first: no other test has loaded anything yet in this process */
  g_test_add_func ("/old-cache/first-load", test_first_load);
  g_test_add_func ("/old-cache/other-files-stay", test_other_files_stay);
  g_test_add_func ("/old-cache/links-not-followed", test_links_not_followed);

  return g_test_run ();
}
