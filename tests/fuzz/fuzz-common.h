/* fuzz-common.h: what every libFuzzer target sets up first
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <fcntl.h>
#include <glib.h>
#include <locale.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static void
fuzz_discard_print (const char *string)
{
}

/* A critical or a warning is a bug in our code (a failed precondition, a
 * NULL passed on): abort, so libFuzzer keeps the input. Not through
 * g_log_set_always_fatal(): GLib then stops with SIGTRAP, which libFuzzer
 * does not catch, and the input would be lost. */
static void
fuzz_log_handler (const char     *domain,
                  GLogLevelFlags  level,
                  const char     *message,
                  gpointer        user_data)
{
  if (level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING))
    {
      fprintf (stderr, "%s: %s\n", domain ? domain : "(no domain)", message);
      abort ();
    }
}

/* Aborts with a message when an invariant does not hold: libFuzzer keeps
 * the input as a crash. */
#define fuzz_assert(expr)                                                      \
  G_STMT_START {                                                               \
    if (G_UNLIKELY (!(expr)))                                                  \
      {                                                                        \
        fprintf (stderr, "%s:%d: assertion failed: %s\n", __FILE__, __LINE__, #expr); \
        abort ();                                                              \
      }                                                                        \
  } G_STMT_END

/* The same start for every target: loud on any critical, quiet otherwise
 * (output is thrown away, or the terminal fills with it; libFuzzer reports
 * on stderr) */
int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  int null_fd = open ("/dev/null", O_WRONLY);

  setlocale (LC_ALL, "C.UTF-8");
  g_setenv ("TZ", "Europe/London", TRUE);
  g_log_set_default_handler (fuzz_log_handler, NULL);
  if (null_fd >= 0)
    {
      dup2 (null_fd, STDOUT_FILENO);
      close (null_fd);
    }
  g_set_print_handler (fuzz_discard_print);
  g_set_printerr_handler (fuzz_discard_print);
  return 0;
}
