/* nhs-event-filter.c: which events a person (or a script) asked to see
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nhs-event-filter"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "nhs-dataset.h"
#include "nhs-enums.h"
#include "nhs-event-filter.h"
#include "nhs-model-private.h"

struct _NhsEventFilter
{
  GObject parent_instance;

  char *search;             /* as given */
  char *folded;             /* case-folded, whitespace collapsed */
  char **words;             /* folded words */
  NhsSearchSignature *signatures; /* one per word */
  GHashTable *disabled;     /* group ids turned off */
  char **disabled_list;     /* the same, as a vector: a few ids compare
                             * faster than they hash */
  guint kinds;
  GDateTime *from;
  GDateTime *to;
  gint64 from_us;           /* G_MININT64 when open */
  gint64 to_us;             /* exclusive; G_MAXINT64 when open */
  gboolean quiet;           /* inside reset: one signal at the end */
};

G_DEFINE_FINAL_TYPE (NhsEventFilter, nhs_event_filter, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SEARCH,
  PROP_KINDS,
  PROP_FROM,
  PROP_TO,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
emit_changed (NhsEventFilter  *self,
              NhsFilterChange  change)
{
  if (self->quiet)
    return;
  g_signal_emit (self, signals[CHANGED], 0, change);
}

static void
disabled_changed (NhsEventFilter *self)
{
  g_strfreev (self->disabled_list);
  self->disabled_list = nhs_event_filter_dup_disabled_groups (self);
}

static gboolean
group_disabled (NhsEventFilter *self,
                const char     *id)
{
  if (g_hash_table_size (self->disabled) > 8)
    return g_hash_table_contains (self->disabled, id);
  for (char **d = self->disabled_list; *d; d++)
    if (strcmp (*d, id) == 0)
      return TRUE;
  return FALSE;
}

static char *
fold_search (const char *search)
{
  g_autofree char *folded = g_utf8_casefold (search ? search : "", -1);
  g_auto(GStrv) words = g_strsplit_set (g_strstrip (folded), " \t\r\n", -1);
  GString *s = g_string_new (NULL);

  for (guint i = 0; words[i]; i++)
    {
      if (*words[i] == '\0')
        continue;
      if (s->len)
        g_string_append_c (s, ' ');
      g_string_append (s, words[i]);
    }
  return g_string_free (s, FALSE);
}

static void
nhs_event_filter_finalize (GObject *object)
{
  NhsEventFilter *self = NHS_EVENT_FILTER (object);

  g_free (self->search);
  g_free (self->folded);
  g_strfreev (self->words);
  g_free (self->signatures);
  g_clear_pointer (&self->disabled, g_hash_table_unref);
  g_strfreev (self->disabled_list);
  g_clear_pointer (&self->from, g_date_time_unref);
  g_clear_pointer (&self->to, g_date_time_unref);
  G_OBJECT_CLASS (nhs_event_filter_parent_class)->finalize (object);
}

static void
nhs_event_filter_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  NhsEventFilter *self = NHS_EVENT_FILTER (object);

  switch (prop_id)
    {
    case PROP_SEARCH: g_value_set_string (value, nhs_event_filter_get_search (self)); break;
    case PROP_KINDS: g_value_set_uint (value, self->kinds); break;
    case PROP_FROM: g_value_set_boxed (value, self->from); break;
    case PROP_TO: g_value_set_boxed (value, self->to); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nhs_event_filter_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  NhsEventFilter *self = NHS_EVENT_FILTER (object);

  switch (prop_id)
    {
    case PROP_SEARCH: nhs_event_filter_set_search (self, g_value_get_string (value)); break;
    case PROP_KINDS: nhs_event_filter_set_kinds (self, g_value_get_uint (value)); break;
    case PROP_FROM: nhs_event_filter_set_range (self, g_value_get_boxed (value), self->to); break;
    case PROP_TO: nhs_event_filter_set_range (self, self->from, g_value_get_boxed (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nhs_event_filter_class_init (NhsEventFilterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = nhs_event_filter_finalize;
  object_class->get_property = nhs_event_filter_get_property;
  object_class->set_property = nhs_event_filter_set_property;

  properties[PROP_SEARCH] = g_param_spec_string ("search", NULL, NULL, "", flags);
  properties[PROP_KINDS] = g_param_spec_uint ("kinds", NULL, NULL, 0, NHS_EVENT_KIND_MASK_ALL, 0, flags);
  properties[PROP_FROM] = g_param_spec_boxed ("from", NULL, NULL, G_TYPE_DATE_TIME, flags);
  properties[PROP_TO] = g_param_spec_boxed ("to", NULL, NULL, G_TYPE_DATE_TIME, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * NhsEventFilter::changed:
   * @change: an #NhsFilterChange: whether every event that matches now
   *   matched before (more strict), the reverse (less strict), or neither
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 1, NHS_TYPE_FILTER_CHANGE);
}

static void
nhs_event_filter_init (NhsEventFilter *self)
{
  self->folded = g_strdup ("");
  self->words = g_new0 (char *, 1);
  self->disabled = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->disabled_list = g_new0 (char *, 1);
  self->from_us = G_MININT64;
  self->to_us = G_MAXINT64;
}

NhsEventFilter *
nhs_event_filter_new (void)
{
  return g_object_new (NHS_TYPE_EVENT_FILTER, NULL);
}

NhsEventFilter *
nhs_event_filter_copy (NhsEventFilter *self)
{
  NhsEventFilter *copy;
  g_auto(GStrv) disabled = NULL;

  g_return_val_if_fail (NHS_IS_EVENT_FILTER (self), NULL);

  copy = nhs_event_filter_new ();
  disabled = nhs_event_filter_dup_disabled_groups (self);
  nhs_event_filter_set_search (copy, self->search);
  for (guint i = 0; disabled != NULL && disabled[i] != NULL; i++)
    nhs_event_filter_set_group_enabled (copy, disabled[i], FALSE);
  nhs_event_filter_set_kinds (copy, self->kinds);
  nhs_event_filter_set_range (copy, self->from, self->to);
  return copy;
}

const char *
nhs_event_filter_get_search (NhsEventFilter *self)
{
  g_return_val_if_fail (NHS_IS_EVENT_FILTER (self), NULL);
  return self->search ? self->search : "";
}

void
nhs_event_filter_set_search (NhsEventFilter *self,
                             const char     *search)
{
  g_autofree char *folded = NULL;
  NhsFilterChange change;

  g_return_if_fail (NHS_IS_EVENT_FILTER (self));

  if (g_strcmp0 (search, self->search) == 0)
    return;
  g_free (self->search);
  self->search = g_strdup (search);

  folded = fold_search (search);
  if (strcmp (folded, self->folded) == 0)
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCH]);
      return;
    }

  /* The old words lie inside the new text, so every new match matched
   * before (see the header: each old word is a substring of a new one). */
  if (strstr (folded, self->folded) != NULL)
    change = NHS_FILTER_CHANGE_MORE_STRICT;
  else if (strstr (self->folded, folded) != NULL)
    change = NHS_FILTER_CHANGE_LESS_STRICT;
  else
    change = NHS_FILTER_CHANGE_DIFFERENT;

  g_free (self->folded);
  self->folded = g_steal_pointer (&folded);
  g_strfreev (self->words);
  self->words = *self->folded ? g_strsplit (self->folded, " ", -1) : g_new0 (char *, 1);
  g_free (self->signatures);
  self->signatures = g_new (NhsSearchSignature, g_strv_length (self->words) + 1);
  for (guint i = 0; self->words[i]; i++)
    _nhs_search_signature_init (&self->signatures[i], self->words[i], strlen (self->words[i]));

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCH]);
  emit_changed (self, change);
}

