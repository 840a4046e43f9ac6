/* nhs-document-evidence.c: editing the evidence of an event or a figure
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every edit here builds the item's new "evidence" array from the one the
 * file holds (copies of its objects, so unknown members travel with their
 * piece) and hands it to the document as one step: the document checks it
 * by the loader's rules and swaps the whole array, so undo puts back the
 * old array exactly.
 */
#define G_LOG_DOMAIN "nhs-document-evidence"

#include "config.h"

#include <glib/gi18n.h>

#include "nhs-dataset-loader.h"
#include "nhs-document-evidence.h"
#include "nhs-document-private.h"

/* the order the format lists a piece of evidence's members in */
static const char * const evidence_order[] = {
  "article", "source", "quote", "note", NULL,
};

static gboolean
check_item (GObject  *item,
            GError  **error)
{
  if (NHS_IS_EVENT (item) || NHS_IS_FIGURE (item))
    return TRUE;
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, _("Only events and figures cite evidence"));
  return FALSE;
}

/* A copy of the item's evidence array (an empty one when it has none) */
static NhsJsonItem *
copy_evidence (NhsDocument *self,
               GObject     *item)
{
  const NhsJsonItem *present = _nhs_document_get_evidence (self, item);

  if (present != NULL && nhs_json_item_get_item_type (present) == NHS_JSON_ITEM_ARRAY)
    return nhs_json_item_copy (present);
  return nhs_json_item_new_array ();
}

static gboolean
check_index (NhsJsonItem *evidence,
             guint        index,
             GError     **error)
{
  if (index < nhs_json_item_get_length (evidence))
    return TRUE;
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
               _("There is no piece of evidence number %u"), index + 1);
  return FALSE;
}

guint
nhs_document_get_n_evidence (NhsDocument *self,
                             GObject     *item)
{
  const NhsJsonItem *present;

  g_return_val_if_fail (NHS_IS_DOCUMENT (self), 0);

  present = _nhs_document_get_evidence (self, item);
  if (present == NULL || nhs_json_item_get_item_type (present) != NHS_JSON_ITEM_ARRAY)
    return 0;
  return nhs_json_item_get_length (present);
}

gboolean
nhs_document_remove_evidence (NhsDocument *self,
                              GObject     *item,
                              guint        index,
                              GError     **error)
{
  g_autoptr(NhsJsonItem) evidence = NULL;

  g_return_val_if_fail (NHS_IS_DOCUMENT (self), FALSE);

  if (!check_item (item, error))
    return FALSE;
  evidence = copy_evidence (self, item);
  if (!check_index (evidence, index, error))
    return FALSE;
  nhs_json_item_free (nhs_json_array_steal (evidence, index));
  return _nhs_document_set_evidence (self, item, evidence, _("Remove Evidence"), error);
}

gboolean
nhs_document_move_evidence (NhsDocument *self,
                            GObject     *item,
                            guint        from,
                            guint        to,
                            GError     **error)
{
  g_autoptr(NhsJsonItem) evidence = NULL;

  g_return_val_if_fail (NHS_IS_DOCUMENT (self), FALSE);

  if (!check_item (item, error))
    return FALSE;
  evidence = copy_evidence (self, item);
  if (!check_index (evidence, from, error) || !check_index (evidence, to, error))
    return FALSE;
  if (from == to)
    return TRUE;
  nhs_json_array_insert (evidence, to, nhs_json_array_steal (evidence, from));
  return _nhs_document_set_evidence (self, item, evidence, _("Move Evidence"), error);
}

gboolean
nhs_document_cite_source (NhsDocument *self,
                          GObject     *item,
                          const char  *source_id,
                          const char  *quote,
                          const char  *note,
                          GError     **error)
{
  g_autoptr(NhsJsonItem) evidence = NULL;
  NhsJsonItem *citation;

  g_return_val_if_fail (NHS_IS_DOCUMENT (self), FALSE);

  if (!check_item (item, error))
    return FALSE;
  if (source_id == NULL || *source_id == '\0')
    {
      g_set_error (error, NHS_DATASET_ERROR, NHS_DATASET_ERROR_MISSING, _("Choose the source to cite"));
      return FALSE;
    }
  evidence = copy_evidence (self, item);
  citation = nhs_json_item_new_object ();
  nhs_json_object_replace (citation, "source", nhs_json_item_new_string (source_id), evidence_order);
  if (quote != NULL && *quote != '\0')
    nhs_json_object_replace (citation, "quote", nhs_json_item_new_string (quote), evidence_order);
  if (note != NULL && *note != '\0')
    nhs_json_object_replace (citation, "note", nhs_json_item_new_string (note), evidence_order);
  nhs_json_array_insert (evidence, nhs_json_item_get_length (evidence), citation);
  /* the loader says whether the source is there, in its own words */
  return _nhs_document_set_evidence (self, item, evidence, _("Add Source Citation"), error);
}
