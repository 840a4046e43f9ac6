/* nhs-article-import.h: an article from a web page, a text or a Markdown file
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "nhs-dataset.h"
#include "nhs-model.h"

G_BEGIN_DECLS

#define NHS_ARTICLE_IMPORT_ERROR (nhs_article_import_error_quark ())

typedef enum {
  NHS_ARTICLE_IMPORT_ERROR_TOO_LARGE,
  NHS_ARTICLE_IMPORT_ERROR_BINARY,
  NHS_ARTICLE_IMPORT_ERROR_INVALID_UTF8,
  NHS_ARTICLE_IMPORT_ERROR_EMPTY,
  NHS_ARTICLE_IMPORT_ERROR_READ,
  NHS_ARTICLE_IMPORT_ERROR_TOO_DEEP,
} NhsArticleImportError;

typedef enum {
  NHS_ARTICLE_FORMAT_AUTO,
  NHS_ARTICLE_FORMAT_TEXT,
  NHS_ARTICLE_FORMAT_MARKDOWN,
  NHS_ARTICLE_FORMAT_HTML,
} NhsArticleFormat;

/* Articles larger than this are refused before they are read */
#define NHS_ARTICLE_IMPORT_MAX_BYTES (32 * 1024 * 1024)

/* What a page or file gave. Every field but body may be NULL; body is the
 * article's paragraphs, one a line, their words as the page has them
 * (entities decoded, runs of spaces made one). published is YYYY-MM-DD. */
typedef struct
{
  char *title;
  char *publisher;
  char *published;
  char *url;
  char *body;
} NhsImportedArticle;

GQuark              nhs_article_import_error_quark (void);

void                nhs_imported_article_free      (NhsImportedArticle *article);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (NhsImportedArticle, nhs_imported_article_free)

/* name is what errors call the input ("page.html", "the clipboard") */
NhsImportedArticle *nhs_article_import_bytes       (GBytes            *bytes,
                                                    NhsArticleFormat   format,
                                                    const char        *name,
                                                    GError           **error);

/* The format from the file's name (.html, .htm, .md, .markdown, else
 * what the bytes look like) */
NhsImportedArticle *nhs_article_import_file        (GFile             *file,
                                                    GCancellable      *cancellable,
                                                    GError           **error);

/* Reads a stream (standard input) up to the size limit */
NhsImportedArticle *nhs_article_import_stream      (GInputStream      *stream,
                                                    const char        *name,
                                                    GCancellable      *cancellable,
                                                    GError           **error);

/* The article of dataset that this one is already: the same URL (ignoring
 * a fragment, a trailing slash and the case of the scheme and host) or the
 * same text (ignoring white space). NULL when it is new. */
NhsArticle         *nhs_imported_article_find_in   (const NhsImportedArticle *article,
                                                    NhsDataset               *dataset);

G_END_DECLS
