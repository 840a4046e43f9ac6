/* nhs-model-private.h: the object structs, for the loader alone
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "nhs-model.h"

G_BEGIN_DECLS

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

struct _NhsEvidence
{
  GObject parent_instance;
  NhsArticle *article;
  NhsSource *source;
  char *quote;
  char *note;
  int quote_start;
  int quote_end;
  GObject *owner;             /* not a reference: the owner holds us */
};

struct _NhsEvent
{
  GObject parent_instance;
  char *id;
  char *title;
  char *summary;
  char *outcome;
  char *search_text;
  char **tags;
  GPtrArray *groups;          /* NhsGroup */
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
  char *period;
  char *basis;
  char *claimant;
  char *label;
  NhsGroup *group;
  NhsEvent *event;
  GDateTime *date;
  GPtrArray *evidence;
  double value;
  NhsFigureMetric metric;
  NhsFigureUnit unit;
};

G_END_DECLS
