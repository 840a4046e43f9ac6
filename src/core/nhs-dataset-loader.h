/* nhs-dataset-loader.h: reading and validating dataset files
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "nhs-dataset.h"

G_BEGIN_DECLS

#define NHS_DATASET_ERROR (nhs_dataset_error_quark ())

typedef enum {
  NHS_DATASET_ERROR_IO,           /* could not read the file */
  NHS_DATASET_ERROR_TOO_LARGE,    /* beyond NHS_DATASET_MAX_SIZE */
  NHS_DATASET_ERROR_ENCODING,     /* not UTF-8 */
  NHS_DATASET_ERROR_SYNTAX,       /* not JSON, or nested too deep */
  NHS_DATASET_ERROR_NOT_OBJECT,   /* top level not an object */
  NHS_DATASET_ERROR_FORMAT,       /* "format" missing or wrong */
  NHS_DATASET_ERROR_VERSION,      /* "version" missing, not an integer, unsupported */
  NHS_DATASET_ERROR_MISSING,      /* a required key is missing */
  NHS_DATASET_ERROR_TYPE,         /* a value of the wrong type */
  NHS_DATASET_ERROR_ENUM,         /* an unknown kind, status, metric, unit */
  NHS_DATASET_ERROR_DATE,         /* an invalid date or date-time */
  NHS_DATASET_ERROR_TIMEZONE,     /* an unknown time zone */
  NHS_DATASET_ERROR_RANGE,        /* end before start */
  NHS_DATASET_ERROR_DUPLICATE,    /* an id used twice */
  NHS_DATASET_ERROR_REFERENCE,    /* a reference to an unknown id */
  NHS_DATASET_ERROR_QUOTE,        /* a quote not found in its article */
  NHS_DATASET_ERROR_VALUE,        /* a bad colour, id, number or empty list */
} NhsDatasetError;
/* A cancelled load fails with G_IO_ERROR_CANCELLED, as GIO's calls do */

#define NHS_DATASET_FORMAT_NAME      "nhs-dispute-dataset"
#define NHS_DATASET_FORMAT_VERSION   1
/* Files larger than this are refused before reading: 1 GiB */
#define NHS_DATASET_MAX_SIZE         ((goffset) 1 << 30)
/* Deeper JSON nesting than this is refused (the format needs 5) */
#define NHS_DATASET_MAX_DEPTH        64
/* Every date and date-time lies in these years, as written */
#define NHS_DATASET_FIRST_YEAR       1900
#define NHS_DATASET_LAST_YEAR        2200
#define NHS_DATASET_BUNDLED_RESOURCE "/org/example/NhsDispute/dataset/nhs-dispute.json"

/* Called from the loading thread with a fraction in 0..1 */
typedef void (*NhsDatasetProgressFunc) (double   fraction,
                                        gpointer user_data);

GQuark      nhs_dataset_error_quark     (void);

/* display_name names the data in error messages ("mydata.json") */
NhsDataset *nhs_dataset_load_bytes      (GBytes                *bytes,
                                         const char            *display_name,
                                         GCancellable          *cancellable,
                                         NhsDatasetProgressFunc progress,
                                         gpointer               progress_data,
                                         GError               **error);
NhsDataset *nhs_dataset_load_file       (GFile                 *file,
                                         GCancellable          *cancellable,
                                         GError               **error);
NhsDataset *nhs_dataset_load_resource   (const char            *resource_path,
                                         GError               **error);
/* the dataset compiled into the program */
NhsDataset *nhs_dataset_load_bundled    (GError               **error);

/* Loads in a worker thread; progress is delivered on the calling thread's
 * main context. */
void        nhs_dataset_load_file_async (GFile                 *file,
                                         GCancellable          *cancellable,
                                         NhsDatasetProgressFunc progress,
                                         gpointer               progress_data,
                                         GAsyncReadyCallback    callback,
                                         gpointer               user_data);
NhsDataset *nhs_dataset_load_file_finish (GAsyncResult         *result,
                                          GError              **error);

G_END_DECLS
