/* fuzz-cli.c: libFuzzer target for the command line's option parsing
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each line of the input is one argument, after --dataset with the test
 * fixture. Only the options that read the dataset and print are kept (--list-events, --summary, --format,
 * --search, --group, --kind, --from, --to, --width, --height, --scale,
 * --version, in their --option=VALUE form so a value is never taken for an
 * option), and words that are not options: the target never reads a file
 * the fuzzer names, never writes a file and never exits (--help would).
 * Output goes to /dev/null; the exit status must be one of the documented
 * ones.
 */
#include "config.h"

#include <string.h>

#include "fuzz-common.h"
#include "nhs-cli.h"

static const char *const allowed_flags[] = {
  "--list-events", "--summary", "--version", NULL
};
static const char *const allowed_prefixes[] = {
  "--format=", "--search=", "--group=", "--kind=", "--from=", "--to=",
  "--width=", "--height=", "--scale=", NULL
};

static gboolean
allowed (const char *arg)
{
  if (arg[0] != '-')
    return TRUE;
  if (g_strv_contains (allowed_flags, arg))
    return TRUE;
  for (guint i = 0; allowed_prefixes[i]; i++)
    if (g_str_has_prefix (arg, allowed_prefixes[i]))
      return TRUE;
  return FALSE;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = g_strndup ((const char *) data, size);
  g_auto(GStrv) lines = NULL;
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autofree char **argv = NULL;
  NhsCliResult result;
  int argc, status;

  /* a run loads the bundled dataset: keep the argument list short */
  if (size > 4096)
    return 0;

  lines = g_strsplit (text, "\n", 32);
  g_ptr_array_add (args, (gpointer) "nhs-dispute");
  /* the small hand-made fixture, not the bundled dataset: fifty times the
   * runs per second */
  g_ptr_array_add (args, (gpointer) "--dataset=" NHS_FUZZ_DATASET);
  for (guint i = 0; lines[i]; i++)
    if (lines[i][0] != '\0' && allowed (lines[i]))
      g_ptr_array_add (args, lines[i]);

  /* g_option_context_parse() rearranges argv: hand it a copy of the array */
  argc = (int) args->len;
  argv = g_new0 (char *, args->len + 1);
  memcpy (argv, args->pdata, args->len * sizeof (char *));

  status = nhs_cli_run (argc, argv, &result);
  fuzz_assert (status == -1 || status == NHS_EXIT_OK ||
               status == NHS_EXIT_BAD_INPUT || status == NHS_EXIT_USAGE);
  fuzz_assert ((status == -1) == result.run_gui);
  nhs_cli_result_clear (&result);
  return 0;
}
