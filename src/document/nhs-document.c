/* nhs-document.c: a dataset that can be edited, undone and saved
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A document keeps two things side by side: the file's JSON tree
 * (nhs-json-tree), which is what is saved, so that everything the app does
 * not understand survives in its place; and the dataset the window shows.
 * An edit patches the tree, then rebuilds the one object it touches from
 * its patched JSON by the loader's own code (nhs-dataset-check.h) and puts
 * the result into the object the window already holds: nothing is
 * reloaded, and a change the loader would refuse never gets in.
 *
 * Every edit is a command that undoes itself by doing the same thing again:
 * setting a member swaps the new value with the old, inserting an item
 * swaps it in or out of its array.
 *
 * Saving, and making a document from a file, are in nhs-document-file.c;
 * keeping the dataset in step after an edit is in nhs-document-sync.c.
 */
#define G_LOG_DOMAIN "nhs-document"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "nhs-dataset-check.h"
#include "nhs-dataset-loader.h"
#include "nhs-dataset-private.h"
#include "nhs-document.h"
#include "nhs-document-internal.h"
#include "nhs-document-private.h"
#include "nhs-event-writer.h"
#include "nhs-model-private.h"

static const char * const event_keys[NHS_EVENT_FIELD_N] = {
  "kind", "groups", "start", "end", "status", "title", "summary", "outcome", "tags", "evidence",
};

/* the order the format lists an event's members in: where a member the
 * event lacks goes when it gets one */
static const char * const event_order[] = {
  "id", "kind", "groups", "start", "end", "title", "summary", "status", "outcome", "tags",
  "evidence", NULL,
};

static const char * const change_names[NHS_EVENT_FIELD_N] = {
  N_("Change of Kind"),
  N_("Change of Groups"),
  N_("Change of Start"),
  N_("Change of End"),
  N_("Change of Status"),
  N_("Change of Title"),
  N_("Change of Summary"),
  N_("Change of Outcome"),
  N_("Change of Tags"),
  N_("Change of Evidence"),
};

const char *
nhs_event_field_to_key (NhsEventField field)
{
  g_return_val_if_fail (field < NHS_EVENT_FIELD_N, NULL);
  return event_keys[field];
}

NhsEventField
nhs_event_field_from_key (const char *key)
{
  for (guint i = 0; i < NHS_EVENT_FIELD_N; i++)
    if (g_strcmp0 (event_keys[i], key) == 0)
      return i;
  return NHS_EVENT_FIELD_N;
}

typedef enum {
  COMMAND_SET,                /* set or remove a member of an event */
  COMMAND_INSERT,             /* add an event */
  COMMAND_REMOVE,             /* delete an event */
  COMMAND_ADD_ARTICLE,        /* add an article, last in the file */
  COMMAND_ADD_FIGURE,         /* add a figure, last in the file */
  COMMAND_SET_FIGURE,         /* set a member of a figure (its evidence) */
  COMMAND_CUSTOM,             /* another file's (nhs-document-private.h) */
} CommandType;

typedef struct
{
  CommandType type;
  const char *name;           /* translated */
  NhsEvent *event;
  /* COMMAND_SET */
  char *key;
  NhsJsonItem *value;         /* what applying puts in; NULL removes */
  guint member_index;         /* where a removed member stood */
  gboolean has_index;
  /* COMMAND_INSERT, COMMAND_REMOVE */
  guint array_index;
  NhsJsonItem *item;          /* owned while out of the tree */
  gboolean in_tree;
  /* COMMAND_ADD_ARTICLE */
  NhsArticle *article;
  gboolean made_array;        /* the file had no "articles" (or "figures") before */
  gboolean applied;           /* once at least: checked when made, after that when applied */
  /* COMMAND_ADD_FIGURE (with item, in_tree, made_array), COMMAND_SET_FIGURE
   * (with key, value) */
  NhsFigure *figure;
  /* COMMAND_CUSTOM */
  NhsDocumentApplyFunc custom_apply;
  gpointer custom_data;
  GDestroyNotify custom_free;
} Command;



enum {
  PROP_0,
  PROP_MODIFIED,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  N_PROPS
};

/* the saved state can no longer be reached by undo or redo */
const char _nhs_document_saved_lost;

static GParamSpec *properties[N_PROPS];
guint _nhs_document_signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (NhsDocument, nhs_document, G_TYPE_OBJECT)

/* Commands {{{ */

static void
command_free (gpointer data)
{
  Command *cmd = data;

  g_clear_object (&cmd->event);
  g_clear_object (&cmd->article);
  g_clear_object (&cmd->figure);
  g_free (cmd->key);
  nhs_json_item_free (cmd->value);
  if (!cmd->in_tree)
    nhs_json_item_free (cmd->item);
  if (cmd->custom_free != NULL)
    cmd->custom_free (cmd->custom_data);
  g_free (cmd);
}

gconstpointer
_nhs_document_undo_top (NhsDocument *self)
{
  return self->undo->len ? g_ptr_array_index (self->undo, self->undo->len - 1) : NULL;
}

/* }}} */
/* Building events by the loader's rules {{{ */

/* The short message of a loader error, without the file and path before it */
static void
shorten_error (GError    **error,
               const char *path)
{
  const char *at;

  if (error == NULL || *error == NULL || path == NULL)
    return;
  at = strstr ((*error)->message, path);
  if (at != NULL && g_str_has_prefix (at + strlen (path), ": "))
    {
      char *message = g_strdup (at + strlen (path) + 2);
      g_free ((*error)->message);
      (*error)->message = message;
    }
}

/* The key of the event's member a path names: "end" for $.events[3].end */
static char *
path_key (const char *path)
{
  const char *p = path ? strstr (path, "].") : NULL;
  const char *end;

  if (p == NULL)
    return NULL;
  p += 2;
  end = p + strcspn (p, ".[");
  return g_strndup (p, end - p);
}

