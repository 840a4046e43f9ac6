/* nhs-document-items.c: editing a document's figures, groups, sources and
 * articles
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The same way events are edited (nhs-document.c): a member is set in a
 * copy of the item's object, the loader's own code for that item
 * (nhs-dataset-check.h) builds the item from it, and only what it accepts
 * goes into the tree; the built item's fields are then swapped into the
 * object the window already holds, so the chart, the lists and the reader
 * keep their pointers. Each edit is a command on the document's undo
 * stack that undoes itself by doing the same again.
 */
#define G_LOG_DOMAIN "nhs-document"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "nhs-dataset-check.h"
#include "nhs-dataset-loader.h"
#include "nhs-dataset-private.h"
#include "nhs-document-items.h"
#include "nhs-document-private.h"
#include "nhs-model-private.h"

static const char * const figure_keys[NHS_FIGURE_FIELD_N] = {
  "metric", "value", "unit", "group", "date", "period", "basis", "claimant", "label", "event",
};
static const char * const group_keys[NHS_GROUP_FIELD_N] = { "name", "short_name", "color" };
static const char * const source_keys[NHS_SOURCE_FIELD_N] = { "title", "publisher", "url", "published", "kind" };

/* the order the format (and the bundled dataset) lists the members in:
 * where a member the item lacks goes when it gets one */
static const char * const figure_order[] = {
  "id", "metric", "group", "date", "period", "value", "unit", "basis", "claimant", "label", "event",
  "confidence", "headline", "nature", "adds-to", "evidence", NULL,
};
static const char * const group_order[] = { "id", "name", "short_name", "color", NULL };
static const char * const source_order[] = { "id", "title", "publisher", "url", "published", "kind", NULL };

static const char * const figure_change_names[NHS_FIGURE_FIELD_N] = {
  N_("Change of Metric"),
  N_("Change of Value"),
  N_("Change of Unit"),
  N_("Change of Group"),
  N_("Change of Date"),
  N_("Change of Period"),
  N_("Change of Basis"),
  N_("Change of Claimant"),
  N_("Change of Label"),
  N_("Change of Event"),
};
static const char * const group_change_names[NHS_GROUP_FIELD_N] = {
  N_("Change of Name"),
  N_("Change of Short Name"),
  N_("Change of Colour"),
};
static const char * const source_change_names[NHS_SOURCE_FIELD_N] = {
  N_("Change of Title"),
  N_("Change of Publisher"),
  N_("Change of Address"),
  N_("Change of Date"),
  N_("Change of Kind"),
};

const char *
nhs_figure_field_to_key (NhsFigureField field)
{
  g_return_val_if_fail (field < NHS_FIGURE_FIELD_N, NULL);
  return figure_keys[field];
}

const char *
nhs_group_field_to_key (NhsGroupField field)
{
  g_return_val_if_fail (field < NHS_GROUP_FIELD_N, NULL);
  return group_keys[field];
}

const char *
nhs_source_field_to_key (NhsSourceField field)
{
  g_return_val_if_fail (field < NHS_SOURCE_FIELD_N, NULL);
  return source_keys[field];
}

/* Where things are {{{ */

typedef enum {
  ITEM_FIGURE,
  ITEM_GROUP,
  ITEM_SOURCE,
} ItemType;

static NhsDocumentParts
parts_of (NhsDocument *self)
{
  NhsDocumentParts parts;

  _nhs_document_get_parts (self, &parts);
  return parts;
}

static int
source_position (NhsDataset *ds,
                 NhsSource  *source)
{
  guint pos;

  return g_ptr_array_find (ds->source_array, source, &pos) ? (int) pos : -1;
}

/* The item's position in its array of the file (and of the dataset), or -1
 * when it is not the document's */
static int
item_position (NhsDocument *self,
               ItemType     type,
               gpointer     item)
{
  NhsDocumentParts parts = parts_of (self);

  switch (type)
    {
    case ITEM_FIGURE:
      return (int) GPOINTER_TO_UINT (g_hash_table_lookup (parts.figure_ranks, item)) - 1;
    case ITEM_GROUP:
      {
        NhsGroup *group = item;
        return group->index < parts.dataset->group_array->len &&
               g_ptr_array_index (parts.dataset->group_array, group->index) == group ? (int) group->index : -1;
      }
    case ITEM_SOURCE:
      return source_position (parts.dataset, item);
    default:
      g_assert_not_reached ();
    }
}