void
nhs_event_filter_set_group_enabled (NhsEventFilter *self,
                                    const char     *group_id,
                                    gboolean        enabled)
{
  g_return_if_fail (NHS_IS_EVENT_FILTER (self));
  g_return_if_fail (group_id != NULL);

  if (enabled == !g_hash_table_contains (self->disabled, group_id))
    return;
  if (enabled)
    g_hash_table_remove (self->disabled, group_id);
  else
    g_hash_table_add (self->disabled, g_strdup (group_id));
  disabled_changed (self);
  emit_changed (self, enabled ? NHS_FILTER_CHANGE_LESS_STRICT : NHS_FILTER_CHANGE_MORE_STRICT);
}

gboolean
nhs_event_filter_get_group_enabled (NhsEventFilter *self,
                                    const char     *group_id)
{
  g_return_val_if_fail (NHS_IS_EVENT_FILTER (self), FALSE);
  return !g_hash_table_contains (self->disabled, group_id);
}

void
nhs_event_filter_set_only_groups (NhsEventFilter     *self,
                                  NhsDataset         *dataset,
                                  const char * const *group_ids)
{
  GListModel *groups;
  gboolean all;
  gboolean any_on = FALSE, any_off = FALSE;

  g_return_if_fail (NHS_IS_EVENT_FILTER (self));
  g_return_if_fail (NHS_IS_DATASET (dataset));

  all = group_ids == NULL || group_ids[0] == NULL;
  groups = nhs_dataset_get_groups (dataset);
  for (guint i = 0; i < g_list_model_get_n_items (groups); i++)
    {
      g_autoptr(NhsGroup) group = g_list_model_get_item (groups, i);
      const char *id = nhs_group_get_id (group);
      gboolean enabled = all || g_strv_contains (group_ids, id);

      if (enabled == !g_hash_table_contains (self->disabled, id))
        continue;
      if (enabled)
        g_hash_table_remove (self->disabled, id), any_on = TRUE;
      else
        g_hash_table_add (self->disabled, g_strdup (id)), any_off = TRUE;
    }

  if (any_on || any_off)
    disabled_changed (self);
  if (any_on || any_off)
    emit_changed (self, any_on && any_off ? NHS_FILTER_CHANGE_DIFFERENT
                        : any_on ? NHS_FILTER_CHANGE_LESS_STRICT : NHS_FILTER_CHANGE_MORE_STRICT);
}

