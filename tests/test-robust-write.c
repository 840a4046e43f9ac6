/* test-robust-write.c: writing files when the disk says no, and never
 * writing into a dataset
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * nhs_write_file_atomic() against a folder in the way, a folder the user
 * may not write to, a read-only disk and a full one: each time an error in
 * plain words, no partial or temporary file left behind and an existing
 * file untouched. The read-only and full disks are small tmpfs mounts in a
 * private mount namespace of a child process (so nothing outside the test
 * ever sees them); where the system allows no such namespace, those cases
 * are skipped with the reason.
 */
/* unshare() and the CLONE_ flags */
#define _GNU_SOURCE

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <sched.h>
#include <stdio.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "nhs-event-writer.h"
#include "test-mounts.h"
#include "test-tmpdir.h"
#include "test-util.h"

#define EXIT_SKIP 77
#define OLD_CONTENT "id,title\r\nold,Kept as it was\r\n"

/* Helpers {{{ */

/* A megabyte of CSV: more than the small disks below hold */
static char *
big_csv (void)
{
  GString *s = g_string_new ("id,title\r\n");

  while (s->len < 1024 * 1024)
    g_string_append_printf (s, "e%" G_GSIZE_FORMAT ",A strike that did not fit\r\n", s->len);
  return g_string_free (s, FALSE);
}

/* Tries to write data over dir/target.csv (which holds OLD_CONTENT) and
 * checks that it failed in the words expected, leaving only the old file */
static void
assert_write_fails (const char *dir,
                    const char *target_name,
                    const char *data,
                    GQuark      domain,
                    int         code,
                    const char *says)
{
  g_autofree char *target = g_build_filename (dir, target_name, NULL);
  g_autofree char *before = test_list_dir (dir);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_false (nhs_write_file_atomic (target, data, strlen (data), &error));
  g_assert_nonnull (error);
  g_printerr ("%s\n", error->message);
  g_assert_error (error, domain, code);
  /* the file named, then the reason in words, not an errno */
  g_assert_true (g_str_has_prefix (error->message, "Could not save "));
  g_assert_nonnull (strstr (error->message, target_name));
  g_assert_nonnull (strstr (error->message, says));

  after = test_list_dir (dir);
  g_assert_cmpstr (after, ==, before);
  if (g_file_test (target, G_FILE_TEST_IS_REGULAR))
    test_assert_file_contents (target, OLD_CONTENT);
}

/* Runs func in a child process; its exit status EXIT_SKIP skips the test.
 * The child's failed assertions abort it, and fail the test here. */
static void
run_in_child (void     (*func) (const char *dir),
              const char *dir)
{
  pid_t pid;
  int status = 0;

  fflush (stdout);
  fflush (stderr);
  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      func (dir);
      _exit (0);
    }
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  if (WIFEXITED (status) && WEXITSTATUS (status) == EXIT_SKIP)
    g_test_skip ("the system allows no private mount here (needs root or user namespaces)");
  else if (!WIFEXITED (status) || WEXITSTATUS (status) != 0)
    g_test_fail_printf ("the child process failed (status %d)", status);
}

/* }}} */
/* Cases {{{ */

static void
test_writes_whole_file (void)
{
  g_autofree char *dir = test_make_tmpdir ();
  g_autofree char *target = g_build_filename (dir, "events.csv", NULL);
  g_autofree char *data = big_csv ();
  g_autofree char *listing = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (nhs_write_file_atomic (target, OLD_CONTENT, strlen (OLD_CONTENT), &error));
  g_assert_no_error (error);
  test_assert_file_contents (target, OLD_CONTENT);

  /* replacing it leaves the new file and nothing beside it */
  g_assert_true (nhs_write_file_atomic (target, data, strlen (data), &error));
  g_assert_no_error (error);
  test_assert_file_contents (target, data);
  listing = test_list_dir (dir);
  g_assert_cmpstr (listing, ==, "events.csv");

  test_remove_tree (dir);
}

static void
test_target_is_folder (void)
{
  g_autofree char *dir = test_make_tmpdir ();
  g_autofree char *folder = g_build_filename (dir, "events.csv", NULL);
  g_autofree char *inside = NULL;

  g_assert_cmpint (g_mkdir (folder, 0755), ==, 0);
  assert_write_fails (dir, "events.csv", OLD_CONTENT, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY,
                      "that is a folder");
  g_assert_true (g_file_test (folder, G_FILE_TEST_IS_DIR));
  inside = test_list_dir (folder);
  g_assert_cmpstr (inside, ==, "");

  test_remove_tree (dir);
}