static NhsJsonItem *
item_object (NhsDocument *self,
             ItemType     type,
             gpointer     item)
{
  NhsDocumentParts parts = parts_of (self);
  int pos = item_position (self, type, item);
  NhsJsonItem *array;

  if (pos < 0)
    return NULL;
  if (type == ITEM_FIGURE)
    return g_hash_table_lookup (parts.figure_items, item);
  array = nhs_json_object_get_member (parts.root, type == ITEM_GROUP ? "groups" : "sources");
  return array != NULL && (guint) pos < nhs_json_item_get_length (array) ? nhs_json_array_get (array, pos) : NULL;
}

static NhsJsonItem *
object_or_error (NhsDocument *self,
                 ItemType     type,
                 gpointer     item,
                 GError     **error)
{
  NhsJsonItem *object = item ? item_object (self, type, item) : NULL;

  if (object == NULL)
    g_set_error_literal (error, NHS_DATASET_ERROR, NHS_DATASET_ERROR_REFERENCE,
                         _("The item is not in this dataset"));
  return object;
}

/* The key of the member a path names: "value" for $.figures[3].value */
static char *
path_key (const char *path)
{
  const char *p = path ? strstr (path, "].") : NULL;

  if (p == NULL)
    return NULL;
  p += 2;
  return g_strndup (p, strcspn (p, ".["));
}

/* The item object describes, built by the loader's rules as the one at pos */
static GObject *
build_item (NhsDocument       *self,
            ItemType           type,
            const NhsJsonItem *object,
            gpointer           replacing,
            guint              pos,
            char             **fail_key,
            GError           **error)
{
  NhsDocumentParts parts = parts_of (self);
  g_autoptr(JsonNode) node = nhs_json_item_to_json_node (object);
  g_autofree char *path = NULL;
  gpointer built = NULL;

  switch (type)
    {
    case ITEM_FIGURE:
      built = _nhs_dataset_build_figure (parts.dataset, parts.builder, node, pos, replacing, &path, error);
      break;
    case ITEM_GROUP:
      built = _nhs_dataset_build_group (parts.dataset, parts.builder, node, pos, replacing, &path, error);
      break;
    case ITEM_SOURCE:
      built = _nhs_dataset_build_source (parts.dataset, parts.builder, node, pos, replacing, &path, error);
      break;
    default:
      g_assert_not_reached ();
    }
  if (built == NULL)
    {
      if (fail_key != NULL)
        *fail_key = path_key (path);
      _nhs_document_shorten_error (error, path);
    }
  return built;
}

/* }}} */
/* Putting a built item in place {{{ */

#define SWAP(a, b) G_STMT_START { gpointer tmp_ = (gpointer) (a); (a) = (gpointer) (b); (b) = tmp_; } G_STMT_END

/* The figure's contents become built's, built takes the figure's: every
 * field, as an event's edit does, so a new group or event is taken too */
static void
swap_figure (NhsDocument *self,
             NhsFigure   *figure,
             NhsFigure   *built)
{
  NhsDataset *ds = parts_of (self).dataset;
  const gsize offset = G_STRUCT_OFFSET (struct _NhsFigure, id);
  const gsize size = sizeof (struct _NhsFigure) - offset;
  g_autofree guint8 *touched = g_new0 (guint8, MAX (ds->n_articles, 1));
  guint8 tmp[sizeof (struct _NhsFigure)];

  g_rw_lock_writer_lock (&ds->edit_lock);
  _nhs_document_file_evidence (self, figure->evidence, FALSE, touched);
  g_hash_table_remove (ds->figure_by_id, figure->id);
  memcpy (tmp, (guint8 *) figure + offset, size);
  memcpy ((guint8 *) figure + offset, (guint8 *) built + offset, size);
  memcpy ((guint8 *) built + offset, tmp, size);
  g_hash_table_insert (ds->figure_by_id, figure->id, figure);
  for (guint i = 0; figure->evidence && i < figure->evidence->len; i++)
    ((NhsEvidence *) g_ptr_array_index (figure->evidence, i))->owner = G_OBJECT (figure);
  for (guint i = 0; built->evidence && i < built->evidence->len; i++)
    ((NhsEvidence *) g_ptr_array_index (built->evidence, i))->owner = G_OBJECT (built);
  _nhs_document_file_evidence (self, figure->evidence, TRUE, touched);
  _nhs_document_finish_quotes (self, touched);
  g_rw_lock_writer_unlock (&ds->edit_lock);
}

