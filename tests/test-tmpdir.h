/* test-tmpdir.h: temporary folders for the robustness tests
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <glib/gstdio.h>
#include <unistd.h>

static inline char *
test_make_tmpdir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("nhs-robust-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

/* Removes a folder and all in it, making it writable first (a test may
 * have made it read-only) */
static inline void
test_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  g_chmod (path, 0755);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        test_remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

/* A folder in the temporary folder named after a process: one a test
 * program makes for the children it starts (g_test_trap_subprocess ()),
 * which find it from their parent's id (getppid ()) without the parent
 * changing its environment */
static inline char *
test_tmpdir_for_process (const char *prefix,
                         int         pid)
{
  g_autofree char *name = g_strdup_printf ("%s-%d", prefix, pid);

  return g_build_filename (g_get_tmp_dir (), name, NULL);
}

static inline int
test_compare_names (gconstpointer a,
                    gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* The names in a folder, sorted, joined by spaces */
static inline char *
test_list_dir (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, test_compare_names);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (" ", (char **) names->pdata);
}

static inline void
test_assert_file_contents (const char *path,
                           const char *expected)
{
  g_autofree char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, expected);
}

/* Makes the folder test_tmpdir_for_process () names for this process,
 * empty */
static inline char *
test_make_tmpdir_for_children (const char *prefix)
{
  char *dir = test_tmpdir_for_process (prefix, getpid ());

  test_remove_tree (dir);
  g_assert_cmpint (g_mkdir (dir, 0700), ==, 0);
  return dir;
}

/* Runs the test again in a child, which must pass; then removes the
 * children's folder */
static inline void
test_run_child_and_remove (const char *dir)
{
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
  test_remove_tree (dir);
}
