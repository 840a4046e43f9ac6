/* nhs-event-kinds.h: the one table of event kinds
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Everything the app says about a kind of event comes from this table: the
 * C enum and its GType (the nick is the dataset format's string, and what
 * --kind takes), the label and icon of the event list's Kind column and
 * the chart's tooltips, the entries of the window's kind menu, the names
 * of the chart's rows of markers, the choices of the "filter-kinds"
 * settings key (build-aux/gen-schema-kinds.py writes
 * them into the schema at build time, from this file) and the list of
 * kinds in the command line's help and errors.
 *
 * One row a kind, in the enum's order:
 *   X (NAME, "nick", label, "icon-name", "menu-entry", menu label, chart row)
 * Kinds that share a menu entry give its nick each, its label once (the
 * first of them; the others NULL); a kind in no entry but "All kinds"
 * gives NULL, NULL. Menu entries come in the order they first appear.
 * A kind with a chart row is drawn as a marker in that row, under the pay
 * panel; NULL for the kinds drawn otherwise (strikes, pay awards) or not
 * at all.
 * Keep each row on one line: the schema's generator reads them.
 */
#pragma once

#include <glib/gi18n.h>

#define NHS_EVENT_KINDS(X) \
  X (STRIKE,       "strike",       NC_("event kind", "Strike"),       "nhs-strike-symbolic",       "strikes",    N_("Strikes"),                           NULL) \
  X (BALLOT,       "ballot",       NC_("event kind", "Ballot"),       "nhs-ballot-symbolic",       "ballots",    N_("Ballots and votes"),                 NC_("chart row", "Ballots")) \
  X (VOTE,         "vote",         NC_("event kind", "Vote"),         "nhs-ballot-symbolic",       "ballots",    NULL,                                    NC_("chart row", "Votes")) \
  X (OFFER,        "offer",        NC_("event kind", "Offer"),        "nhs-offer-symbolic",        "offers",     N_("Offers and deals"),                  NC_("chart row", "Offers")) \
  X (DEAL,         "deal",         NC_("event kind", "Deal"),         "nhs-deal-symbolic",         "offers",     NULL,                                    NC_("chart row", "Deals")) \
  X (PAY_AWARD,    "pay-award",    NC_("event kind", "Pay award"),    "nhs-pay-symbolic",          "awards",     N_("Pay awards"),                        NULL) \
  X (TALKS,        "talks",        NC_("event kind", "Talks"),        "nhs-talks-symbolic",        "talks",      N_("Talks"),                             NC_("chart row", "Talks")) \
  X (ANNOUNCEMENT, "announcement", NC_("event kind", "Announcement"), "nhs-announcement-symbolic", "statements", N_("Statements and announcements"),      NULL) \
  X (STATEMENT,    "statement",    NC_("event kind", "Statement"),    "nhs-announcement-symbolic", "statements", NULL,                                    NULL) \
  X (OTHER,        "other",        NC_("event kind", "Other"),        "nhs-other-symbolic",        NULL,         NULL,                                    NULL)

#define NHS_EVENT_KIND_ENUM_(NAME, ...) NHS_EVENT_KIND_##NAME,
typedef enum {
  NHS_EVENT_KINDS (NHS_EVENT_KIND_ENUM_)
} NhsEventKind;
#undef NHS_EVENT_KIND_ENUM_

#define NHS_EVENT_KIND_COUNT_(...) + 1
#define NHS_EVENT_KIND_N (0 NHS_EVENT_KINDS (NHS_EVENT_KIND_COUNT_))
