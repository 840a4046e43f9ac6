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
#include <sys/xattr.h>
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

/* Writing over the user's own files {{{ */

#define NEW_CONTENT "id,title\r\nnew,Written through\r\n"

static void
assert_is_link_to (const char *link,
                   const char *points_to)
{
  g_autofree char *target = NULL;

  g_assert_true (g_file_test (link, G_FILE_TEST_IS_SYMLINK));
  target = g_file_read_link (link, NULL);
  g_assert_cmpstr (target, ==, points_to);
}

/* A link is kept, and the file it points to gets the new content; the
 * temporary file is made in the target's folder, not the link's */
static void
test_symlink (void)
{
  g_autofree char *dir = test_make_tmpdir ();
  g_autofree char *there = g_build_filename (dir, "there", NULL);
  g_autofree char *real = g_build_filename (there, "real.csv", NULL);
  g_autofree char *link = g_build_filename (dir, "link.csv", NULL);
  g_autofree char *listing = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir (there, 0755), ==, 0);
  g_assert_true (g_file_set_contents (real, OLD_CONTENT, -1, NULL));
  g_assert_cmpint (symlink ("there/real.csv", link), ==, 0);

  g_assert_true (nhs_write_file_atomic (link, NEW_CONTENT, strlen (NEW_CONTENT), &error));
  g_assert_no_error (error);
  assert_is_link_to (link, "there/real.csv");
  test_assert_file_contents (real, NEW_CONTENT);
  listing = test_list_dir (dir);
  g_assert_cmpstr (listing, ==, "link.csv there");
  g_free (listing);
  listing = test_list_dir (there);
  g_assert_cmpstr (listing, ==, "real.csv");

  test_remove_tree (dir);
}

/* A link to a link, relative each time, one of them through ".." out of
 * a linked folder: resolved as the system resolves it */
static void
test_symlink_chain (void)
{
  g_autofree char *dir = test_make_tmpdir ();
  g_autofree char *a = g_build_filename (dir, "a", NULL);
  g_autofree char *b = g_build_filename (dir, "b", NULL);
  g_autofree char *sub = g_build_filename (b, "sub", NULL);
  g_autofree char *real = g_build_filename (b, "real.csv", NULL);
  g_autofree char *first = g_build_filename (dir, "first.csv", NULL);
  g_autofree char *second = g_build_filename (a, "second.csv", NULL);
  g_autofree char *linked_dir = g_build_filename (dir, "to-sub", NULL);
  g_autofree char *listing = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir (a, 0755), ==, 0);
  g_assert_cmpint (g_mkdir (b, 0755), ==, 0);
  g_assert_cmpint (g_mkdir (sub, 0755), ==, 0);
  g_assert_true (g_file_set_contents (real, OLD_CONTENT, -1, NULL));
  /* first.csv → a/second.csv → ../to-sub/../real.csv, where to-sub is
   * b/sub: the ".." leaves b/sub for b, so the file is b/real.csv (read
   * by words, it would be dir/real.csv) */
  g_assert_cmpint (symlink ("b/sub", linked_dir), ==, 0);
  g_assert_cmpint (symlink ("a/second.csv", first), ==, 0);
  g_assert_cmpint (symlink ("../to-sub/../real.csv", second), ==, 0);

  g_assert_true (nhs_write_file_atomic (first, NEW_CONTENT, strlen (NEW_CONTENT), &error));
  g_assert_no_error (error);
  test_assert_file_contents (real, NEW_CONTENT);
  assert_is_link_to (first, "a/second.csv");
  assert_is_link_to (second, "../to-sub/../real.csv");
  listing = test_list_dir (dir);
  g_assert_cmpstr (listing, ==, "a b first.csv to-sub");
  g_free (listing);
  listing = test_list_dir (b);
  g_assert_cmpstr (listing, ==, "real.csv sub");

  test_remove_tree (dir);
}

/* A link to a file not there yet: the file is made where it points */
static void
test_dangling_symlink (void)
{
  g_autofree char *dir = test_make_tmpdir ();
  g_autofree char *link = g_build_filename (dir, "link.csv", NULL);
  g_autofree char *made = g_build_filename (dir, "made.csv", NULL);
  g_autofree char *listing = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (symlink ("made.csv", link), ==, 0);
  g_assert_true (nhs_write_file_atomic (link, NEW_CONTENT, strlen (NEW_CONTENT), &error));
  g_assert_no_error (error);
  assert_is_link_to (link, "made.csv");
  test_assert_file_contents (made, NEW_CONTENT);
  listing = test_list_dir (dir);
  g_assert_cmpstr (listing, ==, "link.csv made.csv");

  test_remove_tree (dir);
}