/* A group's and a source's id do not change: what else they hold is
 * swapped */
static void
swap_group (NhsDataset *ds,
            NhsGroup   *group,
            NhsGroup   *built)
{
  g_rw_lock_writer_lock (&ds->edit_lock);
  SWAP (group->name, built->name);
  SWAP (group->short_name, built->short_name);
  SWAP (group->color, built->color);
  g_rw_lock_writer_unlock (&ds->edit_lock);
}

static void
swap_source (NhsDataset *ds,
             NhsSource  *source,
             NhsSource  *built)
{
  NhsSourceKind kind;

  g_rw_lock_writer_lock (&ds->edit_lock);
  SWAP (source->title, built->title);
  SWAP (source->publisher, built->publisher);
  SWAP (source->url, built->url);
  SWAP (source->published, built->published);
  kind = source->kind;
  source->kind = built->kind;
  built->kind = kind;
  g_rw_lock_writer_unlock (&ds->edit_lock);
}

static void
put_in_place (NhsDocument *self,
              ItemType     type,
              gpointer     item,
              gpointer     built,
              guint        pos)
{
  NhsDataset *ds = parts_of (self).dataset;
  GListModel *list = NULL;

  switch (type)
    {
    case ITEM_FIGURE:
      swap_figure (self, item, built);
      list = G_LIST_MODEL (ds->figures);
      break;
    case ITEM_GROUP:
      swap_group (ds, item, built);
      list = G_LIST_MODEL (ds->groups);
      break;
    case ITEM_SOURCE:
      swap_source (ds, item, built);
      list = G_LIST_MODEL (ds->sources);
      break;
    default:
      g_assert_not_reached ();
    }
  g_list_model_items_changed (list, pos, 1, 1);
}

/* }}} */
/* Setting a member {{{ */

typedef struct
{
  ItemType type;
  GObject *item;
  const char * const *order;
  char *key;
  NhsJsonItem *value;         /* what applying puts in; NULL removes */
  guint member_index;         /* where a removed member stood */
  gboolean has_index;
} SetMember;

static void
set_member_free (gpointer data)
{
  SetMember *cmd = data;

  g_object_unref (cmd->item);
  g_free (cmd->key);
  nhs_json_item_free (cmd->value);
  g_free (cmd);
}

/* Swaps the member's value with the command's: applying twice undoes */
static void
swap_member (NhsJsonItem *object,
             SetMember   *cmd)
{
  if (cmd->value == NULL)
    {
      cmd->value = nhs_json_object_steal (object, cmd->key, &cmd->member_index);
      cmd->has_index = TRUE;
    }
  else if (nhs_json_object_get_member (object, cmd->key) == NULL && cmd->has_index)
    {
      nhs_json_object_insert (object, MIN (cmd->member_index, nhs_json_item_get_length (object)),
                              cmd->key, cmd->value);
      cmd->value = NULL;
    }
  else
    cmd->value = nhs_json_object_replace (object, cmd->key, cmd->value, cmd->order);
}

static void
apply_set_member (NhsDocument *self,
                  gpointer     data,
                  gboolean     undoing)
{
  SetMember *cmd = data;
  NhsJsonItem *object = item_object (self, cmd->type, cmd->item);
  int pos = item_position (self, cmd->type, cmd->item);
  g_autoptr(GObject) built = NULL;
  g_autoptr(GError) error = NULL;

  g_assert (object != NULL && pos >= 0);
  swap_member (object, cmd);
  /* checked by the loader when the edit was made, and a state the
   * document was in before when undone */
  built = build_item (self, cmd->type, object, cmd->item, pos, NULL, &error);
  if (built == NULL)
    {
      g_critical ("An edit no longer passes the loader's rules: %s", error->message);
      return;
    }
  put_in_place (self, cmd->type, cmd->item, built, pos);
}

