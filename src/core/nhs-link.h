/* nhs-link.h: which addresses from a dataset may be opened
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The longest address opened, in bytes */
#define NHS_LINK_MAX_LENGTH 4096

/* TRUE when url is a web page the browser may open: an http or https URI
 * (the scheme in any case) naming a host, without a user name or password
 * before it (which can pass for the host: https://gov.uk@example.com),
 * without spaces, control characters or backslashes (which browsers and
 * URI parsers read differently), valid UTF-8 and at most
 * NHS_LINK_MAX_LENGTH bytes long. Anything else (file:, javascript:, ftp:,
 * mailto:, a relative path, NULL) is never opened: a dataset must not make
 * the app run a local file or another handler. */
gboolean nhs_link_is_web_page (const char *url);

G_END_DECLS