/* Links that lead round in a circle: an error, and nothing written */
static void
test_symlink_loop (void)
{
  g_autofree char *dir = test_make_tmpdir ();
  g_autofree char *a = g_build_filename (dir, "a.csv", NULL);
  g_autofree char *b = g_build_filename (dir, "b.csv", NULL);
  g_autofree char *listing = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (symlink ("b.csv", a), ==, 0);
  g_assert_cmpint (symlink ("a.csv", b), ==, 0);
  g_assert_false (nhs_write_file_atomic (a, NEW_CONTENT, strlen (NEW_CONTENT), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_TOO_MANY_LINKS);
  g_assert_nonnull (strstr (error->message, "a.csv: it is a link that leads round in a circle"));
  listing = test_list_dir (dir);
  g_assert_cmpstr (listing, ==, "a.csv b.csv");
  assert_is_link_to (a, "b.csv");

  test_remove_tree (dir);
}

static guint
file_mode (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  return st.st_mode & 07777;
}

/* A private file stays private, a shared one shared, whatever the umask;
 * a new file gets what the umask allows */
static void
test_mode_kept (void)
{
  g_autofree char *dir = test_make_tmpdir ();
  g_autofree char *secret = g_build_filename (dir, "secret.csv", NULL);
  g_autofree char *shared = g_build_filename (dir, "shared.csv", NULL);
  g_autofree char *fresh = g_build_filename (dir, "new.csv", NULL);
  mode_t mask = umask (022);

  g_assert_true (g_file_set_contents (secret, OLD_CONTENT, -1, NULL));
  g_assert_cmpint (g_chmod (secret, 0600), ==, 0);
  g_assert_true (g_file_set_contents (shared, OLD_CONTENT, -1, NULL));
  g_assert_cmpint (g_chmod (shared, 0664), ==, 0);

  g_assert_true (nhs_write_file_atomic (secret, NEW_CONTENT, strlen (NEW_CONTENT), NULL));
  g_assert_true (nhs_write_file_atomic (shared, NEW_CONTENT, strlen (NEW_CONTENT), NULL));
  g_assert_true (nhs_write_file_atomic (fresh, NEW_CONTENT, strlen (NEW_CONTENT), NULL));
  test_assert_file_contents (secret, NEW_CONTENT);
  test_assert_file_contents (shared, NEW_CONTENT);
  g_assert_cmpuint (file_mode (secret), ==, 0600);
  g_assert_cmpuint (file_mode (shared), ==, 0664);
  g_assert_cmpuint (file_mode (fresh), ==, 0644);

  umask (mask);
  test_remove_tree (dir);
}

/* Root saving over another user's file leaves it theirs */
static void
test_owner_kept (void)
{
  g_autofree char *dir = test_make_tmpdir ();
  g_autofree char *target = g_build_filename (dir, "theirs.csv", NULL);
  GStatBuf st;

  if (getuid () != 0)
    {
      g_test_skip ("only root can give a file to another user");
      test_remove_tree (dir);
      return;
    }
  g_assert_true (g_file_set_contents (target, OLD_CONTENT, -1, NULL));
  g_assert_cmpint (chown (target, 4321, 8765), ==, 0);
  g_assert_cmpint (g_chmod (target, 0640), ==, 0);

  g_assert_true (nhs_write_file_atomic (target, NEW_CONTENT, strlen (NEW_CONTENT), NULL));
  test_assert_file_contents (target, NEW_CONTENT);
  g_assert_cmpint (g_stat (target, &st), ==, 0);
  g_assert_cmpuint (st.st_uid, ==, 4321);
  g_assert_cmpuint (st.st_gid, ==, 8765);
  g_assert_cmpuint (st.st_mode & 07777, ==, 0640);

  test_remove_tree (dir);
}

/* Extended attributes go with the content, where the disk keeps them */
static void
test_xattrs_kept (void)
{
  g_autofree char *dir = test_make_tmpdir ();
  g_autofree char *target = g_build_filename (dir, "tagged.csv", NULL);
  char value[64] = { 0 };

  g_assert_true (g_file_set_contents (target, OLD_CONTENT, -1, NULL));
  if (setxattr (target, "user.xdg.origin.url", "https://example.org/", 20, 0) != 0)
    {
      g_test_skip ("this disk keeps no user attributes");
      test_remove_tree (dir);
      return;
    }
  g_assert_true (nhs_write_file_atomic (target, NEW_CONTENT, strlen (NEW_CONTENT), NULL));
  test_assert_file_contents (target, NEW_CONTENT);
  g_assert_cmpint (getxattr (target, "user.xdg.origin.url", value, sizeof value), ==, 20);
  g_assert_cmpstr (value, ==, "https://example.org/");

  test_remove_tree (dir);
}

/* Hard links: the save stays atomic, so the name saved to gets the new
 * file and every other name keeps the old one, whole (docs/robustness.md
 * says why) */
static void
test_hard_link (void)
{
  g_autofree char *dir = test_make_tmpdir ();
  g_autofree char *saved = g_build_filename (dir, "saved.csv", NULL);
  g_autofree char *other = g_build_filename (dir, "other.csv", NULL);
  g_autofree char *listing = NULL;
  GStatBuf st_saved, st_other;

  g_assert_true (g_file_set_contents (saved, OLD_CONTENT, -1, NULL));
  g_assert_cmpint (link (saved, other), ==, 0);

  g_assert_true (nhs_write_file_atomic (saved, NEW_CONTENT, strlen (NEW_CONTENT), NULL));
  test_assert_file_contents (saved, NEW_CONTENT);
  test_assert_file_contents (other, OLD_CONTENT);
  g_assert_cmpint (g_stat (saved, &st_saved), ==, 0);
  g_assert_cmpint (g_stat (other, &st_other), ==, 0);
  g_assert_cmpuint (st_saved.st_ino, !=, st_other.st_ino);
  g_assert_cmpuint (st_saved.st_nlink, ==, 1);
  g_assert_cmpuint (st_other.st_nlink, ==, 1);
  listing = test_list_dir (dir);
  g_assert_cmpstr (listing, ==, "other.csv saved.csv");

  test_remove_tree (dir);
}

/* A pipe, a device: refused, and left as they are */
static void
test_not_a_file (void)
{
  g_autofree char *dir = test_make_tmpdir ();
  g_autofree char *fifo = g_build_filename (dir, "pipe.csv", NULL);
  g_autofree char *link = g_build_filename (dir, "null.csv", NULL);
  g_autoptr(GError) error = NULL;
  GStatBuf st;

  g_assert_cmpint (mkfifo (fifo, 0644), ==, 0);
  g_assert_cmpint (symlink ("/dev/null", link), ==, 0);

  g_assert_false (nhs_write_file_atomic (fifo, NEW_CONTENT, strlen (NEW_CONTENT), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
  g_assert_nonnull (strstr (error->message, "pipe.csv: that is not an ordinary file"));
  g_clear_error (&error);
  g_assert_false (nhs_write_file_atomic (link, NEW_CONTENT, strlen (NEW_CONTENT), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);

  g_assert_cmpint (g_lstat (fifo, &st), ==, 0);
  g_assert_true (S_ISFIFO (st.st_mode));
  g_assert_cmpint (g_stat ("/dev/null", &st), ==, 0);
  g_assert_true (S_ISCHR (st.st_mode));
  g_free (test_list_dir (dir));

  test_remove_tree (dir);
}

/* }}} */

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
  g_test_add_func ("/robust-write/symlink", test_symlink);
  g_test_add_func ("/robust-write/symlink-chain", test_symlink_chain);
  g_test_add_func ("/robust-write/dangling-symlink", test_dangling_symlink);
  g_test_add_func ("/robust-write/symlink-loop", test_symlink_loop);
  g_test_add_func ("/robust-write/mode-kept", test_mode_kept);
  g_test_add_func ("/robust-write/owner-kept", test_owner_kept);
  g_test_add_func ("/robust-write/xattrs-kept", test_xattrs_kept);
  g_test_add_func ("/robust-write/hard-link", test_hard_link);
  g_test_add_func ("/robust-write/not-a-file", test_not_a_file);
  g_test_add_func ("/robust-write/cli-never-writes-dataset", test_cli_never_writes_dataset);

  return g_test_run ();
}