static void
test_folder_missing (void)
{
  g_autofree char *dir = test_make_tmpdir ();
  g_autofree char *target = g_build_filename (dir, "gone", "events.csv", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_false (nhs_write_file_atomic (target, OLD_CONTENT, strlen (OLD_CONTENT), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "the folder does not exist"));
  g_assert_false (g_file_test (target, G_FILE_TEST_EXISTS));

  test_remove_tree (dir);
}

static void
read_only_folder_child (const char *dir)
{
  /* root writes anywhere: become nobody for this */
  if (getuid () == 0 && (setgid (65534) != 0 || setuid (65534) != 0))
    _exit (EXIT_SKIP);
  assert_write_fails (dir, "events.csv", OLD_CONTENT "more\r\n", G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                      "you do not have permission to write in that folder");
  assert_write_fails (dir, "new.csv", OLD_CONTENT, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                      "you do not have permission to write in that folder");
}

static void
test_read_only_folder (void)
{
  g_autofree char *dir = test_make_tmpdir ();
  g_autofree char *target = g_build_filename (dir, "events.csv", NULL);

  g_assert_true (g_file_set_contents (target, OLD_CONTENT, -1, NULL));
  g_assert_cmpint (g_chmod (target, 0644), ==, 0);
  g_assert_cmpint (g_chmod (dir, 0555), ==, 0);
  run_in_child (read_only_folder_child, dir);
  test_assert_file_contents (target, OLD_CONTENT);
  test_remove_tree (dir);
}

static void
read_only_disk_child (const char *dir)
{
  g_autofree char *target = g_build_filename (dir, "events.csv", NULL);

  if (!enter_private_mounts () || mount ("tmpfs", dir, "tmpfs", 0, "size=256k") != 0)
    _exit (EXIT_SKIP);
  g_assert_true (g_file_set_contents (target, OLD_CONTENT, -1, NULL));
  g_assert_cmpint (mount (NULL, dir, NULL, MS_REMOUNT | MS_RDONLY, NULL), ==, 0);

  assert_write_fails (dir, "events.csv", OLD_CONTENT "more\r\n", G_IO_ERROR, G_IO_ERROR_READ_ONLY,
                      "the disk is read-only");
}

static void
test_read_only_disk (void)
{
  g_autofree char *dir = test_make_tmpdir ();

  run_in_child (read_only_disk_child, dir);
  test_remove_tree (dir);
}

static void
full_disk_child (const char *dir)
{
  g_autofree char *target = g_build_filename (dir, "events.csv", NULL);
  g_autofree char *data = big_csv ();

  if (!enter_private_mounts () || mount ("tmpfs", dir, "tmpfs", 0, "size=64k") != 0)
    _exit (EXIT_SKIP);
  g_assert_true (g_file_set_contents (target, OLD_CONTENT, -1, NULL));

  /* a megabyte into 64 KiB: over an existing file, and as a new one */
  assert_write_fails (dir, "events.csv", data, G_IO_ERROR, G_IO_ERROR_NO_SPACE, "the disk is full");
  assert_write_fails (dir, "new.csv", data, G_IO_ERROR, G_IO_ERROR_NO_SPACE, "the disk is full");

  /* and once there is room, writing works again */
  g_assert_true (nhs_write_file_atomic (target, "small\r\n", 7, NULL));
  test_assert_file_contents (target, "small\r\n");
}

static void
test_full_disk (void)
{
  g_autofree char *dir = test_make_tmpdir ();

  run_in_child (full_disk_child, dir);
  test_remove_tree (dir);
}

/* The command line reads a dataset and writes nothing beside it, nor into
 * it: same bytes, same time stamp, same folder */
static void
test_cli_never_writes_dataset (void)
{
  const char *commands[][4] = {
    { "--check-dataset", NULL },
    { "--list-events", NULL },
    { "--list-events", "--format=csv", NULL },
    { "--list-events", "--format=json", NULL },
    { "--summary", NULL },
    { "--summary", "--format=json", NULL },
  };
  g_autofree char *dir = test_make_tmpdir ();
  g_autofree char *source = g_test_build_filename (G_TEST_DIST, "data", "fixture.json", NULL);
  g_autofree char *path = g_build_filename (dir, "dataset.json", NULL);
  g_autofree char *original = NULL;
  g_autofree char *listing = NULL;
  struct stat before, after;

  g_assert_true (g_file_get_contents (source, &original, NULL, NULL));
  g_assert_true (g_file_set_contents (path, original, -1, NULL));
  g_assert_cmpint (g_stat (path, &before), ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autoptr(GPtrArray) args = g_ptr_array_new ();

      for (guint a = 0; commands[i][a]; a++)
        g_ptr_array_add (args, (gpointer) commands[i][a]);
      if (strcmp (commands[i][0], "--check-dataset") != 0)
        g_ptr_array_add (args, (gpointer) "--dataset");
      g_ptr_array_add (args, path);
      g_ptr_array_add (args, NULL);
      g_assert_cmpint (test_run_cli (dir, (const char * const *) args->pdata, NULL, NULL), ==, 0);
    }

  g_assert_cmpint (g_stat (path, &after), ==, 0);
  g_assert_cmpint (after.st_mtime, ==, before.st_mtime);
  g_assert_cmpint (after.st_ino, ==, before.st_ino);
  test_assert_file_contents (path, original);
  listing = test_list_dir (dir);
  g_assert_cmpstr (listing, ==, "dataset.json");

  test_remove_tree (dir);
}

/* }}} */

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/robust-write/whole-file", test_writes_whole_file);
  g_test_add_func ("/robust-write/target-is-folder", test_target_is_folder);
  g_test_add_func ("/robust-write/folder-missing", test_folder_missing);
  g_test_add_func ("/robust-write/read-only-folder", test_read_only_folder);
  g_test_add_func ("/robust-write/read-only-disk", test_read_only_disk);
  g_test_add_func ("/robust-write/full-disk", test_full_disk);
  g_test_add_func ("/robust-write/cli-never-writes-dataset", test_cli_never_writes_dataset);

  return g_test_run ();
}
