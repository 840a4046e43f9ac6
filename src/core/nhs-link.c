/* nhs-link.c: which addresses from a dataset may be opened
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nhs-link"

#include "config.h"

#include <string.h>

#include "nhs-link.h"

/* No character that a reader of the address cannot see, or that parsers
 * disagree about: spaces and controls anywhere in Unicode, zero-width and
 * other format characters, and the backslash (a browser reads
 * "http://a.org\@b.org" as a.org, GLib as b.org) */
static gboolean
all_visible (const char *url)
{
  for (const char *p = url; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '\\' || !g_unichar_isgraph (c))
        return FALSE;
    }
  return TRUE;
}

gboolean
nhs_link_is_web_page (const char *url)
{
  g_autoptr(GUri) uri = NULL;
  const char *scheme, *host;

  if (url == NULL || strnlen (url, NHS_LINK_MAX_LENGTH + 1) > NHS_LINK_MAX_LENGTH ||
      !g_utf8_validate (url, -1, NULL) || !all_visible (url))
    return FALSE;
  /* g_uri_peek_scheme () gives the scheme in lower case */
  scheme = g_uri_peek_scheme (url);
  if (g_strcmp0 (scheme, "http") != 0 && g_strcmp0 (scheme, "https") != 0)
    return FALSE;
  uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  if (uri == NULL)
    return FALSE;
  host = g_uri_get_host (uri);
  return host != NULL && *host != '\0' && g_uri_get_userinfo (uri) == NULL;
}