static NhsEvent *
build_event (NhsDocument       *self,
             const NhsJsonItem *object,
             NhsEvent          *replacing,
             char             **fail_key,
             GError           **error)
{
  g_autoptr(JsonNode) node = nhs_json_item_to_json_node (object);
  g_autofree char *path = NULL;
  int index = -1;
  NhsEvent *event;

  if (replacing != NULL)
    index = nhs_json_array_find (self->events, g_hash_table_lookup (self->event_items, replacing));
  if (index < 0)
    index = nhs_json_item_get_length (self->events);
  event = _nhs_dataset_build_event (self->dataset, self->builder, node, index, replacing, &path, error);
  if (event == NULL)
    {
      if (fail_key != NULL)
        *fail_key = path_key (path);
      shorten_error (error, path);
    }
  return event;
}

/* }}} */
/* Applying commands {{{ */

/* An item nested this deep is read one level deeper in the file than
 * _nhs_dataset_build_event() reads it (and the loader refuses a file
 * nested more than NHS_DATASET_MAX_DEPTH levels): well within, a check of
 * the item is a check of its place in the file */
#define ITEM_MAX_DEPTH (NHS_DATASET_MAX_DEPTH - 4)

static gboolean
item_depth_ok (const NhsJsonItem *object)
{
  return nhs_json_item_get_depth (object) <= ITEM_MAX_DEPTH;
}

/* Whether the loader would take the object as a new event (or figure)
 * where the dataset stands now: its id unused, what it refers to there */
static NhsFigure *build_figure (NhsDocument *self, const NhsJsonItem *object, NhsFigure *replacing,
                                GError **error);

static gboolean
event_would_load (NhsDocument       *self,
                  const NhsJsonItem *object)
{
  g_autoptr(NhsEvent) built = build_event (self, object, NULL, NULL, NULL);

  return built != NULL && item_depth_ok (object);
}

static gboolean
figure_would_load (NhsDocument       *self,
                   const NhsJsonItem *object)
{
  g_autoptr(NhsFigure) built = build_figure (self, object, NULL, NULL);

  return built != NULL && item_depth_ok (object);
}

/* Each apply_*() returns whether what it did was checked by the loader's
 * rules against the dataset as it stood (see base_loads) */
static gboolean
apply_set (NhsDocument *self,
           Command     *cmd,
           NhsEvent    *built)
{
  NhsJsonItem *object = g_hash_table_lookup (self->event_items, cmd->event);
  NhsJsonItem *old;

  if (cmd->value == NULL)
    {
      old = nhs_json_object_steal (object, cmd->key, &cmd->member_index);
      cmd->has_index = TRUE;
    }
  else if (nhs_json_object_get_member (object, cmd->key) == NULL && cmd->has_index)
    {
      nhs_json_object_insert (object, MIN (cmd->member_index, nhs_json_item_get_length (object)),
                              cmd->key, cmd->value);
      old = NULL;
    }
  else
    old = nhs_json_object_replace (object, cmd->key, cmd->value, event_order);
  cmd->value = old;

  if (built == NULL)
    {
      g_autoptr(GError) error = NULL;

      /* a state the document was in before: the loader took it then */
      built = build_event (self, object, cmd->event, NULL, &error);
      if (built == NULL)
        {
          g_critical ("An undone edit no longer passes the loader's rules: %s", error->message);
          return FALSE;
        }
    }
  _nhs_document_replace_event (self, cmd->event, built);
  /* the event was built from its object here, by the loader's rules, and
   * its id is not an edit's to change: nothing else refers to more than
   * its id */
  return item_depth_ok (object);
}

static gboolean
apply_insert (NhsDocument *self,
              Command     *cmd,
              gboolean     in)
{
  gboolean verified = TRUE;

  if (in)
    {
      /* made by the loader's rules just before (add_event_object); put
       * back by undo or redo, checked again */
      verified = cmd->applied ? event_would_load (self, cmd->item) : item_depth_ok (cmd->item);
      nhs_json_array_insert (self->events, MIN (cmd->array_index, nhs_json_item_get_length (self->events)),
                             cmd->item);
      cmd->in_tree = TRUE;
      _nhs_document_insert_event (self, cmd->event);
    }
  else
    {
      int index = nhs_json_array_find (self->events, cmd->item);

      g_assert (index >= 0);
      /* only a figure refers to an event: nhs_document_delete_event()
       * looked just before it first applies a delete */
      for (guint i = 0; cmd->applied && i < self->dataset->figure_array->len; i++)
        if (((NhsFigure *) g_ptr_array_index (self->dataset->figure_array, i))->event == cmd->event)
          verified = FALSE;
      cmd->array_index = index;
      nhs_json_array_steal (self->events, index);
      cmd->in_tree = FALSE;
      _nhs_document_remove_event (self, cmd->event);
    }
  return verified;
}

/* An added article is always the last: undo takes back the edits after it
 * (the citations of it among them) before it. */
static const char * const root_order[] = {
  "format", "version", "title", "description", "updated", "timezone",
  "groups", "sources", "articles", "events", "figures", NULL,
};

