/* nhs-cli.h: the headless command line
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define NHS_EXIT_OK        0
#define NHS_EXIT_BAD_INPUT 1
#define NHS_EXIT_USAGE     2

typedef struct
{
  /* set when the window should open */
  gboolean run_gui;
  /* --dataset, or NULL */
  char *dataset;
  /* files named on the command line without an option */
  char **files;
} NhsCliResult;

/* Parses the command line; runs a headless command if one is given.
 * Returns the exit status, or -1 when result->run_gui is set and the
 * window should open. */
int  nhs_cli_run          (int            argc,
                           char         **argv,
                           NhsCliResult  *result);
void nhs_cli_result_clear (NhsCliResult  *result);

/* The file a command-line argument names: a path, even with a ":" in it
 * ("notes:2024.json"); an address only when it is written as one
 * ("https://…", "file:///…") and names no file here */
GFile *nhs_cli_file_for_arg (const char *arg);

G_END_DECLS