static int
strv_cmp (const void *a,
          const void *b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

char **
nhs_event_filter_dup_disabled_groups (NhsEventFilter *self)
{
  g_autofree const char **keys = NULL;
  guint n;
  char **out;

  g_return_val_if_fail (NHS_IS_EVENT_FILTER (self), NULL);

  keys = (const char **) g_hash_table_get_keys_as_array (self->disabled, &n);
  out = g_new0 (char *, n + 1);
  for (guint i = 0; i < n; i++)
    out[i] = g_strdup (keys[i]);
  qsort (out, n, sizeof (char *), strv_cmp);
  return out;
}

void
nhs_event_filter_set_kinds (NhsEventFilter *self,
                            guint           kinds)
{
  guint old, new;

  g_return_if_fail (NHS_IS_EVENT_FILTER (self));

  kinds &= NHS_EVENT_KIND_MASK_ALL;
  if (kinds == NHS_EVENT_KIND_MASK_ALL)
    kinds = 0;
  if (kinds == self->kinds)
    return;

  old = self->kinds ? self->kinds : NHS_EVENT_KIND_MASK_ALL;
  new = kinds ? kinds : NHS_EVENT_KIND_MASK_ALL;
  self->kinds = kinds;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KINDS]);
  if ((new & old) == new)
    emit_changed (self, NHS_FILTER_CHANGE_MORE_STRICT);
  else if ((new & old) == old)
    emit_changed (self, NHS_FILTER_CHANGE_LESS_STRICT);
  else
    emit_changed (self, NHS_FILTER_CHANGE_DIFFERENT);
}

guint
nhs_event_filter_get_kinds (NhsEventFilter *self)
{
  g_return_val_if_fail (NHS_IS_EVENT_FILTER (self), 0);
  return self->kinds;
}

static gint64
day_start_us (GDateTime *dt, int add_days)
{
  g_autoptr(GDateTime) day = g_date_time_new (g_date_time_get_timezone (dt),
                                              g_date_time_get_year (dt),
                                              g_date_time_get_month (dt),
                                              g_date_time_get_day_of_month (dt), 0, 0, 0);
  g_autoptr(GDateTime) shifted = g_date_time_add_days (day, add_days);

  /* 9999-12-31 has no next day: the range then runs to the end of time */
  if (shifted == NULL)
    return add_days > 0 ? G_MAXINT64 : G_MININT64;
  return g_date_time_to_unix (shifted) * G_USEC_PER_SEC;
}

void
nhs_event_filter_set_range (NhsEventFilter *self,
                            GDateTime      *from,
                            GDateTime      *to)
{
  gint64 from_us, to_us;
  NhsFilterChange change;

  g_return_if_fail (NHS_IS_EVENT_FILTER (self));

  from_us = from ? day_start_us (from, 0) : G_MININT64;
  to_us = to ? day_start_us (to, 1) : G_MAXINT64;

  if (from_us == self->from_us && to_us == self->to_us)
    return;

  if (from_us >= self->from_us && to_us <= self->to_us)
    change = NHS_FILTER_CHANGE_MORE_STRICT;
  else if (from_us <= self->from_us && to_us >= self->to_us)
    change = NHS_FILTER_CHANGE_LESS_STRICT;
  else
    change = NHS_FILTER_CHANGE_DIFFERENT;

  if (from != self->from)
    {
      g_clear_pointer (&self->from, g_date_time_unref);
      self->from = from ? g_date_time_ref (from) : NULL;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FROM]);
    }
  if (to != self->to)
    {
      g_clear_pointer (&self->to, g_date_time_unref);
      self->to = to ? g_date_time_ref (to) : NULL;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TO]);
    }
  self->from_us = from_us;
  self->to_us = to_us;
  emit_changed (self, change);
}

