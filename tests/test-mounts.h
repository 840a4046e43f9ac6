/* test-mounts.h: a mount namespace of the test's own, for small disks
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Call from a process with one thread (a forked child, or a test program's
 * main () before GTK starts its threads): a user namespace cannot be
 * entered by a process with more. Needs _GNU_SOURCE before any include.
 */
#pragma once

#include <fcntl.h>
#include <glib.h>
#include <stdio.h>
#include <sched.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/wait.h>
#include <unistd.h>

static inline gboolean
write_proc_file (const char *path,
                 const char *text)
{
  int fd = open (path, O_WRONLY);
  gboolean ok;

  if (fd < 0)
    return FALSE;
  ok = write (fd, text, strlen (text)) == (gssize) strlen (text);
  close (fd);
  return ok;
}

/* In the child: a mount namespace of its own, as root, or else inside a
 * user namespace where this user is root. Mounts made after this vanish
 * with the child. */
static inline gboolean
enter_private_mounts (void)
{
  if (unshare (CLONE_NEWNS) != 0)
    {
      g_autofree char *uid_map = g_strdup_printf ("0 %d 1", (int) getuid ());
      g_autofree char *gid_map = g_strdup_printf ("0 %d 1", (int) getgid ());

      if (unshare (CLONE_NEWUSER | CLONE_NEWNS) != 0 ||
          !write_proc_file ("/proc/self/setgroups", "deny") ||
          !write_proc_file ("/proc/self/uid_map", uid_map) ||
          !write_proc_file ("/proc/self/gid_map", gid_map))
        return FALSE;
    }
  return mount (NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) == 0;
}

/* Whether enter_private_mounts () works here: asked of a forked child,
 * which ends at once */
static inline gboolean
test_can_mount_privately (void)
{
  pid_t pid;
  int status = 0;

  fflush (stdout);
  fflush (stderr);
  pid = fork ();
  if (pid == 0)
    _exit (enter_private_mounts () ? 0 : 1);
  return pid > 0 && waitpid (pid, &status, 0) == pid && WIFEXITED (status) && WEXITSTATUS (status) == 0;
}
