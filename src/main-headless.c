/* main-headless.c: the command line alone, for builds without GTK
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "nhs-cli.h"

int
main (int   argc,
      char *argv[])
{
  NhsCliResult cli;
  int status;

  setlocale (LC_ALL, "");
  /* build-aux/run points this at the build tree's translations */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("NHS_DISPUTE_LOCALEDIR") ? g_getenv ("NHS_DISPUTE_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  status = nhs_cli_run (argc, argv, &cli);
  nhs_cli_result_clear (&cli);
  if (status < 0)
    {
      g_printerr ("nhs-dispute: %s\n", _("this build has no window; use a command such as --list-events"));
      return 2;
    }
  return status;
}
