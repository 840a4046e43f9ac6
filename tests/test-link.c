/* test-link.c: which addresses from a dataset may be opened
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "nhs-link.h"

static void
test_web_pages (void)
{
  const char *open[] = {
    "https://example.org/a",
    "http://example.org",
    "HTTPS://Example.ORG/a",
    "hTtP://example.org/path?q=1&r=2#part",
    /* characters a browser escapes itself; they change no part of the address */
    "https://example.org/notice?a=1&b=<b>",
    "https://example.org/\"quoted\"",
    "https://example.org/caf\xc3\xa9",
    "http://[2001:db8::1]:8080/x",
    "https://example.org:443/",
  };

  for (guint i = 0; i < G_N_ELEMENTS (open); i++)
    {
      g_test_message ("%s", open[i]);
      g_assert_true (nhs_link_is_web_page (open[i]));
    }
}

static void
test_not_web_pages (void)
{
  const char *never[] = {
    /* other schemes: a local file, script, other handlers */
    "file:///etc/passwd",
    "FILE:///home/user/.ssh/id_rsa",
    "javascript:alert(1)",
    "JavaScript:alert(document.cookie)",
    "ftp://example.org/file",
    "mailto:someone@example.org",
    "data:text/html,<script>alert(1)</script>",
    "smb://server/share",
    "sftp://example.org/",
    "ssh://example.org",
    "ghelp:gnome-help",
    "x-terminal-emulator:ls",
    "httpx://example.org",
    "https+evil://example.org",
    "http", "https:", "",
    /* not absolute, or no host */
    "//example.org/a",
    "/etc/passwd",
    "example.org",
    "http:example.org",
    "http://",
    "https:///path",
    " https://example.org/",
    /* a user name or password can pass for the host */
    "https://gov.uk@example.com/",
    "https://user:secret@example.org/",
    /* spaces, controls and backslashes: read differently by different parsers */
    "https://exa mple.org/",
    "https://example.org/a b",
    "https://example.org/\n--new-window",
    "https://example.org/\r",
    "https://example.org/\t",
    "https://ex\x01" "ample.org/",
    "https://example.org/\x7f",
    "https://example.org\\@evil.example/",
    "https://example.org/\xc2\xa0",          /* a no-break space */
    "https://example.org/\xe2\x80\x8b",      /* a zero-width space */
    "https://example.org/\xe2\x80\xae" "fdp.exe", /* right-to-left override */
    /* not UTF-8, broken escapes, impossible ports */
    "https://example.org/\xff",
    "https://example.org/%zz",
    "https://example.org:99999/",
  };

  g_assert_false (nhs_link_is_web_page (NULL));
  for (guint i = 0; i < G_N_ELEMENTS (never); i++)
    {
      g_autofree char *shown = g_strescape (never[i], NULL);

      g_test_message ("%s", shown);
      g_assert_false (nhs_link_is_web_page (never[i]));
    }
}

static void
test_length (void)
{
  g_autoptr(GString) url = g_string_new ("https://example.org/");

  while (url->len < NHS_LINK_MAX_LENGTH)
    g_string_append_c (url, 'a');
  g_assert_cmpuint (url->len, ==, NHS_LINK_MAX_LENGTH);
  g_assert_true (nhs_link_is_web_page (url->str));
  g_string_append_c (url, 'a');
  g_assert_false (nhs_link_is_web_page (url->str));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/link/web-pages", test_web_pages);
  g_test_add_func ("/link/not-web-pages", test_not_web_pages);
  g_test_add_func ("/link/length", test_length);
  return g_test_run ();
}