static gboolean
apply_add_article (NhsDocument *self,
                   Command     *cmd,
                   gboolean     in)
{
  NhsDataset *ds = self->dataset;
  NhsJsonItem *array = nhs_json_object_get_member (self->root, "articles");
  NhsArticle *article = cmd->article;
  guint n = ds->n_articles;
  /* checked by the loader's rules for an article when made
   * (nhs_document_add_article); nothing refers to an article but the
   * evidence that quotes it, and it is taken out only when none does */
  gboolean verified = !in || !g_hash_table_contains (ds->article_by_id, article->id);

  if (in)
    {
      if (array == NULL)
        {
          array = nhs_json_item_new_array ();
          nhs_json_object_replace (self->root, "articles", array, root_order);
          cmd->made_array = TRUE;
        }
      nhs_json_array_insert (array, nhs_json_item_get_length (array), cmd->item);
      cmd->in_tree = TRUE;

      g_rw_lock_writer_lock (&ds->edit_lock);
      article->index = n;
      g_ptr_array_add (ds->article_array, g_object_ref (article));
      g_hash_table_insert (ds->article_by_id, article->id, article);
      ds->quotes = g_renew (GPtrArray *, ds->quotes, n + 1);
      ds->citations = g_renew (GPtrArray *, ds->citations, n + 1);
      ds->quotes[n] = g_ptr_array_new ();
      ds->citations[n] = g_ptr_array_new ();
      ds->n_articles = n + 1;
      g_rw_lock_writer_unlock (&ds->edit_lock);
      g_list_model_items_changed (G_LIST_MODEL (ds->articles), n, 0, 1);
    }
  else
    {
      g_assert (n > 0 && g_ptr_array_index (ds->article_array, n - 1) == article);
      g_assert (ds->quotes[n - 1]->len == 0);

      nhs_json_array_steal (array, nhs_json_item_get_length (array) - 1);
      cmd->in_tree = FALSE;
      if (cmd->made_array)
        nhs_json_item_free (nhs_json_object_steal (self->root, "articles", NULL));

      g_rw_lock_writer_lock (&ds->edit_lock);
      g_hash_table_remove (ds->article_by_id, article->id);
      g_clear_pointer (&ds->quotes[n - 1], g_ptr_array_unref);
      g_clear_pointer (&ds->citations[n - 1], g_ptr_array_unref);
      ds->n_articles = n - 1;
      g_object_unref (g_ptr_array_steal_index (ds->article_array, n - 1));
      g_rw_lock_writer_unlock (&ds->edit_lock);
      g_list_model_items_changed (G_LIST_MODEL (ds->articles), n - 1, 1, 0);
    }
  return verified;
}

/* An added figure is the last, as an added article is; nothing can refer
 * to it but later edits, which undo takes back first */
static gboolean
apply_add_figure (NhsDocument *self,
                  Command     *cmd,
                  gboolean     in)
{
  NhsDataset *ds = self->dataset;
  NhsJsonItem *array = nhs_json_object_get_member (self->root, "figures");
  NhsFigure *figure = cmd->figure;
  g_autofree guint8 *touched = g_new0 (guint8, MAX (ds->n_articles, 1));
  guint n = ds->figure_array->len;
  /* nothing refers to a figure: taking one out breaks no rule */
  gboolean verified = TRUE;

  if (in)
    {
      if (cmd->applied)
        verified = figure_would_load (self, cmd->item);
      else
        verified = item_depth_ok (cmd->item);
      if (array == NULL)
        {
          array = nhs_json_item_new_array ();
          nhs_json_object_replace (self->root, "figures", array, root_order);
          cmd->made_array = TRUE;
        }
      nhs_json_array_insert (array, nhs_json_item_get_length (array), cmd->item);
      cmd->in_tree = TRUE;
      g_hash_table_insert (self->figure_items, figure, cmd->item);
      g_hash_table_insert (self->figure_ranks, figure, GUINT_TO_POINTER (n + 1));

      g_rw_lock_writer_lock (&ds->edit_lock);
      g_ptr_array_add (ds->figure_array, g_object_ref (figure));
      g_hash_table_insert (ds->figure_by_id, figure->id, figure);
      _nhs_document_file_evidence (self, figure->evidence, TRUE, touched);
      _nhs_document_finish_quotes (self, touched);
      g_rw_lock_writer_unlock (&ds->edit_lock);
      g_list_model_items_changed (G_LIST_MODEL (ds->figures), n, 0, 1);
    }
  else
    {
      g_assert (n > 0 && g_ptr_array_index (ds->figure_array, n - 1) == figure);

      nhs_json_array_steal (array, nhs_json_item_get_length (array) - 1);
      cmd->in_tree = FALSE;
      if (cmd->made_array)
        nhs_json_item_free (nhs_json_object_steal (self->root, "figures", NULL));
      g_hash_table_remove (self->figure_items, figure);

      g_rw_lock_writer_lock (&ds->edit_lock);
      _nhs_document_file_evidence (self, figure->evidence, FALSE, touched);
      g_hash_table_remove (ds->figure_by_id, figure->id);
      _nhs_document_finish_quotes (self, touched);
      g_hash_table_remove (self->figure_ranks, figure);
      /* the command holds the figure too */
      g_object_unref (g_ptr_array_steal_index (ds->figure_array, n - 1));
      g_rw_lock_writer_unlock (&ds->edit_lock);
      g_list_model_items_changed (G_LIST_MODEL (ds->figures), n - 1, 1, 0);
    }
  return verified;
}

static NhsFigure *
build_figure (NhsDocument       *self,
              const NhsJsonItem *object,
              NhsFigure         *replacing,
              GError           **error)
{
  g_autoptr(JsonNode) node = nhs_json_item_to_json_node (object);
  g_autofree char *path = NULL;
  guint index = replacing ? GPOINTER_TO_UINT (g_hash_table_lookup (self->figure_ranks, replacing)) - 1
                          : self->dataset->figure_array->len;
  NhsFigure *figure;

  figure = _nhs_dataset_build_figure (self->dataset, self->builder, node, index, replacing, &path, error);
  if (figure == NULL)
    shorten_error (error, path);
  return figure;
}

/* Sets the member of the figure; the figure stays the same object and takes
 * the evidence built holds, the one member a figure's edit changes */
