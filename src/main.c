/* main.c
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "nhs-application.h"
#include "nhs-cli.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(NhsApplication) app = NULL;
  g_autoptr(GPtrArray) app_argv = NULL;
  NhsCliResult cli;
  int status;

  setlocale (LC_ALL, "");
  /* build-aux/run points this at the build tree's translations */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("NHS_DISPUTE_LOCALEDIR") ? g_getenv ("NHS_DISPUTE_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* headless commands return before anything touches a display */
  status = nhs_cli_run (argc, argv, &cli);
  if (status >= 0)
    return status;

  /* The window: --dataset and any files named become GApplication "open",
   * so a second launch hands them to the running instance. */
  /* Each as an address, which GApplication takes as it is: it would read
   * a name with a ":" ("notes:2024.json") as an address of its own */
  app_argv = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (app_argv, g_strdup (argv[0]));
  if (cli.dataset)
    {
      g_autoptr(GFile) file = nhs_cli_file_for_arg (cli.dataset);
      g_ptr_array_add (app_argv, g_file_get_uri (file));
    }
  for (guint i = 0; cli.files && cli.files[i]; i++)
    {
      g_autoptr(GFile) file = nhs_cli_file_for_arg (cli.files[i]);
      g_ptr_array_add (app_argv, g_file_get_uri (file));
    }
  g_ptr_array_add (app_argv, NULL);

  app = nhs_application_new ();
  status = g_application_run (G_APPLICATION (app), (int) app_argv->len - 1, (char **) app_argv->pdata);
  nhs_cli_result_clear (&cli);
  return status;
}