GDateTime *nhs_event_filter_get_from (NhsEventFilter *self) { g_return_val_if_fail (NHS_IS_EVENT_FILTER (self), NULL); return self->from; }
GDateTime *nhs_event_filter_get_to (NhsEventFilter *self) { g_return_val_if_fail (NHS_IS_EVENT_FILTER (self), NULL); return self->to; }

void
nhs_event_filter_reset (NhsEventFilter *self)
{
  gboolean was_empty;

  g_return_if_fail (NHS_IS_EVENT_FILTER (self));

  was_empty = nhs_event_filter_is_empty (self);
  g_object_freeze_notify (G_OBJECT (self));
  self->quiet = TRUE;
  nhs_event_filter_set_search (self, NULL);
  nhs_event_filter_set_kinds (self, 0);
  nhs_event_filter_set_range (self, NULL, NULL);
  g_hash_table_remove_all (self->disabled);
  disabled_changed (self);
  self->quiet = FALSE;
  g_object_thaw_notify (G_OBJECT (self));
  if (!was_empty)
    emit_changed (self, NHS_FILTER_CHANGE_LESS_STRICT);
}

gboolean
nhs_event_filter_is_empty (NhsEventFilter *self)
{
  g_return_val_if_fail (NHS_IS_EVENT_FILTER (self), TRUE);

  return self->words[0] == NULL && self->kinds == 0 &&
         self->from_us == G_MININT64 && self->to_us == G_MAXINT64 &&
         g_hash_table_size (self->disabled) == 0;
}

/* Called for every event at every keystroke: it reads the event's fields
 * directly, and the search text the loader prepared */
gboolean
nhs_event_filter_match (NhsEventFilter *self,
                        NhsEvent       *event)
{
  gint64 start, end;

  g_return_val_if_fail (NHS_IS_EVENT_FILTER (self), FALSE);
  g_return_val_if_fail (NHS_IS_EVENT (event), FALSE);

  if (self->kinds != 0 && !(self->kinds & NHS_EVENT_KIND_MASK (event->kind)))
    return FALSE;

  start = event->start_us;
  end = event->end_us;
  if (start >= self->to_us)
    return FALSE;
  if (end > start ? end <= self->from_us : end < self->from_us)
    return FALSE;

  if (self->disabled_list[0] != NULL)
    {
      GPtrArray *groups = event->groups;
      gboolean any = FALSE;

      for (guint i = 0; i < groups->len && !any; i++)
        any = !group_disabled (self, ((NhsGroup *) g_ptr_array_index (groups, i))->id);
      if (!any)
        return FALSE;
    }

  if (self->words[0] != NULL)
    {
      const char *haystack = event->search_text ? event->search_text : nhs_event_get_search_text (event);

      for (guint i = 0; self->words[i]; i++)
        if ((self->words[i][1] != '\0' &&       /* a single letter is in nearly every text */
             !_nhs_search_signature_covers (&event->signature, &self->signatures[i])) ||
            strstr (haystack, self->words[i]) == NULL)
          return FALSE;
    }
  return TRUE;
}

char *
nhs_event_filter_describe (NhsEventFilter *self)
{
  g_autoptr(GString) s = g_string_new (NULL);
  g_auto(GStrv) disabled = NULL;

  g_return_val_if_fail (NHS_IS_EVENT_FILTER (self), NULL);

  if (self->words[0] != NULL)
    g_string_append_printf (s, _("search “%s”"), self->search);
  if (self->kinds != 0)
    {
      if (s->len)
        g_string_append (s, "; ");
      g_string_append (s, _("kinds: "));
      for (guint k = 0, n = 0; k < NHS_EVENT_KIND_N; k++)
        if (self->kinds & NHS_EVENT_KIND_MASK (k))
          g_string_append_printf (s, "%s%s", n++ ? ", " : "", nhs_enum_to_nick (NHS_TYPE_EVENT_KIND, k));
    }
  disabled = nhs_event_filter_dup_disabled_groups (self);
  if (disabled[0] != NULL)
    {
      g_autofree char *joined = g_strjoinv (", ", disabled);
      if (s->len)
        g_string_append (s, "; ");
      g_string_append_printf (s, _("groups hidden: %s"), joined);
    }
  if (self->from || self->to)
    {
      g_autofree char *f = self->from ? g_date_time_format (self->from, "%Y-%m-%d") : g_strdup ("…");
      g_autofree char *t = self->to ? g_date_time_format (self->to, "%Y-%m-%d") : g_strdup ("…");
      if (s->len)
        g_string_append (s, "; ");
      g_string_append_printf (s, _("%s to %s"), f, t);
    }
  return g_string_free (g_steal_pointer (&s), FALSE);
}