static gboolean
apply_set_figure (NhsDocument *self,
                  Command     *cmd)
{
  NhsDataset *ds = self->dataset;
  NhsFigure *figure = cmd->figure;
  NhsJsonItem *object = g_hash_table_lookup (self->figure_items, figure);
  g_autofree guint8 *touched = g_new0 (guint8, MAX (ds->n_articles, 1));
  g_autoptr(NhsFigure) owned = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *evidence;
  guint pos;

  g_assert (g_strcmp0 (cmd->key, "evidence") == 0);
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
    cmd->value = nhs_json_object_replace (object, cmd->key, cmd->value, NULL);

  /* checked by the loader when the edit was made, and a state the
   * document was in before when undone */
  owned = build_figure (self, object, figure, &error);
  if (owned == NULL)
    {
      g_critical ("A figure's edit no longer passes the loader's rules: %s", error->message);
      return FALSE;
    }

  g_rw_lock_writer_lock (&ds->edit_lock);
  _nhs_document_file_evidence (self, figure->evidence, FALSE, touched);
  evidence = figure->evidence;
  figure->evidence = owned->evidence;
  owned->evidence = evidence;
  for (guint i = 0; figure->evidence && i < figure->evidence->len; i++)
    ((NhsEvidence *) g_ptr_array_index (figure->evidence, i))->owner = G_OBJECT (figure);
  for (guint i = 0; owned->evidence && i < owned->evidence->len; i++)
    ((NhsEvidence *) g_ptr_array_index (owned->evidence, i))->owner = G_OBJECT (owned);
  _nhs_document_file_evidence (self, figure->evidence, TRUE, touched);
  _nhs_document_finish_quotes (self, touched);
  g_rw_lock_writer_unlock (&ds->edit_lock);
  pos = GPOINTER_TO_UINT (g_hash_table_lookup (self->figure_ranks, figure)) - 1;
  g_list_model_items_changed (G_LIST_MODEL (ds->figures), pos, 1, 1);
  /* built from its object here, as apply_set() builds an event */
  return item_depth_ok (object);
}

/* Applies cmd; a change not known to be checked by the loader's rules
 * (a kind of command not listed here among them) makes the next save
 * load the whole text again */
static void
apply (NhsDocument *self,
       Command     *cmd,
       gboolean     undoing,
       NhsEvent    *built)
{
  gboolean verified = FALSE;

  /* Held through the command's signals too: what the window does on
   * them must not be an edit of its own (GRWLock is not recursive), and
   * every change to the tree is a command's */
  g_atomic_int_set (&self->copy_stop, 1);
  g_rw_lock_writer_lock (&self->tree_lock);
  g_atomic_int_set (&self->copy_stop, 0);
  switch (cmd->type)
    {
    case COMMAND_SET:
      verified = apply_set (self, cmd, built);
      break;
    case COMMAND_INSERT:
      verified = apply_insert (self, cmd, !undoing);
      break;
    case COMMAND_REMOVE:
      verified = apply_insert (self, cmd, undoing);
      break;
    case COMMAND_ADD_ARTICLE:
      verified = apply_add_article (self, cmd, !undoing);
      break;
    case COMMAND_ADD_FIGURE:
      verified = apply_add_figure (self, cmd, !undoing);
      break;
    case COMMAND_SET_FIGURE:
      verified = apply_set_figure (self, cmd);
      break;
    case COMMAND_CUSTOM:
      cmd->custom_apply (self, cmd->custom_data, undoing);
      break;
    default:
      g_assert_not_reached ();
    }
  g_rw_lock_writer_unlock (&self->tree_lock);
  cmd->applied = TRUE;
  if (!verified)
    self->unverified = TRUE;
}