static gboolean
set_member (NhsDocument        *self,
            ItemType            type,
            gpointer            item,
            const char         *key,
            const char * const *order,
            const char         *name,
            const NhsJsonItem  *value,
            char              **fail_key,
            GError            **error)
{
  NhsJsonItem *object = object_or_error (self, type, item, error);
  g_autoptr(NhsJsonItem) patched = NULL;
  g_autoptr(GObject) built = NULL;
  SetMember *cmd;

  if (object == NULL)
    return FALSE;
  if (nhs_json_item_equal (nhs_json_object_get_member (object, key), value))
    return TRUE;

  patched = nhs_json_item_copy (object);
  if (value != NULL)
    nhs_json_item_free (nhs_json_object_replace (patched, key, nhs_json_item_copy (value), order));
  else
    nhs_json_item_free (nhs_json_object_steal (patched, key, NULL));
  built = build_item (self, type, patched, item, item_position (self, type, item), fail_key, error);
  if (built == NULL)
    return FALSE;

  cmd = g_new0 (SetMember, 1);
  cmd->type = type;
  cmd->item = g_object_ref (item);
  cmd->order = order;
  cmd->key = g_strdup (key);
  cmd->value = value ? nhs_json_item_copy (value) : NULL;
  _nhs_document_push (self, name, apply_set_member, cmd, set_member_free);
  return TRUE;
}

