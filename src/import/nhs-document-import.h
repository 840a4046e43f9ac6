/* nhs-document-import.h: an imported article and its candidates into a document
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "nhs-article-import.h"
#include "nhs-document.h"
#include "nhs-extract.h"

G_BEGIN_DECLS

#define NHS_DOCUMENT_IMPORT_ERROR (nhs_document_import_error_quark ())

typedef enum {
  /* the article is in the dataset already */
  NHS_DOCUMENT_IMPORT_ERROR_ALREADY_THERE,
  /* the article lacks what the dataset needs (a title, a text) */
  NHS_DOCUMENT_IMPORT_ERROR_INCOMPLETE,
  /* a kind of candidate the document cannot take yet */
  NHS_DOCUMENT_IMPORT_ERROR_NOT_SUPPORTED,
  /* the item cites this quote already */
  NHS_DOCUMENT_IMPORT_ERROR_ALREADY_CITED,
} NhsDocumentImportError;

GQuark      nhs_document_import_error_quark (void);

/* The article of the dataset that is this one, by the import's rule
 * (nhs_imported_article_find_in: the same address but for a fragment and
 * a final "/", or the same text but for white space). url may be NULL. */
NhsArticle *nhs_document_find_article      (NhsDataset               *dataset,
                                            const char               *url,
                                            const char               *body);

/* "art-2024-02-20-doctors-announce-strike": the date and the first words
 * of the title, made unique in the dataset */
char       *nhs_document_make_article_id   (NhsDataset               *dataset,
                                            const char               *title,
                                            const char               *published);

/* Adds the article as one undoable step ("Add Article"). Refuses (and
 * changes nothing) when the dataset holds it already (see find_article),
 * naming the article that is there. */
NhsArticle *nhs_document_import_article    (NhsDocument              *self,
                                            const NhsImportedArticle *imported,
                                            GError                  **error);

/* Accepts a candidate that nhs_extract() found in the article's body, as
 * one undoable step: an event candidate that matches an event of the
 * dataset adds {article, quote} evidence to it ("more evidence for");
 * otherwise a new event with that evidence. Returns the event changed or
 * added (owned by the dataset), or NULL with a message. A figure candidate
 * is refused (NHS_DOCUMENT_IMPORT_ERROR_NOT_SUPPORTED): see below. */
NhsEvent   *nhs_document_accept_candidate  (NhsDocument              *self,
                                            NhsArticle               *article,
                                            const NhsCandidate       *candidate,
                                            GError                  **error);

/* The same for a figure candidate: more evidence for the figure it
 * matches, or a new figure (metric, value, unit, group and claimant as the
 * candidate has them, dated by the article's publication date, labelled
 * by the sentence's first words) with the sentence as its evidence.
 * Returns the figure changed or added (owned by the dataset). */
NhsFigure  *nhs_document_accept_figure_candidate (NhsDocument        *self,
                                                  NhsArticle         *article,
                                                  const NhsCandidate *candidate,
                                                  GError            **error);

/* New Event from Selection: a new event (one undoable step, "New Event
 * from Selection") whose evidence is {article, quote}, quote exactly the
 * words selected. Its fields are what nhs_extract() reads in the quote
 * (against the article's publication date): kind, groups, start and end
 * and a title from the first event it finds; lacking one, the first date
 * or range it reads, kind "other" and the dataset's first group; lacking a
 * date, the article's publication date. Returns the event (owned by the
 * dataset), or NULL with the loader's message. */
NhsEvent   *nhs_document_new_event_from_quote (NhsDocument        *self,
                                               NhsArticle         *article,
                                               const char         *quote,
                                               GError            **error);

G_END_DECLS