void
_nhs_document_notify_state (NhsDocument *self,
                            gboolean     was_modified,
                            gboolean     could_undo,
                            gboolean     could_redo)
{
  if (was_modified != nhs_document_get_modified (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
  if (could_undo != nhs_document_can_undo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  if (could_redo != nhs_document_can_redo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
  g_signal_emit (self, _nhs_document_signals[SIGNAL_CHANGED], 0);
}

/* Does cmd (taken) and puts it on the undo stack */
static void
push (NhsDocument *self,
      Command     *cmd,
      NhsEvent    *built)
{
  gboolean was_modified = nhs_document_get_modified (self);
  gboolean could_undo = nhs_document_can_undo (self);
  gboolean could_redo = nhs_document_can_redo (self);

  for (guint i = 0; i < self->redo->len; i++)
    if (g_ptr_array_index (self->redo, i) == self->saved)
      self->saved = &_nhs_document_saved_lost;
  g_ptr_array_set_size (self->redo, 0);
  apply (self, cmd, FALSE, built);
  g_ptr_array_add (self->undo, cmd);
  _nhs_document_notify_state (self, was_modified, could_undo, could_redo);
}

/* Undo and redo: the newest command of one stack applied (backwards for
 * undo) and moved onto the other */
static gboolean
step (NhsDocument *self,
      GPtrArray   *from,
      GPtrArray   *to,
      gboolean     backwards)
{
  gboolean was_modified, could_undo, could_redo;
  Command *cmd;

  if (from->len == 0)
    return FALSE;

  was_modified = nhs_document_get_modified (self);
  could_undo = nhs_document_can_undo (self);
  could_redo = nhs_document_can_redo (self);
  cmd = g_ptr_array_steal_index (from, from->len - 1);
  apply (self, cmd, backwards, NULL);
  g_ptr_array_add (to, cmd);
  _nhs_document_notify_state (self, was_modified, could_undo, could_redo);
  return TRUE;
}

gboolean
nhs_document_undo (NhsDocument *self)
{
  g_return_val_if_fail (NHS_IS_DOCUMENT (self), FALSE);
  return step (self, self->undo, self->redo, TRUE);
}

gboolean
nhs_document_redo (NhsDocument *self)
{
  g_return_val_if_fail (NHS_IS_DOCUMENT (self), FALSE);
  return step (self, self->redo, self->undo, FALSE);
}

gboolean
nhs_document_can_undo (NhsDocument *self)
{
  g_return_val_if_fail (NHS_IS_DOCUMENT (self), FALSE);
  return self->undo->len > 0;
}

gboolean
nhs_document_can_redo (NhsDocument *self)
{
  g_return_val_if_fail (NHS_IS_DOCUMENT (self), FALSE);
  return self->redo->len > 0;
}

const char *
nhs_document_get_undo_name (NhsDocument *self)
{
  g_return_val_if_fail (NHS_IS_DOCUMENT (self), NULL);
  return self->undo->len ? ((Command *) g_ptr_array_index (self->undo, self->undo->len - 1))->name : NULL;
}

const char *
nhs_document_get_redo_name (NhsDocument *self)
{
  g_return_val_if_fail (NHS_IS_DOCUMENT (self), NULL);
  return self->redo->len ? ((Command *) g_ptr_array_index (self->redo, self->redo->len - 1))->name : NULL;
}

NhsDataset *
nhs_document_get_dataset (NhsDocument *self)
{
  g_return_val_if_fail (NHS_IS_DOCUMENT (self), NULL);
  return self->dataset;
}

GFile *
nhs_document_get_file (NhsDocument *self)
{
  g_return_val_if_fail (NHS_IS_DOCUMENT (self), NULL);
  return self->file;
}

gboolean
nhs_document_get_modified (NhsDocument *self)
{
  g_return_val_if_fail (NHS_IS_DOCUMENT (self), FALSE);
  return _nhs_document_undo_top (self) != self->saved;
}

/* }}} */
/* Editing events {{{ */

static NhsJsonItem *
event_object (NhsDocument *self,
              NhsEvent    *event,
              GError     **error)
{
  NhsJsonItem *object = g_hash_table_lookup (self->event_items, event);

  if (object == NULL || event->index >= self->dataset->event_array->len ||
      g_ptr_array_index (self->dataset->event_array, event->index) != event)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("The event is not in this dataset"));
      return NULL;
    }
  return object;
}

const NhsJsonItem *
nhs_document_get_event_member (NhsDocument *self,
                               NhsEvent    *event,
                               const char  *key)
{
  NhsJsonItem *object;

  g_return_val_if_fail (NHS_IS_DOCUMENT (self), NULL);
  object = g_hash_table_lookup (self->event_items, event);
  return object ? nhs_json_object_get_member (object, key) : NULL;
}

NhsEvent *
nhs_document_try_event (NhsDocument       *self,
                        NhsEvent          *event,
                        NhsEventField      field,
                        const NhsJsonItem *value,
                        char             **fail_key,
                        GError           **error)
{
  g_autoptr(NhsJsonItem) copy = NULL;
  NhsJsonItem *object;

  g_return_val_if_fail (NHS_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (NHS_IS_EVENT (event), NULL);
  g_return_val_if_fail (field < NHS_EVENT_FIELD_N, NULL);

  if ((object = event_object (self, event, error)) == NULL)
    return NULL;
  copy = nhs_json_item_copy (object);
  if (value != NULL)
    nhs_json_item_free (nhs_json_object_replace (copy, event_keys[field], nhs_json_item_copy (value), event_order));
  else
    nhs_json_item_free (nhs_json_object_steal (copy, event_keys[field], NULL));
  return build_event (self, copy, event, fail_key, error);
}

gboolean
nhs_document_set_event (NhsDocument       *self,
                        NhsEvent          *event,
                        NhsEventField      field,
                        const NhsJsonItem *value,
                        char             **fail_key,
                        GError           **error)
{
  NhsEvent *built;
  Command *cmd;

  g_return_val_if_fail (NHS_IS_DOCUMENT (self), FALSE);

  if (event_object (self, event, error) == NULL)
    return FALSE;
  if (nhs_json_item_equal (nhs_document_get_event_member (self, event, event_keys[field]), value))
    return TRUE;
  built = nhs_document_try_event (self, event, field, value, fail_key, error);
  if (built == NULL)
    return FALSE;

  cmd = g_new0 (Command, 1);
  cmd->type = COMMAND_SET;
  cmd->name = _(change_names[field]);
  cmd->event = g_object_ref (event);
  cmd->key = g_strdup (event_keys[field]);
  cmd->value = nhs_json_item_copy (value);
  push (self, cmd, built);
  return TRUE;
}

gboolean
nhs_document_set_event_text (NhsDocument  *self,
                             NhsEvent     *event,
                             NhsEventField field,
                             const char   *text,
                             GError      **error)
{
  g_autoptr(NhsJsonItem) value = text && *text ? nhs_json_item_new_string (text) : NULL;

  return nhs_document_set_event (self, event, field, value, NULL, error);
}

gboolean
nhs_document_set_event_strv (NhsDocument        *self,
                             NhsEvent           *event,
                             NhsEventField       field,
                             const char * const *strv,
                             GError            **error)
{
  g_autoptr(NhsJsonItem) value = nhs_json_item_new_strv (strv);

  return nhs_document_set_event (self, event, field, value, NULL, error);
}

/* An id no event has: base, base-2, base-3… */
static char *
unused_event_id (NhsDocument *self,
                 const char  *base)
{
  char *id = g_strdup (base);

  for (guint n = 2; g_hash_table_contains (self->dataset->event_by_id, id); n++)
    {
      g_free (id);
      id = g_strdup_printf ("%s-%u", base, n);
    }
  return id;
}

/* Adds the object (taken) as a new event at index in the file */
static NhsEvent *
add_event_object (NhsDocument *self,
                  NhsJsonItem *object,
                  guint        index,
                  const char  *name,
                  GError     **error)
{
  NhsEvent *built = build_event (self, object, NULL, NULL, error);
  Command *cmd;

  if (built == NULL)
    {
      nhs_json_item_free (object);
      return NULL;
    }
  g_hash_table_insert (self->event_items, built, object);
  cmd = g_new0 (Command, 1);
  cmd->type = COMMAND_INSERT;
  cmd->name = name;
  cmd->event = built;
  cmd->item = object;
  cmd->array_index = index;
  push (self, cmd, NULL);
  return built;
}

NhsEvent *
nhs_document_add_event (NhsDocument *self,
                        const char  *date,
                        GError     **error)
{
  g_autofree char *id = NULL;
  NhsJsonItem *object;
  NhsGroup *group;

  g_return_val_if_fail (NHS_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (date != NULL, NULL);

  group = g_ptr_array_index (self->dataset->group_array, 0);
  id = unused_event_id (self, "new-event");
  object = nhs_json_item_new_object ();
  nhs_json_object_replace (object, "id", nhs_json_item_new_string (id), NULL);
  nhs_json_object_replace (object, "kind", nhs_json_item_new_string ("other"), NULL);
  nhs_json_object_replace (object, "groups", nhs_json_item_new_strv ((const char *[]) { group->id, NULL }), NULL);
  nhs_json_object_replace (object, "start", nhs_json_item_new_string (date), NULL);
  nhs_json_object_replace (object, "title", nhs_json_item_new_string (_("New event")), NULL);
  return add_event_object (self, object, nhs_json_item_get_length (self->events), _("New Event"), error);
}

NhsEvent *
nhs_document_duplicate_event (NhsDocument *self,
                              NhsEvent    *event,
                              GError     **error)
{
  g_autofree char *base = NULL, *id = NULL;
  NhsJsonItem *object, *copy;
  int index;

  g_return_val_if_fail (NHS_IS_DOCUMENT (self), NULL);

  if ((object = event_object (self, event, error)) == NULL)
    return NULL;
  base = g_strdup_printf ("%s-copy", event->id);
  id = unused_event_id (self, base);
  copy = nhs_json_item_copy (object);
  nhs_json_item_free (nhs_json_object_replace (copy, "id", nhs_json_item_new_string (id), event_order));
  index = nhs_json_array_find (self->events, object);
  return add_event_object (self, copy, index + 1, _("Duplicate Event"), error);
}

gboolean
nhs_document_delete_event (NhsDocument *self,
                           NhsEvent    *event,
                           GError     **error)
{
  NhsJsonItem *object;
  Command *cmd;

  g_return_val_if_fail (NHS_IS_DOCUMENT (self), FALSE);

  if ((object = event_object (self, event, error)) == NULL)
    return FALSE;
  for (guint i = 0; i < self->dataset->figure_array->len; i++)
    {
      NhsFigure *figure = g_ptr_array_index (self->dataset->figure_array, i);

      if (figure->event == event)
        {
          g_set_error (error, NHS_DATASET_ERROR, NHS_DATASET_ERROR_REFERENCE,
                       _("The figure “%s” refers to this event; change or delete the figure first"),
                       figure->id);
          return FALSE;
        }
    }
  cmd = g_new0 (Command, 1);
  cmd->type = COMMAND_REMOVE;
  cmd->name = _("Delete Event");
  cmd->event = g_object_ref (event);
  cmd->item = object;
  cmd->in_tree = TRUE;
  push (self, cmd, NULL);
  return TRUE;
}

gboolean
nhs_document_cite_article (NhsDocument *self,
                           NhsEvent    *event,
                           NhsArticle  *article,
                           const char  *quote,
                           GError     **error)
{
  const NhsJsonItem *present;
  g_autoptr(NhsJsonItem) evidence = NULL;
  NhsJsonItem *citation;
  NhsEvent *built;
  Command *cmd;

  g_return_val_if_fail (NHS_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (NHS_IS_ARTICLE (article), FALSE);
  g_return_val_if_fail (quote != NULL, FALSE);

  if (event_object (self, event, error) == NULL)
    return FALSE;
  present = nhs_document_get_event_member (self, event, "evidence");
  evidence = present && nhs_json_item_get_item_type (present) == NHS_JSON_ITEM_ARRAY
             ? nhs_json_item_copy (present) : nhs_json_item_new_array ();
  citation = nhs_json_item_new_object ();
  nhs_json_object_replace (citation, "article", nhs_json_item_new_string (article->id), NULL);
  nhs_json_object_replace (citation, "quote", nhs_json_item_new_string (quote), NULL);
  nhs_json_array_insert (evidence, nhs_json_item_get_length (evidence), citation);

  built = nhs_document_try_event (self, event, NHS_EVENT_FIELD_EVIDENCE, evidence, NULL, error);
  if (built == NULL)
    return FALSE;
  cmd = g_new0 (Command, 1);
  cmd->type = COMMAND_SET;
  cmd->name = _("Cite Selection");
  cmd->event = g_object_ref (event);
  cmd->key = g_strdup ("evidence");
  cmd->value = g_steal_pointer (&evidence);
  push (self, cmd, built);
  return TRUE;
}

NhsEvent *
nhs_document_add_event_object (NhsDocument       *self,
                               const NhsJsonItem *object,
                               const char        *name,
                               GError           **error)
{
  g_return_val_if_fail (NHS_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (object != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  return add_event_object (self, nhs_json_item_copy (object), nhs_json_item_get_length (self->events),
                           name, error);
}

/* }}} */
/* Adding figures {{{ */

NhsFigure *
nhs_document_add_figure_object (NhsDocument       *self,
                                const NhsJsonItem *object,
                                const char        *name,
                                GError           **error)
{
  NhsFigure *built;
  Command *cmd;

  g_return_val_if_fail (NHS_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (object != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  built = build_figure (self, object, NULL, error);
  if (built == NULL)
    return NULL;
  cmd = g_new0 (Command, 1);
  cmd->type = COMMAND_ADD_FIGURE;
  cmd->name = name;
  cmd->figure = built;
  cmd->item = nhs_json_item_copy (object);
  push (self, cmd, NULL);
  return built;
}

gboolean
nhs_document_cite_article_for_figure (NhsDocument *self,
                                      NhsFigure   *figure,
                                      NhsArticle  *article,
                                      const char  *quote,
                                      GError     **error)
{
  NhsJsonItem *object;
  const NhsJsonItem *present;
  g_autoptr(NhsJsonItem) copy = NULL;
  g_autoptr(NhsFigure) built = NULL;
  NhsJsonItem *evidence, *citation;
  Command *cmd;

  g_return_val_if_fail (NHS_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (NHS_IS_FIGURE (figure), FALSE);
  g_return_val_if_fail (NHS_IS_ARTICLE (article), FALSE);
  g_return_val_if_fail (quote != NULL, FALSE);

  object = g_hash_table_lookup (self->figure_items, figure);
  if (object == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("The figure is not in this dataset"));
      return FALSE;
    }
  present = nhs_json_object_get_member (object, "evidence");
  evidence = present && nhs_json_item_get_item_type (present) == NHS_JSON_ITEM_ARRAY
             ? nhs_json_item_copy (present) : nhs_json_item_new_array ();
  citation = nhs_json_item_new_object ();
  nhs_json_object_replace (citation, "article", nhs_json_item_new_string (article->id), NULL);
  nhs_json_object_replace (citation, "quote", nhs_json_item_new_string (quote), NULL);
  nhs_json_array_insert (evidence, nhs_json_item_get_length (evidence), citation);

  /* the loader's rules for the figure as it would be */
  copy = nhs_json_item_copy (object);
  nhs_json_item_free (nhs_json_object_replace (copy, "evidence", nhs_json_item_copy (evidence), NULL));
  built = build_figure (self, copy, figure, error);
  if (built == NULL)
    {
      nhs_json_item_free (evidence);
      return FALSE;
    }

  cmd = g_new0 (Command, 1);
  cmd->type = COMMAND_SET_FIGURE;
  cmd->name = _("Cite Selection");
  cmd->figure = g_object_ref (figure);
  cmd->key = g_strdup ("evidence");
  cmd->value = evidence;
  push (self, cmd, NULL);
  return TRUE;
}

/* }}} */
/* Adding articles {{{ */

NhsArticle *
nhs_document_add_article (NhsDocument *self,
                          const char  *id,
                          const char  *title,
                          const char  *publisher,
                          const char  *published,
                          const char  *url,
                          const char  *body,
                          GError     **error)
{
  static const char * const article_order[] = {
    "id", "title", "publisher", "published", "url", "description", "body", NULL,
  };
  const NhsWhen *when = NULL;
  NhsJsonItem *object;
  NhsArticle *article;
  Command *cmd;

  g_return_val_if_fail (NHS_IS_DOCUMENT (self), NULL);

  /* the loader's rules for an article (load_articles) */
  if (id == NULL || *id == '\0' || title == NULL || *title == '\0' || body == NULL || *body == '\0')
    {
      g_set_error (error, NHS_DATASET_ERROR, NHS_DATASET_ERROR_VALUE,
                   _("An article needs an id, a title and a text"));
      return NULL;
    }
  if (nhs_dataset_lookup_article (self->dataset, id) != NULL)
    {
      g_set_error (error, NHS_DATASET_ERROR, NHS_DATASET_ERROR_DUPLICATE,
                   _("the id “%s” is used twice"), id);
      return NULL;
    }
  if (published != NULL && (when = _nhs_dataset_builder_when (self->builder, published, FALSE)) == NULL)
    {
      g_set_error (error, NHS_DATASET_ERROR, NHS_DATASET_ERROR_VALUE,
                   _("“%s” is not a valid date (expected YYYY-MM-DD)"), published);
      return NULL;
    }

  object = nhs_json_item_new_object ();
  nhs_json_object_replace (object, "id", nhs_json_item_new_string (id), article_order);
  nhs_json_object_replace (object, "title", nhs_json_item_new_string (title), article_order);
  if (publisher != NULL && *publisher != '\0')
    nhs_json_object_replace (object, "publisher", nhs_json_item_new_string (publisher), article_order);
  if (published != NULL)
    nhs_json_object_replace (object, "published", nhs_json_item_new_string (published), article_order);
  if (url != NULL && *url != '\0')
    nhs_json_object_replace (object, "url", nhs_json_item_new_string (url), article_order);
  nhs_json_object_replace (object, "body", nhs_json_item_new_string (body), article_order);

  article = g_object_new (NHS_TYPE_ARTICLE, NULL);
  article->id = g_strdup (id);
  article->title = g_strdup (title);
  article->publisher = publisher && *publisher ? g_strdup (publisher) : NULL;
  article->url = url && *url ? g_strdup (url) : NULL;
  article->body = g_strdup (body);
  article->published = _nhs_when_ref (when);

  cmd = g_new0 (Command, 1);
  cmd->type = COMMAND_ADD_ARTICLE;
  cmd->name = _("Add Article");
  cmd->article = article;
  cmd->item = object;
  push (self, cmd, NULL);
  return article;
}

/* }}} */
/* Evidence lists, for nhs-document-evidence.c {{{ */

const NhsJsonItem *
_nhs_document_get_evidence (NhsDocument *self,
                            GObject     *item)
{
  NhsJsonItem *object;

  if (NHS_IS_EVENT (item))
    object = g_hash_table_lookup (self->event_items, item);
  else
    object = g_hash_table_lookup (self->figure_items, item);
  return object ? nhs_json_object_get_member (object, "evidence") : NULL;
}

/* Sets the evidence member of an event or a figure as one step named name
 * (a string that outlives the document), if the loader takes it */
gboolean
_nhs_document_set_evidence (NhsDocument       *self,
                            GObject           *item,
                            const NhsJsonItem *evidence,
                            const char        *name,
                            GError           **error)
{
  Command *cmd;

  if (NHS_IS_EVENT (item))
    {
      NhsEvent *built;

      if (event_object (self, NHS_EVENT (item), error) == NULL)
        return FALSE;
      built = nhs_document_try_event (self, NHS_EVENT (item), NHS_EVENT_FIELD_EVIDENCE, evidence, NULL, error);
      if (built == NULL)
        return FALSE;
      cmd = g_new0 (Command, 1);
      cmd->type = COMMAND_SET;
      cmd->event = g_object_ref (NHS_EVENT (item));
      cmd->key = g_strdup ("evidence");
      cmd->value = nhs_json_item_copy (evidence);
      cmd->name = name;
      push (self, cmd, built);
      return TRUE;
    }
  else
    {
      NhsJsonItem *object = g_hash_table_lookup (self->figure_items, item);
      g_autoptr(NhsJsonItem) copy = NULL;
      g_autoptr(NhsFigure) built = NULL;

      if (object == NULL)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("The figure is not in this dataset"));
          return FALSE;
        }
      copy = nhs_json_item_copy (object);
      nhs_json_item_free (nhs_json_object_replace (copy, "evidence", nhs_json_item_copy (evidence), NULL));
      built = build_figure (self, copy, NHS_FIGURE (item), error);
      if (built == NULL)
        return FALSE;
      cmd = g_new0 (Command, 1);
      cmd->type = COMMAND_SET_FIGURE;
      cmd->figure = g_object_ref (NHS_FIGURE (item));
      cmd->key = g_strdup ("evidence");
      cmd->value = nhs_json_item_copy (evidence);
      cmd->name = name;
      push (self, cmd, NULL);
      return TRUE;
    }
}

/* }}} */
/* Making documents {{{ */

static void
nhs_document_finalize (GObject *object)
{
  NhsDocument *self = NHS_DOCUMENT (object);

  if (self->check_thread != NULL)
    {
      g_cancellable_cancel (self->check_cancellable);
      g_thread_join (g_steal_pointer (&self->check_thread));
    }
  g_clear_object (&self->check_cancellable);
  /* the commands first: they hold events the dataset also holds */
  g_clear_pointer (&self->undo, g_ptr_array_unref);
  g_clear_pointer (&self->redo, g_ptr_array_unref);
  g_clear_pointer (&self->event_items, g_hash_table_unref);
  g_clear_pointer (&self->figure_ranks, g_hash_table_unref);
  g_clear_pointer (&self->figure_items, g_hash_table_unref);
  g_clear_pointer (&self->root, nhs_json_item_free);
  g_clear_pointer (&self->builder, _nhs_dataset_builder_free);
  g_clear_object (&self->dataset);
  g_clear_object (&self->file);
  g_free (self->etag);
  g_rw_lock_clear (&self->tree_lock);
  g_mutex_clear (&self->copy_lock);
  G_OBJECT_CLASS (nhs_document_parent_class)->finalize (object);
}

static void
nhs_document_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  NhsDocument *self = NHS_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_MODIFIED: g_value_set_boolean (value, nhs_document_get_modified (self)); break;
    case PROP_CAN_UNDO: g_value_set_boolean (value, nhs_document_can_undo (self)); break;
    case PROP_CAN_REDO: g_value_set_boolean (value, nhs_document_can_redo (self)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nhs_document_class_init (NhsDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = nhs_document_finalize;
  object_class->get_property = nhs_document_get_property;

  properties[PROP_MODIFIED] = g_param_spec_boolean ("modified", NULL, NULL, FALSE, flags);
  properties[PROP_CAN_UNDO] = g_param_spec_boolean ("can-undo", NULL, NULL, FALSE, flags);
  properties[PROP_CAN_REDO] = g_param_spec_boolean ("can-redo", NULL, NULL, FALSE, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* an event changed, was added or was removed (it says which by being in
   * the dataset or not) */
  _nhs_document_signals[SIGNAL_EVENT_CHANGED] =
    g_signal_new ("event-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, NHS_TYPE_EVENT);
  /* after every edit, undo, redo and save */
  _nhs_document_signals[SIGNAL_CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
nhs_document_init (NhsDocument *self)
{
  self->undo = g_ptr_array_new_with_free_func (command_free);
  self->redo = g_ptr_array_new_with_free_func (command_free);
  self->event_items = g_hash_table_new (NULL, NULL);
  self->figure_ranks = g_hash_table_new (NULL, NULL);
  self->figure_items = g_hash_table_new (NULL, NULL);
  g_rw_lock_init (&self->tree_lock);
  g_mutex_init (&self->copy_lock);
}

/* For the other editing files (nhs-document-private.h) {{{ */

void
_nhs_document_push (NhsDocument         *self,
                    const char          *name,
                    NhsDocumentApplyFunc apply_func,
                    gpointer             data,
                    GDestroyNotify       free_data)
{
  Command *cmd = g_new0 (Command, 1);

  cmd->type = COMMAND_CUSTOM;
  cmd->name = name;
  cmd->custom_apply = apply_func;
  cmd->custom_data = data;
  cmd->custom_free = free_data;
  push (self, cmd, NULL);
}

void
_nhs_document_get_parts (NhsDocument      *self,
                         NhsDocumentParts *parts)
{
  parts->dataset = self->dataset;
  parts->root = self->root;
  parts->figure_items = self->figure_items;
  parts->figure_ranks = self->figure_ranks;
  parts->builder = self->builder;
}

void
_nhs_document_shorten_error (GError    **error,
                             const char *path)
{
  shorten_error (error, path);
}

/* }}} */