gboolean
nhs_document_set_figure (NhsDocument       *self,
                         NhsFigure         *figure,
                         NhsFigureField     field,
                         const NhsJsonItem *value,
                         char             **fail_key,
                         GError           **error)
{
  g_return_val_if_fail (NHS_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (NHS_IS_FIGURE (figure), FALSE);
  g_return_val_if_fail (field < NHS_FIGURE_FIELD_N, FALSE);

  return set_member (self, ITEM_FIGURE, figure, figure_keys[field], figure_order,
                     _(figure_change_names[field]), value, fail_key, error);
}

gboolean
nhs_document_set_group (NhsDocument       *self,
                        NhsGroup          *group,
                        NhsGroupField      field,
                        const NhsJsonItem *value,
                        GError           **error)
{
  g_return_val_if_fail (NHS_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (NHS_IS_GROUP (group), FALSE);
  g_return_val_if_fail (field < NHS_GROUP_FIELD_N, FALSE);

  return set_member (self, ITEM_GROUP, group, group_keys[field], group_order,
                     _(group_change_names[field]), value, NULL, error);
}

gboolean
nhs_document_set_source (NhsDocument       *self,
                         NhsSource         *source,
                         NhsSourceField     field,
                         const NhsJsonItem *value,
                         GError           **error)
{
  g_return_val_if_fail (NHS_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (NHS_IS_SOURCE (source), FALSE);
  g_return_val_if_fail (field < NHS_SOURCE_FIELD_N, FALSE);

  return set_member (self, ITEM_SOURCE, source, source_keys[field], source_order,
                     _(source_change_names[field]), value, NULL, error);
}

static const NhsJsonItem *
get_member (NhsDocument *self,
            ItemType     type,
            gpointer     item,
            const char  *key)
{
  NhsJsonItem *object = item ? item_object (self, type, item) : NULL;

  return object ? nhs_json_object_get_member (object, key) : NULL;
}

const NhsJsonItem *
nhs_document_get_figure_member (NhsDocument *self,
                                NhsFigure   *figure,
                                const char  *key)
{
  g_return_val_if_fail (NHS_IS_DOCUMENT (self), NULL);
  return get_member (self, ITEM_FIGURE, figure, key);
}

const NhsJsonItem *
nhs_document_get_group_member (NhsDocument *self,
                               NhsGroup    *group,
                               const char  *key)
{
  g_return_val_if_fail (NHS_IS_DOCUMENT (self), NULL);
  return get_member (self, ITEM_GROUP, group, key);
}

const NhsJsonItem *
nhs_document_get_source_member (NhsDocument *self,
                                NhsSource   *source,
                                const char  *key)
{
  g_return_val_if_fail (NHS_IS_DOCUMENT (self), NULL);
  return get_member (self, ITEM_SOURCE, source, key);
}

/* }}} */
/* New, duplicate and delete figures {{{ */

static char *
unused_figure_id (NhsDataset *ds,
                  const char *base)
{
  char *id = g_strdup (base);

  for (guint n = 2; g_hash_table_contains (ds->figure_by_id, id); n++)
    {
      g_free (id);
      id = g_strdup_printf ("%s-%u", base, n);
    }
  return id;
}

NhsFigure *
nhs_document_add_figure (NhsDocument *self,
                         const char  *date,
                         GError     **error)
{
  g_autoptr(NhsJsonItem) object = NULL;
  g_autofree char *id = NULL;

  g_return_val_if_fail (NHS_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (date != NULL, NULL);

  id = unused_figure_id (parts_of (self).dataset, "new-figure");
  object = nhs_json_item_new_object ();
  nhs_json_object_replace (object, "id", nhs_json_item_new_string (id), NULL);
  nhs_json_object_replace (object, "metric", nhs_json_item_new_string ("other"), NULL);
  nhs_json_object_replace (object, "date", nhs_json_item_new_string (date), NULL);
  nhs_json_object_replace (object, "value", nhs_json_item_new_int (0), NULL);
  nhs_json_object_replace (object, "unit", nhs_json_item_new_string ("count"), NULL);
  nhs_json_object_replace (object, "label", nhs_json_item_new_string (_("New figure")), NULL);
  return nhs_document_add_figure_object (self, object, _("New Figure"), error);
}

NhsFigure *
nhs_document_duplicate_figure (NhsDocument *self,
                               NhsFigure   *figure,
                               GError     **error)
{
  g_autoptr(NhsJsonItem) copy = NULL;
  g_autofree char *base = NULL, *id = NULL;
  NhsJsonItem *object;

  g_return_val_if_fail (NHS_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (NHS_IS_FIGURE (figure), NULL);

  if ((object = object_or_error (self, ITEM_FIGURE, figure, error)) == NULL)
    return NULL;
  base = g_strdup_printf ("%s-copy", figure->id);
  id = unused_figure_id (parts_of (self).dataset, base);
  copy = nhs_json_item_copy (object);
  nhs_json_item_free (nhs_json_object_replace (copy, "id", nhs_json_item_new_string (id), figure_order));
  return nhs_document_add_figure_object (self, copy, _("Duplicate Figure"), error);
}

typedef struct
{
  NhsFigure *figure;
  NhsJsonItem *object;        /* owned while out of the tree */
  guint pos;
  gboolean in_tree;
} DeleteFigure;

static void
delete_figure_free (gpointer data)
{
  DeleteFigure *cmd = data;

  g_object_unref (cmd->figure);
  if (!cmd->in_tree)
    nhs_json_item_free (cmd->object);
  g_free (cmd);
}

static void
apply_delete_figure (NhsDocument *self,
                     gpointer     data,
                     gboolean     undoing)
{
  DeleteFigure *cmd = data;
  NhsDocumentParts parts = parts_of (self);
  NhsDataset *ds = parts.dataset;
  NhsJsonItem *array = nhs_json_object_get_member (parts.root, "figures");
  g_autofree guint8 *touched = g_new0 (guint8, MAX (ds->n_articles, 1));
  NhsFigure *figure = cmd->figure;

  g_rw_lock_writer_lock (&ds->edit_lock);
  if (!undoing)
    {
      g_assert (g_ptr_array_index (ds->figure_array, cmd->pos) == figure);
      nhs_json_array_steal (array, cmd->pos);
      cmd->in_tree = FALSE;
      g_hash_table_remove (parts.figure_items, figure);
      g_hash_table_remove (parts.figure_ranks, figure);
      _nhs_document_file_evidence (self, figure->evidence, FALSE, touched);
      g_hash_table_remove (ds->figure_by_id, figure->id);
      /* the command holds the figure too */
      g_object_unref (g_ptr_array_steal_index (ds->figure_array, cmd->pos));
    }
  else
    {
      nhs_json_array_insert (array, cmd->pos, cmd->object);
      cmd->in_tree = TRUE;
      g_ptr_array_insert (ds->figure_array, cmd->pos, g_object_ref (figure));
      g_hash_table_insert (ds->figure_by_id, figure->id, figure);
      g_hash_table_insert (parts.figure_items, figure, cmd->object);
    }
  /* the figures after it moved; an article lists its citations by rank */
  for (guint i = cmd->pos; i < ds->figure_array->len; i++)
    g_hash_table_insert (parts.figure_ranks, g_ptr_array_index (ds->figure_array, i), GUINT_TO_POINTER (i + 1));
  if (undoing)
    _nhs_document_file_evidence (self, figure->evidence, TRUE, touched);
  _nhs_document_finish_quotes (self, touched);
  g_rw_lock_writer_unlock (&ds->edit_lock);
  g_list_model_items_changed (G_LIST_MODEL (ds->figures), cmd->pos, undoing ? 0 : 1, undoing ? 1 : 0);
}

gboolean
nhs_document_delete_figure (NhsDocument *self,
                            NhsFigure   *figure,
                            GError     **error)
{
  NhsDataset *ds;
  NhsJsonItem *object;
  DeleteFigure *cmd;

  g_return_val_if_fail (NHS_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (NHS_IS_FIGURE (figure), FALSE);

  if ((object = object_or_error (self, ITEM_FIGURE, figure, error)) == NULL)
    return FALSE;
  ds = parts_of (self).dataset;
  for (guint i = 0; i < ds->figure_array->len; i++)
    {
      NhsFigure *other = g_ptr_array_index (ds->figure_array, i);

      if (other != figure && g_strcmp0 (other->adds_to, figure->id) == 0)
        {
          g_set_error (error, NHS_DATASET_ERROR, NHS_DATASET_ERROR_REFERENCE,
                       _("The figure “%s” adds to this one; change or delete that figure first"), other->id);
          return FALSE;
        }
    }

  cmd = g_new0 (DeleteFigure, 1);
  cmd->figure = g_object_ref (figure);
  cmd->object = object;
  cmd->pos = item_position (self, ITEM_FIGURE, figure);
  cmd->in_tree = TRUE;
  _nhs_document_push (self, _("Delete Figure"), apply_delete_figure, cmd, delete_figure_free);
  return TRUE;
}

/* }}} */
/* Deleting an article {{{ */

typedef struct
{
  NhsArticle *article;
  NhsJsonItem *object;        /* owned while out of the tree */
  guint pos;
  gboolean in_tree;
} DeleteArticle;

static void
delete_article_free (gpointer data)
{
  DeleteArticle *cmd = data;

  g_object_unref (cmd->article);
  if (!cmd->in_tree)
    nhs_json_item_free (cmd->object);
  g_free (cmd);
}

/* Nothing cites the article (it could not be deleted otherwise, and
 * every edit after the delete is undone before it): its quotes and
 * citations are empty and only move with it */
static void
apply_delete_article (NhsDocument *self,
                      gpointer     data,
                      gboolean     undoing)
{
  DeleteArticle *cmd = data;
  NhsDocumentParts parts = parts_of (self);
  NhsDataset *ds = parts.dataset;
  NhsJsonItem *array = nhs_json_object_get_member (parts.root, "articles");
  NhsArticle *article = cmd->article;
  guint pos = cmd->pos, n = ds->n_articles;

  g_rw_lock_writer_lock (&ds->edit_lock);
  if (!undoing)
    {
      g_assert (g_ptr_array_index (ds->article_array, pos) == article);
      g_assert (ds->quotes[pos]->len == 0 && ds->citations[pos]->len == 0);
      nhs_json_array_steal (array, pos);
      cmd->in_tree = FALSE;
      g_hash_table_remove (ds->article_by_id, article->id);
      g_ptr_array_unref (ds->quotes[pos]);
      g_ptr_array_unref (ds->citations[pos]);
      memmove (&ds->quotes[pos], &ds->quotes[pos + 1], (n - pos - 1) * sizeof (GPtrArray *));
      memmove (&ds->citations[pos], &ds->citations[pos + 1], (n - pos - 1) * sizeof (GPtrArray *));
      ds->quotes[n - 1] = NULL;
      ds->citations[n - 1] = NULL;
      ds->n_articles = n - 1;
      /* the command holds the article too */
      g_object_unref (g_ptr_array_steal_index (ds->article_array, pos));
    }
  else
    {
      nhs_json_array_insert (array, pos, cmd->object);
      cmd->in_tree = TRUE;
      ds->quotes = g_renew (GPtrArray *, ds->quotes, n + 1);
      ds->citations = g_renew (GPtrArray *, ds->citations, n + 1);
      memmove (&ds->quotes[pos + 1], &ds->quotes[pos], (n - pos) * sizeof (GPtrArray *));
      memmove (&ds->citations[pos + 1], &ds->citations[pos], (n - pos) * sizeof (GPtrArray *));
      ds->quotes[pos] = g_ptr_array_new ();
      ds->citations[pos] = g_ptr_array_new ();
      ds->n_articles = n + 1;
      g_ptr_array_insert (ds->article_array, pos, g_object_ref (article));
      g_hash_table_insert (ds->article_by_id, article->id, article);
    }
  for (guint i = pos; i < ds->article_array->len; i++)
    ((NhsArticle *) g_ptr_array_index (ds->article_array, i))->index = i;
  g_rw_lock_writer_unlock (&ds->edit_lock);
  g_list_model_items_changed (G_LIST_MODEL (ds->articles), pos, undoing ? 0 : 1, undoing ? 1 : 0);
}

gboolean
nhs_document_delete_article (NhsDocument *self,
                             NhsArticle  *article,
                             GError     **error)
{
  NhsDocumentParts parts;
  NhsJsonItem *array, *object;
  GPtrArray *citations;
  DeleteArticle *cmd;

  g_return_val_if_fail (NHS_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (NHS_IS_ARTICLE (article), FALSE);

  parts = parts_of (self);
  array = nhs_json_object_get_member (parts.root, "articles");
  if (array == NULL || article->index >= parts.dataset->n_articles ||
      g_ptr_array_index (parts.dataset->article_array, article->index) != article ||
      article->index >= nhs_json_item_get_length (array))
    {
      g_set_error_literal (error, NHS_DATASET_ERROR, NHS_DATASET_ERROR_REFERENCE,
                           _("The item is not in this dataset"));
      return FALSE;
    }
  object = nhs_json_array_get (array, article->index);
  citations = parts.dataset->citations[article->index];
  if (citations->len > 0)
    {
      GObject *first = g_ptr_array_index (citations, 0);
      const char *id = NHS_IS_EVENT (first) ? NHS_EVENT (first)->id : NHS_FIGURE (first)->id;

      if (NHS_IS_EVENT (first))
        g_set_error (error, NHS_DATASET_ERROR, NHS_DATASET_ERROR_REFERENCE,
                     ngettext ("The event “%2$s” cites this article (%1$u item in all); remove that evidence first",
                               "The event “%2$s” and others cite this article (%1$u items in all); remove their evidence first",
                               citations->len),
                     citations->len, id);
      else
        g_set_error (error, NHS_DATASET_ERROR, NHS_DATASET_ERROR_REFERENCE,
                     ngettext ("The figure “%2$s” cites this article (%1$u item in all); remove that evidence first",
                               "The figure “%2$s” and others cite this article (%1$u items in all); remove their evidence first",
                               citations->len),
                     citations->len, id);
      return FALSE;
    }

  cmd = g_new0 (DeleteArticle, 1);
  cmd->article = g_object_ref (article);
  cmd->object = object;
  cmd->pos = article->index;
  cmd->in_tree = TRUE;
  _nhs_document_push (self, _("Delete Article"), apply_delete_article, cmd, delete_article_free);
  return TRUE;
}

/* }}} */
