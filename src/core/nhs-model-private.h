/* nhs-model-private.h: the object structs, for the loader alone
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "nhs-model.h"

G_BEGIN_DECLS

/* Which bytes and pairs of bytes a text holds, hashed into 256 bits. A word
 * can only occur in a text whose signature has every bit of the word's:
 * the filter rules out most events with four ANDs instead of a search
 * through their text. */
typedef struct
{
  guint64 bits[4];
} NhsSearchSignature;

void    _nhs_search_signature_init (NhsSearchSignature *sig,
                                    const char         *text,
                                    gsize               len);

static inline gboolean
_nhs_search_signature_covers (const NhsSearchSignature *sig,
                              const NhsSearchSignature *word)
{
  return (sig->bits[0] & word->bits[0]) == word->bits[0] &&
         (sig->bits[1] & word->bits[1]) == word->bits[1] &&
         (sig->bits[2] & word->bits[2]) == word->bits[2] &&
         (sig->bits[3] & word->bits[3]) == word->bits[3];
}

struct _NhsGroup
{
  GObject parent_instance;
  char *id;
  char *name;
  char *short_name;
  char *color;
  guint index;
};

struct _NhsSource
{
  GObject parent_instance;
  char *id;
  char *title;
  char *publisher;
  char *url;
  GDateTime *published;
  NhsSourceKind kind;
};

struct _NhsArticle
{
  GObject parent_instance;
  char *id;
  char *title;
  char *publisher;
  char *url;
  char *description;
  char *body;
  GDateTime *published;
  guint index;
};

/* How the objects hold what the loader gives them, so that a large
 * dataset costs little more than its text:
 * - an event's id, title, summary and outcome are one allocation, freed
 *   through the id (_nhs_event_set_text);
 * - strings that repeat across a dataset (evidence quotes and notes, figure
 *   periods, bases, claimants, labels) are GRefStrings, one per text;
 * - an event's tags are a reference-counted string vector and its groups a
 *   GPtrArray, each shared by the events that list the same ones. */

struct _NhsEvidence
{
  GObject parent_instance;
  NhsArticle *article;
  NhsSource *source;
  char *quote;                /* GRefString */
  char *note;                 /* GRefString */
  int quote_start;
  int quote_end;
  GObject *owner;             /* not a reference: the owner holds us */
};

struct _NhsEvent
{
  GObject parent_instance;
  char *id;                   /* owns title, summary and outcome too */
  char *title;
  char *summary;
  char *outcome;
  char *search_text;          /* built by the loader: searching starts at once */
  NhsSearchSignature signature; /* of search_text */
  char **tags;                /* _nhs_strv_new; NULL when the event gives none */
  GPtrArray *groups;          /* NhsGroup, shared */
  GPtrArray *evidence;        /* NhsEvidence */
  GDateTime *start;
  GDateTime *end;
  gint64 start_us;
  gint64 end_us;
  gint64 start_wall;
  gint64 end_wall;
  guint index;
  guint strike_days;
  NhsEventKind kind : 8;
  NhsEventStatus status : 4;
  guint start_is_date : 1;
  guint end_is_date : 1;
};

struct _NhsFigure
{
  GObject parent_instance;
  char *id;
  char *period;               /* GRefString, as are basis, claimant and label */
  char *basis;
  char *claimant;
  char *label;
  char *confidence;
  char *headline;
  char *nature;
  char *adds_to;
  NhsGroup *group;
  NhsEvent *event;
  GDateTime *date;
  GPtrArray *evidence;
  double value;
  NhsFigureMetric metric;
  NhsFigureUnit unit;
};

/* Copies the four texts into one block (NULL stays NULL) */
void    _nhs_event_set_text (NhsEvent   *self,
                             const char *id,
                             const char *title,
                             const char *summary,
                             const char *outcome);

/* Appends text case-folded as g_utf8_casefold would */
void    _nhs_append_folded  (GString    *out,
                             const char *text);
/* Fills search_text (see nhs_event_get_search_text); scratch is for reuse;
 * kind_text, when not NULL, is what _nhs_event_kind_search_text() appends
 * for the event's kind */
void    _nhs_event_build_search_text (NhsEvent   *self,
                                      GString    *scratch,
                                      const char *kind_text);
/* Appends the kind's part of a search text: its nick and label, folded */
void    _nhs_event_kind_search_text  (NhsEventKind  kind,
                                      GString      *out);

/* A string vector with a reference count, in one block */
char  **_nhs_strv_new   (const char * const *strv,
                         gsize               n);
char  **_nhs_strv_ref   (char              **strv);
void    _nhs_strv_unref (char              **strv);

G_END_DECLS
