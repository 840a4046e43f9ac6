/* nhs-model.c: the objects a dataset is made of
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nhs-model"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include "nhs-model-private.h"

#define RO_PARAM (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS)

/* NhsGroup {{{ */

G_DEFINE_FINAL_TYPE (NhsGroup, nhs_group, G_TYPE_OBJECT)

enum { GROUP_PROP_0, GROUP_PROP_ID, GROUP_PROP_NAME, GROUP_PROP_SHORT_NAME,
       GROUP_PROP_COLOR, GROUP_PROP_INDEX, GROUP_N_PROPS };
static GParamSpec *group_props[GROUP_N_PROPS];

static void
nhs_group_finalize (GObject *object)
{
  NhsGroup *self = NHS_GROUP (object);

  g_free (self->id);
  g_free (self->name);
  g_free (self->short_name);
  g_free (self->color);
  G_OBJECT_CLASS (nhs_group_parent_class)->finalize (object);
}

static void
nhs_group_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  NhsGroup *self = NHS_GROUP (object);

  switch (prop_id)
    {
    case GROUP_PROP_ID: g_value_set_string (value, self->id); break;
    case GROUP_PROP_NAME: g_value_set_string (value, self->name); break;
    case GROUP_PROP_SHORT_NAME: g_value_set_string (value, nhs_group_get_short_name (self)); break;
    case GROUP_PROP_COLOR: g_value_set_string (value, self->color); break;
    case GROUP_PROP_INDEX: g_value_set_uint (value, self->index); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nhs_group_class_init (NhsGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = nhs_group_finalize;
  object_class->get_property = nhs_group_get_property;

  group_props[GROUP_PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, RO_PARAM);
  group_props[GROUP_PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, RO_PARAM);
  group_props[GROUP_PROP_SHORT_NAME] = g_param_spec_string ("short-name", NULL, NULL, NULL, RO_PARAM);
  group_props[GROUP_PROP_COLOR] = g_param_spec_string ("color", NULL, NULL, NULL, RO_PARAM);
  group_props[GROUP_PROP_INDEX] = g_param_spec_uint ("index", NULL, NULL, 0, G_MAXUINT, 0, RO_PARAM);
  g_object_class_install_properties (object_class, GROUP_N_PROPS, group_props);
}

static void nhs_group_init (NhsGroup *self) { }

const char *nhs_group_get_id (NhsGroup *self) { g_return_val_if_fail (NHS_IS_GROUP (self), NULL); return self->id; }
const char *nhs_group_get_name (NhsGroup *self) { g_return_val_if_fail (NHS_IS_GROUP (self), NULL); return self->name; }
const char *nhs_group_get_color (NhsGroup *self) { g_return_val_if_fail (NHS_IS_GROUP (self), NULL); return self->color; }
guint nhs_group_get_index (NhsGroup *self) { g_return_val_if_fail (NHS_IS_GROUP (self), 0); return self->index; }

const char *
nhs_group_get_short_name (NhsGroup *self)
{
  g_return_val_if_fail (NHS_IS_GROUP (self), NULL);
  return self->short_name ? self->short_name : self->name;
}

gboolean
nhs_group_id_is_valid (const char *id)
{
  if (id == NULL || *id == '\0')
    return FALSE;
  for (const char *c = id; *c; c++)
    if (!(g_ascii_islower (*c) || g_ascii_isdigit (*c) || *c == '-'))
      return FALSE;
  return TRUE;
}

/* }}} */
/* NhsSource {{{ */

G_DEFINE_FINAL_TYPE (NhsSource, nhs_source, G_TYPE_OBJECT)

enum { SOURCE_PROP_0, SOURCE_PROP_ID, SOURCE_PROP_TITLE, SOURCE_PROP_PUBLISHER,
       SOURCE_PROP_URL, SOURCE_PROP_PUBLISHED, SOURCE_PROP_KIND, SOURCE_N_PROPS };
static GParamSpec *source_props[SOURCE_N_PROPS];

static void
nhs_source_finalize (GObject *object)
{
  NhsSource *self = NHS_SOURCE (object);

  g_free (self->id);
  g_free (self->title);
  g_free (self->publisher);
  g_free (self->url);
  g_clear_pointer (&self->published, g_date_time_unref);
  G_OBJECT_CLASS (nhs_source_parent_class)->finalize (object);
}

static void
nhs_source_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  NhsSource *self = NHS_SOURCE (object);

  switch (prop_id)
    {
    case SOURCE_PROP_ID: g_value_set_string (value, self->id); break;
    case SOURCE_PROP_TITLE: g_value_set_string (value, self->title); break;
    case SOURCE_PROP_PUBLISHER: g_value_set_string (value, self->publisher); break;
    case SOURCE_PROP_URL: g_value_set_string (value, self->url); break;
    case SOURCE_PROP_PUBLISHED: g_value_set_boxed (value, self->published); break;
    case SOURCE_PROP_KIND: g_value_set_enum (value, self->kind); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nhs_source_class_init (NhsSourceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = nhs_source_finalize;
  object_class->get_property = nhs_source_get_property;

  source_props[SOURCE_PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, RO_PARAM);
  source_props[SOURCE_PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, RO_PARAM);
  source_props[SOURCE_PROP_PUBLISHER] = g_param_spec_string ("publisher", NULL, NULL, NULL, RO_PARAM);
  source_props[SOURCE_PROP_URL] = g_param_spec_string ("url", NULL, NULL, NULL, RO_PARAM);
  source_props[SOURCE_PROP_PUBLISHED] = g_param_spec_boxed ("published", NULL, NULL, G_TYPE_DATE_TIME, RO_PARAM);
  source_props[SOURCE_PROP_KIND] = g_param_spec_enum ("kind", NULL, NULL, NHS_TYPE_SOURCE_KIND,
                                                      NHS_SOURCE_KIND_OTHER, RO_PARAM);
  g_object_class_install_properties (object_class, SOURCE_N_PROPS, source_props);
}

static void nhs_source_init (NhsSource *self) { self->kind = NHS_SOURCE_KIND_OTHER; }

const char *nhs_source_get_id (NhsSource *self) { g_return_val_if_fail (NHS_IS_SOURCE (self), NULL); return self->id; }
const char *nhs_source_get_title (NhsSource *self) { g_return_val_if_fail (NHS_IS_SOURCE (self), NULL); return self->title; }
const char *nhs_source_get_publisher (NhsSource *self) { g_return_val_if_fail (NHS_IS_SOURCE (self), NULL); return self->publisher; }
const char *nhs_source_get_url (NhsSource *self) { g_return_val_if_fail (NHS_IS_SOURCE (self), NULL); return self->url; }
GDateTime *nhs_source_get_published (NhsSource *self) { g_return_val_if_fail (NHS_IS_SOURCE (self), NULL); return self->published; }
NhsSourceKind nhs_source_get_kind (NhsSource *self) { g_return_val_if_fail (NHS_IS_SOURCE (self), 0); return self->kind; }

/* }}} */
/* NhsArticle {{{ */

G_DEFINE_FINAL_TYPE (NhsArticle, nhs_article, G_TYPE_OBJECT)

enum { ARTICLE_PROP_0, ARTICLE_PROP_ID, ARTICLE_PROP_TITLE, ARTICLE_PROP_PUBLISHER,
       ARTICLE_PROP_URL, ARTICLE_PROP_PUBLISHED, ARTICLE_PROP_DESCRIPTION,
       ARTICLE_PROP_BODY, ARTICLE_PROP_INDEX, ARTICLE_N_PROPS };
static GParamSpec *article_props[ARTICLE_N_PROPS];

static void
nhs_article_finalize (GObject *object)
{
  NhsArticle *self = NHS_ARTICLE (object);

  g_free (self->id);
  g_free (self->title);
  g_free (self->publisher);
  g_free (self->url);
  g_free (self->description);
  g_free (self->body);
  g_clear_pointer (&self->published, g_date_time_unref);
  G_OBJECT_CLASS (nhs_article_parent_class)->finalize (object);
}

static void
nhs_article_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  NhsArticle *self = NHS_ARTICLE (object);

  switch (prop_id)
    {
    case ARTICLE_PROP_ID: g_value_set_string (value, self->id); break;
    case ARTICLE_PROP_TITLE: g_value_set_string (value, self->title); break;
    case ARTICLE_PROP_PUBLISHER: g_value_set_string (value, self->publisher); break;
    case ARTICLE_PROP_URL: g_value_set_string (value, self->url); break;
    case ARTICLE_PROP_PUBLISHED: g_value_set_boxed (value, self->published); break;
    case ARTICLE_PROP_DESCRIPTION: g_value_set_string (value, self->description); break;
    case ARTICLE_PROP_BODY: g_value_set_string (value, self->body); break;
    case ARTICLE_PROP_INDEX: g_value_set_uint (value, self->index); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nhs_article_class_init (NhsArticleClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = nhs_article_finalize;
  object_class->get_property = nhs_article_get_property;

  article_props[ARTICLE_PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, RO_PARAM);
  article_props[ARTICLE_PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, RO_PARAM);
  article_props[ARTICLE_PROP_PUBLISHER] = g_param_spec_string ("publisher", NULL, NULL, NULL, RO_PARAM);
  article_props[ARTICLE_PROP_URL] = g_param_spec_string ("url", NULL, NULL, NULL, RO_PARAM);
  article_props[ARTICLE_PROP_PUBLISHED] = g_param_spec_boxed ("published", NULL, NULL, G_TYPE_DATE_TIME, RO_PARAM);
  article_props[ARTICLE_PROP_DESCRIPTION] = g_param_spec_string ("description", NULL, NULL, NULL, RO_PARAM);
  article_props[ARTICLE_PROP_BODY] = g_param_spec_string ("body", NULL, NULL, NULL, RO_PARAM);
  article_props[ARTICLE_PROP_INDEX] = g_param_spec_uint ("index", NULL, NULL, 0, G_MAXUINT, 0, RO_PARAM);
  g_object_class_install_properties (object_class, ARTICLE_N_PROPS, article_props);
}

static void nhs_article_init (NhsArticle *self) { }

const char *nhs_article_get_id (NhsArticle *self) { g_return_val_if_fail (NHS_IS_ARTICLE (self), NULL); return self->id; }
const char *nhs_article_get_title (NhsArticle *self) { g_return_val_if_fail (NHS_IS_ARTICLE (self), NULL); return self->title; }
const char *nhs_article_get_publisher (NhsArticle *self) { g_return_val_if_fail (NHS_IS_ARTICLE (self), NULL); return self->publisher; }
const char *nhs_article_get_url (NhsArticle *self) { g_return_val_if_fail (NHS_IS_ARTICLE (self), NULL); return self->url; }
GDateTime *nhs_article_get_published (NhsArticle *self) { g_return_val_if_fail (NHS_IS_ARTICLE (self), NULL); return self->published; }
const char *nhs_article_get_description (NhsArticle *self) { g_return_val_if_fail (NHS_IS_ARTICLE (self), NULL); return self->description; }
const char *nhs_article_get_body (NhsArticle *self) { g_return_val_if_fail (NHS_IS_ARTICLE (self), NULL); return self->body; }
guint nhs_article_get_index (NhsArticle *self) { g_return_val_if_fail (NHS_IS_ARTICLE (self), 0); return self->index; }

/* }}} */
/* NhsEvidence {{{ */

G_DEFINE_FINAL_TYPE (NhsEvidence, nhs_evidence, G_TYPE_OBJECT)

enum { EVIDENCE_PROP_0, EVIDENCE_PROP_ARTICLE, EVIDENCE_PROP_SOURCE, EVIDENCE_PROP_QUOTE,
       EVIDENCE_PROP_NOTE, EVIDENCE_PROP_QUOTE_START, EVIDENCE_PROP_QUOTE_END, EVIDENCE_N_PROPS };
static GParamSpec *evidence_props[EVIDENCE_N_PROPS];

static void
nhs_evidence_finalize (GObject *object)
{
  NhsEvidence *self = NHS_EVIDENCE (object);

  g_clear_object (&self->article);
  g_clear_object (&self->source);
  g_clear_pointer (&self->quote, g_ref_string_release);
  g_clear_pointer (&self->note, g_ref_string_release);
  G_OBJECT_CLASS (nhs_evidence_parent_class)->finalize (object);
}

static void
nhs_evidence_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  NhsEvidence *self = NHS_EVIDENCE (object);

  switch (prop_id)
    {
    case EVIDENCE_PROP_ARTICLE: g_value_set_object (value, self->article); break;
    case EVIDENCE_PROP_SOURCE: g_value_set_object (value, self->source); break;
    case EVIDENCE_PROP_QUOTE: g_value_set_string (value, self->quote); break;
    case EVIDENCE_PROP_NOTE: g_value_set_string (value, self->note); break;
    case EVIDENCE_PROP_QUOTE_START: g_value_set_int (value, self->quote_start); break;
    case EVIDENCE_PROP_QUOTE_END: g_value_set_int (value, self->quote_end); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nhs_evidence_class_init (NhsEvidenceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = nhs_evidence_finalize;
  object_class->get_property = nhs_evidence_get_property;

  evidence_props[EVIDENCE_PROP_ARTICLE] = g_param_spec_object ("article", NULL, NULL, NHS_TYPE_ARTICLE, RO_PARAM);
  evidence_props[EVIDENCE_PROP_SOURCE] = g_param_spec_object ("source", NULL, NULL, NHS_TYPE_SOURCE, RO_PARAM);
  evidence_props[EVIDENCE_PROP_QUOTE] = g_param_spec_string ("quote", NULL, NULL, NULL, RO_PARAM);
  evidence_props[EVIDENCE_PROP_NOTE] = g_param_spec_string ("note", NULL, NULL, NULL, RO_PARAM);
  evidence_props[EVIDENCE_PROP_QUOTE_START] = g_param_spec_int ("quote-start", NULL, NULL, -1, G_MAXINT, -1, RO_PARAM);
  evidence_props[EVIDENCE_PROP_QUOTE_END] = g_param_spec_int ("quote-end", NULL, NULL, -1, G_MAXINT, -1, RO_PARAM);
  g_object_class_install_properties (object_class, EVIDENCE_N_PROPS, evidence_props);
}

static void
nhs_evidence_init (NhsEvidence *self)
{
  self->quote_start = -1;
  self->quote_end = -1;
}

NhsArticle *nhs_evidence_get_article (NhsEvidence *self) { g_return_val_if_fail (NHS_IS_EVIDENCE (self), NULL); return self->article; }
NhsSource *nhs_evidence_get_source (NhsEvidence *self) { g_return_val_if_fail (NHS_IS_EVIDENCE (self), NULL); return self->source; }
const char *nhs_evidence_get_quote (NhsEvidence *self) { g_return_val_if_fail (NHS_IS_EVIDENCE (self), NULL); return self->quote; }
const char *nhs_evidence_get_note (NhsEvidence *self) { g_return_val_if_fail (NHS_IS_EVIDENCE (self), NULL); return self->note; }
int nhs_evidence_get_quote_start (NhsEvidence *self) { g_return_val_if_fail (NHS_IS_EVIDENCE (self), -1); return self->quote_start; }
int nhs_evidence_get_quote_end (NhsEvidence *self) { g_return_val_if_fail (NHS_IS_EVIDENCE (self), -1); return self->quote_end; }
GObject *nhs_evidence_get_owner (NhsEvidence *self) { g_return_val_if_fail (NHS_IS_EVIDENCE (self), NULL); return self->owner; }

const char *
nhs_evidence_get_publisher (NhsEvidence *self)
{
  g_return_val_if_fail (NHS_IS_EVIDENCE (self), NULL);
  if (self->article != NULL)
    return nhs_article_get_publisher (self->article);
  return self->source != NULL ? nhs_source_get_publisher (self->source) : NULL;
}

/* }}} */
/* NhsEvent {{{ */

G_DEFINE_FINAL_TYPE (NhsEvent, nhs_event, G_TYPE_OBJECT)

enum { EVENT_PROP_0, EVENT_PROP_ID, EVENT_PROP_KIND, EVENT_PROP_STATUS, EVENT_PROP_TITLE,
       EVENT_PROP_SUMMARY, EVENT_PROP_OUTCOME, EVENT_PROP_GROUPS_LABEL, EVENT_PROP_START,
       EVENT_PROP_END, EVENT_PROP_START_IS_DATE, EVENT_PROP_END_IS_DATE,
       EVENT_PROP_STRIKE_DAYS, EVENT_PROP_TAGS, EVENT_PROP_N_EVIDENCE, EVENT_PROP_INDEX,
       EVENT_N_PROPS };
static GParamSpec *event_props[EVENT_N_PROPS];

static void
nhs_event_finalize (GObject *object)
{
  NhsEvent *self = NHS_EVENT (object);

  g_free (self->id);
  g_free (self->search_text);
  g_clear_pointer (&self->tags, _nhs_strv_unref);
  g_clear_pointer (&self->groups, g_ptr_array_unref);
  g_clear_pointer (&self->evidence, g_ptr_array_unref);
  g_clear_pointer (&self->start, g_date_time_unref);
  g_clear_pointer (&self->end, g_date_time_unref);
  G_OBJECT_CLASS (nhs_event_parent_class)->finalize (object);
}

static void
nhs_event_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  NhsEvent *self = NHS_EVENT (object);

  switch (prop_id)
    {
    case EVENT_PROP_ID: g_value_set_string (value, self->id); break;
    case EVENT_PROP_KIND: g_value_set_enum (value, self->kind); break;
    case EVENT_PROP_STATUS: g_value_set_enum (value, self->status); break;
    case EVENT_PROP_TITLE: g_value_set_string (value, self->title); break;
    case EVENT_PROP_SUMMARY: g_value_set_string (value, self->summary); break;
    case EVENT_PROP_OUTCOME: g_value_set_string (value, self->outcome); break;
    case EVENT_PROP_GROUPS_LABEL: g_value_take_string (value, nhs_event_dup_groups_label (self)); break;
    case EVENT_PROP_START: g_value_set_boxed (value, self->start); break;
    case EVENT_PROP_END: g_value_set_boxed (value, self->end); break;
    case EVENT_PROP_START_IS_DATE: g_value_set_boolean (value, self->start_is_date); break;
    case EVENT_PROP_END_IS_DATE: g_value_set_boolean (value, self->end_is_date); break;
    case EVENT_PROP_STRIKE_DAYS: g_value_set_uint (value, self->strike_days); break;
    case EVENT_PROP_TAGS: g_value_set_boxed (value, self->tags); break;
    case EVENT_PROP_N_EVIDENCE: g_value_set_uint (value, self->evidence ? self->evidence->len : 0); break;
    case EVENT_PROP_INDEX: g_value_set_uint (value, self->index); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nhs_event_class_init (NhsEventClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = nhs_event_finalize;
  object_class->get_property = nhs_event_get_property;

  event_props[EVENT_PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, RO_PARAM);
  event_props[EVENT_PROP_KIND] = g_param_spec_enum ("kind", NULL, NULL, NHS_TYPE_EVENT_KIND,
                                                    NHS_EVENT_KIND_OTHER, RO_PARAM);
  event_props[EVENT_PROP_STATUS] = g_param_spec_enum ("status", NULL, NULL, NHS_TYPE_EVENT_STATUS,
                                                      NHS_EVENT_STATUS_HAPPENED, RO_PARAM);
  event_props[EVENT_PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, RO_PARAM);
  event_props[EVENT_PROP_SUMMARY] = g_param_spec_string ("summary", NULL, NULL, NULL, RO_PARAM);
  event_props[EVENT_PROP_OUTCOME] = g_param_spec_string ("outcome", NULL, NULL, NULL, RO_PARAM);
  event_props[EVENT_PROP_GROUPS_LABEL] = g_param_spec_string ("groups-label", NULL, NULL, NULL, RO_PARAM);
  event_props[EVENT_PROP_START] = g_param_spec_boxed ("start", NULL, NULL, G_TYPE_DATE_TIME, RO_PARAM);
  event_props[EVENT_PROP_END] = g_param_spec_boxed ("end", NULL, NULL, G_TYPE_DATE_TIME, RO_PARAM);
  event_props[EVENT_PROP_START_IS_DATE] = g_param_spec_boolean ("start-is-date", NULL, NULL, FALSE, RO_PARAM);
  event_props[EVENT_PROP_END_IS_DATE] = g_param_spec_boolean ("end-is-date", NULL, NULL, FALSE, RO_PARAM);
  event_props[EVENT_PROP_STRIKE_DAYS] = g_param_spec_uint ("strike-days", NULL, NULL, 0, G_MAXUINT, 0, RO_PARAM);
  event_props[EVENT_PROP_TAGS] = g_param_spec_boxed ("tags", NULL, NULL, G_TYPE_STRV, RO_PARAM);
  event_props[EVENT_PROP_N_EVIDENCE] = g_param_spec_uint ("n-evidence", NULL, NULL, 0, G_MAXUINT, 0, RO_PARAM);
  event_props[EVENT_PROP_INDEX] = g_param_spec_uint ("index", NULL, NULL, 0, G_MAXUINT, 0, RO_PARAM);
  g_object_class_install_properties (object_class, EVENT_N_PROPS, event_props);
}

static void nhs_event_init (NhsEvent *self) { }

const char *nhs_event_get_id (NhsEvent *self) { g_return_val_if_fail (NHS_IS_EVENT (self), NULL); return self->id; }
NhsEventKind nhs_event_get_kind (NhsEvent *self) { g_return_val_if_fail (NHS_IS_EVENT (self), 0); return self->kind; }
NhsEventStatus nhs_event_get_status (NhsEvent *self) { g_return_val_if_fail (NHS_IS_EVENT (self), 0); return self->status; }
const char *nhs_event_get_title (NhsEvent *self) { g_return_val_if_fail (NHS_IS_EVENT (self), NULL); return self->title; }
const char *nhs_event_get_summary (NhsEvent *self) { g_return_val_if_fail (NHS_IS_EVENT (self), NULL); return self->summary; }
const char *nhs_event_get_outcome (NhsEvent *self) { g_return_val_if_fail (NHS_IS_EVENT (self), NULL); return self->outcome; }
GPtrArray *nhs_event_get_groups (NhsEvent *self) { g_return_val_if_fail (NHS_IS_EVENT (self), NULL); return self->groups; }
GDateTime *nhs_event_get_start (NhsEvent *self) { g_return_val_if_fail (NHS_IS_EVENT (self), NULL); return self->start; }
GDateTime *nhs_event_get_end (NhsEvent *self) { g_return_val_if_fail (NHS_IS_EVENT (self), NULL); return self->end; }
gboolean nhs_event_get_start_is_date (NhsEvent *self) { g_return_val_if_fail (NHS_IS_EVENT (self), FALSE); return self->start_is_date; }
gboolean nhs_event_get_end_is_date (NhsEvent *self) { g_return_val_if_fail (NHS_IS_EVENT (self), FALSE); return self->end_is_date; }
gint64 nhs_event_get_start_us (NhsEvent *self) { g_return_val_if_fail (NHS_IS_EVENT (self), 0); return self->start_us; }
gint64 nhs_event_get_end_us (NhsEvent *self) { g_return_val_if_fail (NHS_IS_EVENT (self), 0); return self->end_us; }
gint64 nhs_event_get_start_wall (NhsEvent *self) { g_return_val_if_fail (NHS_IS_EVENT (self), 0); return self->start_wall; }
gint64 nhs_event_get_end_wall (NhsEvent *self) { g_return_val_if_fail (NHS_IS_EVENT (self), 0); return self->end_wall; }
guint nhs_event_get_strike_days (NhsEvent *self) { g_return_val_if_fail (NHS_IS_EVENT (self), 0); return self->strike_days; }
GPtrArray *nhs_event_get_evidence (NhsEvent *self) { g_return_val_if_fail (NHS_IS_EVENT (self), NULL); return self->evidence; }
guint nhs_event_get_index (NhsEvent *self) { g_return_val_if_fail (NHS_IS_EVENT (self), 0); return self->index; }

const char * const *
nhs_event_get_tags (NhsEvent *self)
{
  static const char * const empty[] = { NULL };

  g_return_val_if_fail (NHS_IS_EVENT (self), empty);
  return self->tags ? (const char * const *) self->tags : empty;
}

gboolean
nhs_event_has_tag (NhsEvent   *self,
                   const char *tag)
{
  g_return_val_if_fail (NHS_IS_EVENT (self), FALSE);
  return self->tags != NULL && g_strv_contains ((const char * const *) self->tags, tag);
}

gboolean
nhs_event_has_group (NhsEvent *self,
                     NhsGroup *group)
{
  g_return_val_if_fail (NHS_IS_EVENT (self), FALSE);

  for (guint i = 0; i < self->groups->len; i++)
    if (g_ptr_array_index (self->groups, i) == (gpointer) group)
      return TRUE;
  return FALSE;
}

char *
nhs_event_dup_groups_label (NhsEvent *self)
{
  GString *s;

  g_return_val_if_fail (NHS_IS_EVENT (self), NULL);

  s = g_string_new (NULL);
  for (guint i = 0; i < self->groups->len; i++)
    {
      if (i > 0)
        g_string_append (s, ", ");
      g_string_append (s, nhs_group_get_short_name (g_ptr_array_index (self->groups, i)));
    }
  return g_string_free (s, FALSE);
}

void
_nhs_event_set_text (NhsEvent   *self,
                     const char *id,
                     const char *title,
                     const char *summary,
                     const char *outcome)
{
  const char *texts[] = { id, title, summary, outcome };
  char **fields[] = { &self->id, &self->title, &self->summary, &self->outcome };
  gsize lens[G_N_ELEMENTS (texts)];
  gsize total = 0;
  char *block, *at;

  g_return_if_fail (self->id == NULL && id != NULL);
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      lens[i] = texts[i] ? strlen (texts[i]) + 1 : 0;
      total += lens[i];
    }
  at = block = g_malloc (MAX (total, 1));
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      *fields[i] = texts[i] ? memcpy (at, texts[i], lens[i]) : NULL;
      at += lens[i];
    }
  g_assert (self->id == block);
}

char **
_nhs_strv_new (const char * const *strv,
               gsize               n)
{
  gsize size = (n + 1) * sizeof (char *);
  char **copy;
  char *at;

  for (gsize i = 0; i < n; i++)
    size += strlen (strv[i]) + 1;
  copy = g_atomic_rc_box_alloc (size);
  at = (char *) (copy + n + 1);
  for (gsize i = 0; i < n; i++)
    {
      gsize len = strlen (strv[i]) + 1;
      copy[i] = memcpy (at, strv[i], len);
      at += len;
    }
  copy[n] = NULL;
  return copy;
}

char **
_nhs_strv_ref (char **strv)
{
  return g_atomic_rc_box_acquire (strv);
}

void
_nhs_strv_unref (char **strv)
{
  g_atomic_rc_box_release (strv);
}

/* Appends the text case-folded exactly as g_utf8_casefold folds it (folding
 * goes character by character, so pieces may be folded apart): runs of
 * ASCII, most of any text, are lowered here; only the rest goes to
 * g_utf8_casefold. */
void
_nhs_append_folded (GString    *out,
                    const char *text)
{
  const guchar *p = (const guchar *) text;
  gsize len = strlen (text);

  while (*p)
    {
      gsize at = out->len;
      char *w;

      /* lower ASCII straight into the string, up to the end or the next
       * non-ASCII byte (an ASCII text is never longer folded) */
      g_string_set_size (out, at + len);
      w = out->str + at;
      while (*p && *p < 0x80)
        {
          *w++ = (char) (*p >= 'A' && *p <= 'Z' ? *p + ('a' - 'A') : *p);
          p++;
        }
      g_string_truncate (out, w - out->str);
      if (*p)
        {
          const guchar *run = p;
          g_autofree char *folded = NULL;

          while (*p >= 0x80)
            p++;
          folded = g_utf8_casefold ((const char *) run, p - run);
          g_string_append (out, folded);
        }
      len = strlen ((const char *) p);
    }
}

/* Pairs of bytes only: a word of one byte is not ruled out by signature
 * (nearly every text holds any one letter), and a longer word's pairs say
 * all its bytes say */
void
_nhs_search_signature_init (NhsSearchSignature *sig,
                            const char         *text,
                            gsize               len)
{
  const guchar *p = (const guchar *) text;
  guint64 bits[4] = { 0, 0, 0, 0 };

  for (gsize i = 0; i + 1 < len; i++)
    {
      /* Fibonacci hashing of the pair to 0..255 */
      guint bit = ((((guint32) p[i] << 8) | p[i + 1]) * 2654435761u) >> 24;

      bits[bit >> 6] |= G_GUINT64_CONSTANT (1) << (bit & 63);
    }
  memcpy (sig->bits, bits, sizeof bits);
}

static void
append_field (GString    *out,
              const char *text)
{
  _nhs_append_folded (out, text);
  g_string_append_c (out, '\n');
}

void
_nhs_event_kind_search_text (NhsEventKind  kind,
                             GString      *out)
{
  append_field (out, nhs_enum_to_nick (NHS_TYPE_EVENT_KIND, kind));
  _nhs_append_folded (out, nhs_event_kind_to_label (kind));
}

void
_nhs_event_build_search_text (NhsEvent   *self,
                              GString    *scratch,
                              const char *kind_text)
{
  /* One folded string with a separator no search word can contain, so a
   * word never matches across two fields. */
  g_string_truncate (scratch, 0);
  append_field (scratch, self->title);
  if (self->summary)
    append_field (scratch, self->summary);
  if (self->outcome)
    append_field (scratch, self->outcome);
  for (guint i = 0; i < self->evidence->len; i++)
    {
      NhsEvidence *ev = g_ptr_array_index (self->evidence, i);
      if (ev->quote)
        append_field (scratch, ev->quote);
    }
  for (guint i = 0; i < self->groups->len; i++)
    {
      NhsGroup *group = g_ptr_array_index (self->groups, i);
      append_field (scratch, group->name);
      if (group->short_name)
        append_field (scratch, group->short_name);
    }
  if (kind_text != NULL)
    g_string_append (scratch, kind_text);
  else
    _nhs_event_kind_search_text (self->kind, scratch);

  g_free (self->search_text);
  self->search_text = g_strndup (scratch->str, scratch->len);
  _nhs_search_signature_init (&self->signature, scratch->str, scratch->len);
}

const char *
nhs_event_get_search_text (NhsEvent *self)
{
  g_return_val_if_fail (NHS_IS_EVENT (self), "");

  /* the loader builds it; this is for an event it did not make */
  if (self->search_text == NULL)
    {
      g_autoptr(GString) scratch = g_string_new (NULL);
      _nhs_event_build_search_text (self, scratch, NULL);
    }
  return self->search_text;
}

/* }}} */
/* NhsFigure {{{ */

G_DEFINE_FINAL_TYPE (NhsFigure, nhs_figure, G_TYPE_OBJECT)

enum { FIGURE_PROP_0, FIGURE_PROP_ID, FIGURE_PROP_METRIC, FIGURE_PROP_GROUP,
       FIGURE_PROP_DATE, FIGURE_PROP_PERIOD, FIGURE_PROP_VALUE, FIGURE_PROP_UNIT,
       FIGURE_PROP_BASIS, FIGURE_PROP_CLAIMANT, FIGURE_PROP_LABEL, FIGURE_PROP_EVENT,
       FIGURE_N_PROPS };
static GParamSpec *figure_props[FIGURE_N_PROPS];

static void
nhs_figure_finalize (GObject *object)
{
  NhsFigure *self = NHS_FIGURE (object);

  g_free (self->id);
  g_clear_pointer (&self->period, g_ref_string_release);
  g_clear_pointer (&self->basis, g_ref_string_release);
  g_clear_pointer (&self->claimant, g_ref_string_release);
  g_clear_pointer (&self->label, g_ref_string_release);
  g_clear_pointer (&self->confidence, g_ref_string_release);
  g_clear_pointer (&self->headline, g_ref_string_release);
  g_clear_pointer (&self->nature, g_ref_string_release);
  g_clear_pointer (&self->adds_to, g_ref_string_release);
  g_clear_object (&self->group);
  g_clear_object (&self->event);
  g_clear_pointer (&self->date, g_date_time_unref);
  g_clear_pointer (&self->evidence, g_ptr_array_unref);
  G_OBJECT_CLASS (nhs_figure_parent_class)->finalize (object);
}

static void
nhs_figure_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  NhsFigure *self = NHS_FIGURE (object);

  switch (prop_id)
    {
    case FIGURE_PROP_ID: g_value_set_string (value, self->id); break;
    case FIGURE_PROP_METRIC: g_value_set_enum (value, self->metric); break;
    case FIGURE_PROP_GROUP: g_value_set_object (value, self->group); break;
    case FIGURE_PROP_DATE: g_value_set_boxed (value, self->date); break;
    case FIGURE_PROP_PERIOD: g_value_set_string (value, self->period); break;
    case FIGURE_PROP_VALUE: g_value_set_double (value, self->value); break;
    case FIGURE_PROP_UNIT: g_value_set_enum (value, self->unit); break;
    case FIGURE_PROP_BASIS: g_value_set_string (value, self->basis); break;
    case FIGURE_PROP_CLAIMANT: g_value_set_string (value, self->claimant); break;
    case FIGURE_PROP_LABEL: g_value_set_string (value, self->label); break;
    case FIGURE_PROP_EVENT: g_value_set_object (value, self->event); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nhs_figure_class_init (NhsFigureClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = nhs_figure_finalize;
  object_class->get_property = nhs_figure_get_property;

  figure_props[FIGURE_PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, RO_PARAM);
  figure_props[FIGURE_PROP_METRIC] = g_param_spec_enum ("metric", NULL, NULL, NHS_TYPE_FIGURE_METRIC,
                                                        NHS_FIGURE_METRIC_OTHER, RO_PARAM);
  figure_props[FIGURE_PROP_GROUP] = g_param_spec_object ("group", NULL, NULL, NHS_TYPE_GROUP, RO_PARAM);
  figure_props[FIGURE_PROP_DATE] = g_param_spec_boxed ("date", NULL, NULL, G_TYPE_DATE_TIME, RO_PARAM);
  figure_props[FIGURE_PROP_PERIOD] = g_param_spec_string ("period", NULL, NULL, NULL, RO_PARAM);
  figure_props[FIGURE_PROP_VALUE] = g_param_spec_double ("value", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0, RO_PARAM);
  figure_props[FIGURE_PROP_UNIT] = g_param_spec_enum ("unit", NULL, NULL, NHS_TYPE_FIGURE_UNIT,
                                                      NHS_FIGURE_UNIT_PERCENT, RO_PARAM);
  figure_props[FIGURE_PROP_BASIS] = g_param_spec_string ("basis", NULL, NULL, NULL, RO_PARAM);
  figure_props[FIGURE_PROP_CLAIMANT] = g_param_spec_string ("claimant", NULL, NULL, NULL, RO_PARAM);
  figure_props[FIGURE_PROP_LABEL] = g_param_spec_string ("label", NULL, NULL, NULL, RO_PARAM);
  figure_props[FIGURE_PROP_EVENT] = g_param_spec_object ("event", NULL, NULL, NHS_TYPE_EVENT, RO_PARAM);
  g_object_class_install_properties (object_class, FIGURE_N_PROPS, figure_props);
}

static void nhs_figure_init (NhsFigure *self) { }

const char *nhs_figure_get_id (NhsFigure *self) { g_return_val_if_fail (NHS_IS_FIGURE (self), NULL); return self->id; }
NhsFigureMetric nhs_figure_get_metric (NhsFigure *self) { g_return_val_if_fail (NHS_IS_FIGURE (self), 0); return self->metric; }
NhsGroup *nhs_figure_get_group (NhsFigure *self) { g_return_val_if_fail (NHS_IS_FIGURE (self), NULL); return self->group; }
GDateTime *nhs_figure_get_date (NhsFigure *self) { g_return_val_if_fail (NHS_IS_FIGURE (self), NULL); return self->date; }
const char *nhs_figure_get_period (NhsFigure *self) { g_return_val_if_fail (NHS_IS_FIGURE (self), NULL); return self->period; }
double nhs_figure_get_value (NhsFigure *self) { g_return_val_if_fail (NHS_IS_FIGURE (self), 0); return self->value; }
NhsFigureUnit nhs_figure_get_unit (NhsFigure *self) { g_return_val_if_fail (NHS_IS_FIGURE (self), 0); return self->unit; }
const char *nhs_figure_get_basis (NhsFigure *self) { g_return_val_if_fail (NHS_IS_FIGURE (self), NULL); return self->basis; }
const char *nhs_figure_get_claimant (NhsFigure *self) { g_return_val_if_fail (NHS_IS_FIGURE (self), NULL); return self->claimant; }
const char *nhs_figure_get_label (NhsFigure *self) { g_return_val_if_fail (NHS_IS_FIGURE (self), NULL); return self->label; }
NhsEvent *nhs_figure_get_event (NhsFigure *self) { g_return_val_if_fail (NHS_IS_FIGURE (self), NULL); return self->event; }
GPtrArray *nhs_figure_get_evidence (NhsFigure *self) { g_return_val_if_fail (NHS_IS_FIGURE (self), NULL); return self->evidence; }
const char *nhs_figure_get_confidence (NhsFigure *self) { g_return_val_if_fail (NHS_IS_FIGURE (self), NULL); return self->confidence; }
const char *nhs_figure_get_headline (NhsFigure *self) { g_return_val_if_fail (NHS_IS_FIGURE (self), NULL); return self->headline; }
const char *nhs_figure_get_nature (NhsFigure *self) { g_return_val_if_fail (NHS_IS_FIGURE (self), NULL); return self->nature; }
const char *nhs_figure_get_adds_to (NhsFigure *self) { g_return_val_if_fail (NHS_IS_FIGURE (self), NULL); return self->adds_to; }

gboolean
nhs_figure_is_inferred (NhsFigure *self)
{
  g_return_val_if_fail (NHS_IS_FIGURE (self), FALSE);
  return self->confidence != NULL && g_str_has_prefix (self->confidence, "inferred");
}

/* Digits grouped in threes, with the locale's decimal point and thousands
 * separator ("1,234.5" in English, "1 234,5" in French); where the locale
 * has no separator (the C locale), "," or, beside a decimal comma, a narrow
 * no-break space */
static char *
format_grouped (double value, int decimals)
{
  const struct lconv *conv = localeconv ();
  const char *point = conv->decimal_point && *conv->decimal_point ? conv->decimal_point : ".";
  const char *separator = conv->thousands_sep && *conv->thousands_sep ? conv->thousands_sep
                          : g_str_equal (point, ",") ? "\u202f" : ",";
  char format[16];
  char plain[G_ASCII_DTOSTR_BUF_SIZE];
  const char *dot;
  gsize int_len;
  GString *s = g_string_new (value < 0 ? "−" : "");

  /* the digits in the C locale's form, so the point is always '.' */
  g_snprintf (format, sizeof format, "%%.%df", decimals);
  g_ascii_formatd (plain, sizeof plain, format, fabs (value));
  dot = strchr (plain, '.');
  int_len = dot ? (gsize) (dot - plain) : strlen (plain);
  for (gsize i = 0; i < int_len; i++)
    {
      if (i > 0 && (int_len - i) % 3 == 0)
        g_string_append (s, separator);
      g_string_append_c (s, plain[i]);
    }
  if (dot)
    {
      g_string_append (s, point);
      g_string_append (s, dot + 1);
    }
  return g_string_free (s, FALSE);
}

char *
nhs_figure_format_value (NhsFigure *self)
{
  double v;
  int decimals;
  g_autofree char *num = NULL;

  g_return_val_if_fail (NHS_IS_FIGURE (self), NULL);

  v = self->value;
  decimals = (v == floor (v)) ? 0 : (fabs (v * 10 - floor (v * 10 + 0.5)) < 1e-9 ? 1 : 2);

  switch (self->unit)
    {
    case NHS_FIGURE_UNIT_PERCENT:
      num = format_grouped (v, decimals);
      /* TRANSLATORS: a percentage, "8.8%"; French writes "8,8 %" with a no-break space */
      return g_strdup_printf (_("%s%%"), num);
    case NHS_FIGURE_UNIT_GBP:
      if (fabs (v) >= 1e9)
        {
          num = format_grouped (v / 1e9, fabs (v / 1e8 - floor (v / 1e8)) < 1e-9 ? 1 : 2);
          /* TRANSLATORS: a sum of money in billions of pounds, e.g. "£1.7 billion" */
          return g_strdup_printf (_("£%s billion"), num);
        }
      if (fabs (v) >= 1e6)
        {
          num = format_grouped (v / 1e6, 1);
          /* TRANSLATORS: a sum of money in millions of pounds, e.g. "£300.0 million" */
          return g_strdup_printf (_("£%s million"), num);
        }
      num = format_grouped (v, decimals);
      /* TRANSLATORS: a sum of money in pounds, e.g. "£1,500" */
      return g_strdup_printf (_("£%s"), num);
    case NHS_FIGURE_UNIT_DAYS:
      num = format_grouped (v, decimals);
      /* TRANSLATORS: a number of days */
      return g_strdup_printf (_("%s days"), num);
    case NHS_FIGURE_UNIT_COUNT:
    default:
      return format_grouped (v, decimals);
    }
}

/* }}} */
