/* nhs-inspector.c: the fields of the selected event, for editing
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A field is put into the document when it is done with: Enter, or the
 * focus leaving it; a choice (kind, status, a group) at once. The document
 * checks it by the loader's rules, and what they refuse is said beside the
 * field while the field keeps what was typed. Dates are read as people
 * type them, and the strike days the event would count are shown as they
 * are typed.
 */
#define G_LOG_DOMAIN "nhs-inspector"

#include "config.h"

#include <glib/gi18n.h>

#include "nhs-catalog-inspector.h"
#include "nhs-date-input.h"
#include "nhs-enums.h"
#include "nhs-figure-inspector.h"
#include "nhs-evidence-editor.h"
#include "nhs-inspector.h"
#include "nhs-focus.h"
#include "nhs-item-fields.h"

struct _NhsInspector
{
  GtkWidget parent_instance;

  NhsDocument *document;
  GSignalGroup *document_signals;
  NhsEvent *event;
  NhsDataset *groups_of;        /* the dataset the group buttons are for */
  GPtrArray *group_buttons;     /* GtkCheckButton, data "group-id" */
  gboolean filling;

  GtkLabel *heading_label;
  GtkLabel *id_label;
  GtkLabel *notice_label;
  GtkWidget *fields;
  GtkDropDown *kind_dropdown;
  GtkDropDown *status_dropdown;
  GtkFlowBox *groups_box;
  GtkLabel *groups_message;
  GtkEntry *start_entry;
  GtkLabel *start_message;
  GtkEntry *end_entry;
  GtkLabel *end_message;
  GtkLabel *days_label;
  GtkEntry *title_entry;
  GtkLabel *title_message;
  GtkTextView *summary_view;
  GtkEntry *outcome_entry;
  GtkEntry *tags_entry;
  GtkLabel *other_message;
  GtkLabel *evidence_label;

  /* pages for what is not an event (nhs-figure-inspector.c,
   * nhs-catalog-inspector.c) */
  GtkStack *pages;
  NhsFigureInspector *figure_page;
  NhsCatalogInspector *catalog_page;
  NhsEvidenceEditor *evidence_editor;
};

G_DEFINE_FINAL_TYPE (NhsInspector, nhs_inspector, GTK_TYPE_WIDGET)

static const NhsEventStatus statuses[] = {
  NHS_EVENT_STATUS_HAPPENED, NHS_EVENT_STATUS_ANNOUNCED, NHS_EVENT_STATUS_CALLED_OFF,
};

/* Messages {{{ */

static GtkLabel *
message_label (NhsInspector *self,
               NhsEventField field)
{
  switch (field)
    {
    case NHS_EVENT_FIELD_GROUPS: return self->groups_message;
    case NHS_EVENT_FIELD_START: return self->start_message;
    case NHS_EVENT_FIELD_END: return self->end_message;
    case NHS_EVENT_FIELD_TITLE: return self->title_message;
    default: return self->other_message;
    }
}

static void
set_message (NhsInspector *self,
             NhsEventField field,
             const char   *message)
{
  GtkLabel *label = message_label (self, field);

  gtk_label_set_label (label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (label), message != NULL);
}

static void
clear_messages (NhsInspector *self)
{
  set_message (self, NHS_EVENT_FIELD_GROUPS, NULL);
  set_message (self, NHS_EVENT_FIELD_START, NULL);
  set_message (self, NHS_EVENT_FIELD_END, NULL);
  set_message (self, NHS_EVENT_FIELD_TITLE, NULL);
  set_message (self, NHS_EVENT_FIELD_KIND, NULL);
}

static void
show_days (NhsInspector *self,
           NhsEvent     *event)
{
  g_autofree char *text = NULL;

  if (event == NULL)
    text = g_strdup ("");
  else if (nhs_event_get_kind (event) != NHS_EVENT_KIND_STRIKE)
    text = g_strdup (_("Not a strike: counts no strike days"));
  else
    {
      guint days = nhs_event_get_strike_days (event);
      /* Translators: what an event being edited counts, "Counts 5 strike days" */
      text = g_strdup_printf (ngettext ("Counts %u strike day", "Counts %u strike days", days), days);
    }
  gtk_label_set_label (self->days_label, text);
}

/* }}} */
/* Filling the fields {{{ */

static void
set_entry (GtkEntry   *entry,
           const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), text ? text : "");
}

/* A text view laid out again only when its text changed: the inspector is
 * filled again at every edit of its event */
static void
set_text_view (GtkTextView *view,
               const char  *text)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;
  g_autofree char *shown = NULL;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  shown = gtk_text_buffer_get_text (buffer, &start, &end, TRUE);
  if (g_strcmp0 (shown, text ? text : "") != 0)
    gtk_text_buffer_set_text (buffer, text ? text : "", -1);
}

static char *
when_text (NhsInspector *self,
           const char   *key,
           GDateTime    *dt,
           gboolean      is_date)
{
  const NhsJsonItem *item = self->document
                            ? nhs_document_get_event_member (self->document, self->event, key) : NULL;

  if (nhs_json_item_get_string (item))
    return g_strdup (nhs_json_item_get_string (item));
  if (dt == NULL)
    return NULL;
  return g_date_time_format (dt, is_date ? "%Y-%m-%d" : "%Y-%m-%dT%H:%M");
}

static void group_toggled_cb (GtkCheckButton *button, NhsInspector *self);

static void
rebuild_groups (NhsInspector *self,
                NhsDataset   *dataset)
{
  GtkWidget *child;
  GListModel *groups;

  if (self->groups_of == dataset)
    return;
  self->groups_of = dataset;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->groups_box))) != NULL)
    gtk_flow_box_remove (self->groups_box, child);
  g_ptr_array_set_size (self->group_buttons, 0);
  if (dataset == NULL)
    return;

  groups = nhs_dataset_get_groups (dataset);
  for (guint i = 0; i < g_list_model_get_n_items (groups); i++)
    {
      g_autoptr(NhsGroup) group = g_list_model_get_item (groups, i);
      GtkWidget *button = gtk_check_button_new_with_label (nhs_group_get_short_name (group));

      gtk_widget_set_tooltip_text (button, nhs_group_get_name (group));
      g_object_set_data_full (G_OBJECT (button), "group-id", g_strdup (nhs_group_get_id (group)), g_free);
      g_signal_connect_object (button, "toggled", G_CALLBACK (group_toggled_cb), self, 0);
      gtk_flow_box_append (self->groups_box, button);
      g_ptr_array_add (self->group_buttons, button);
    }
}

static void
refill (NhsInspector *self)
{
  NhsEvent *event = self->event;
  g_autofree char *start = NULL, *end = NULL, *tags = NULL;
  const char * const *tag_list;
  GPtrArray *evidence;

  self->filling = TRUE;
  clear_messages (self);
  nhs_evidence_editor_set_item (self->evidence_editor, G_OBJECT (event));
  gtk_widget_set_sensitive (self->fields, event != NULL && self->document != NULL);
  if (event == NULL)
    {
      gtk_label_set_label (self->heading_label, _("No Event Selected"));
      gtk_label_set_label (self->id_label, "");
      set_entry (self->start_entry, NULL);
      set_entry (self->end_entry, NULL);
      set_entry (self->title_entry, NULL);
      set_entry (self->outcome_entry, NULL);
      set_entry (self->tags_entry, NULL);
      set_text_view (self->summary_view, NULL);
      gtk_label_set_label (self->evidence_label, "");
      show_days (self, NULL);
      self->filling = FALSE;
      return;
    }

  gtk_label_set_label (self->heading_label, nhs_event_get_title (event));
  gtk_label_set_label (self->id_label, nhs_event_get_id (event));
  gtk_drop_down_set_selected (self->kind_dropdown, nhs_event_get_kind (event));
  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    if (statuses[i] == nhs_event_get_status (event))
      gtk_drop_down_set_selected (self->status_dropdown, i);
  for (guint i = 0; i < self->group_buttons->len; i++)
    {
      GtkCheckButton *button = g_ptr_array_index (self->group_buttons, i);
      const char *id = g_object_get_data (G_OBJECT (button), "group-id");
      gboolean member = FALSE;
      GPtrArray *groups = nhs_event_get_groups (event);

      for (guint g = 0; g < groups->len; g++)
        member |= g_str_equal (nhs_group_get_id (g_ptr_array_index (groups, g)), id);
      gtk_check_button_set_active (button, member);
    }
  start = when_text (self, "start", nhs_event_get_start (event), nhs_event_get_start_is_date (event));
  end = when_text (self, "end", nhs_event_get_end (event), nhs_event_get_end_is_date (event));
  set_entry (self->start_entry, start);
  set_entry (self->end_entry, end);
  set_entry (self->title_entry, nhs_event_get_title (event));
  set_entry (self->outcome_entry, nhs_event_get_outcome (event));
  tag_list = nhs_event_get_tags (event);
  tags = tag_list ? g_strjoinv (", ", (char **) tag_list) : NULL;
  set_entry (self->tags_entry, tags);
  set_text_view (self->summary_view, nhs_event_get_summary (event));
  evidence = nhs_event_get_evidence (event);
  {
    /* Translators: how many pieces of evidence the event cites */
    g_autofree char *text = g_strdup_printf (ngettext ("Cites %u piece of evidence", "Cites %u pieces of evidence",
                                                       evidence->len), evidence->len);
    gtk_label_set_label (self->evidence_label, text);
  }
  show_days (self, event);
  self->filling = FALSE;
}

/* }}} */
/* Reading the fields {{{ */

static char *
entry_text (GtkEntry *entry)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
}

/* The field's value as the dataset writes it, NULL for none; FALSE with a
 * message when what was typed is no value at all */
static gboolean
field_value (NhsInspector  *self,
             NhsEventField  field,
             NhsJsonItem  **value,
             GError       **error)
{
  g_autofree char *text = NULL;

  *value = NULL;
  switch (field)
    {
    case NHS_EVENT_FIELD_KIND:
      *value = nhs_json_item_new_string (nhs_enum_to_nick (NHS_TYPE_EVENT_KIND,
                                                           gtk_drop_down_get_selected (self->kind_dropdown)));
      return TRUE;
    case NHS_EVENT_FIELD_STATUS:
      {
        guint i = gtk_drop_down_get_selected (self->status_dropdown);
        *value = nhs_json_item_new_string (nhs_enum_to_nick (NHS_TYPE_EVENT_STATUS,
                                                             statuses[MIN (i, G_N_ELEMENTS (statuses) - 1)]));
        return TRUE;
      }
    case NHS_EVENT_FIELD_GROUPS:
      *value = nhs_json_item_new_array ();
      for (guint i = 0; i < self->group_buttons->len; i++)
        {
          GtkCheckButton *button = g_ptr_array_index (self->group_buttons, i);
          if (gtk_check_button_get_active (button))
            nhs_json_array_insert (*value, nhs_json_item_get_length (*value),
                                   nhs_json_item_new_string (g_object_get_data (G_OBJECT (button), "group-id")));
        }
      return TRUE;
    case NHS_EVENT_FIELD_START:
    case NHS_EVENT_FIELD_END:
      {
        g_autofree char *parsed = NULL;

        text = entry_text (field == NHS_EVENT_FIELD_START ? self->start_entry : self->end_entry);
        /* no end: an event of a day, or an instant; no start is the
         * loader's to refuse */
        if (*text == '\0')
          return TRUE;
        parsed = nhs_date_input_parse (text, error);
        if (parsed == NULL)
          return FALSE;
        *value = nhs_json_item_new_string (parsed);
        return TRUE;
      }
    case NHS_EVENT_FIELD_TITLE:
    case NHS_EVENT_FIELD_OUTCOME:
      text = entry_text (field == NHS_EVENT_FIELD_TITLE ? self->title_entry : self->outcome_entry);
      if (*text != '\0')
        *value = nhs_json_item_new_string (text);
      return TRUE;
    case NHS_EVENT_FIELD_SUMMARY:
      {
        GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->summary_view);
        GtkTextIter start, end;

        gtk_text_buffer_get_bounds (buffer, &start, &end);
        text = g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
        if (*text != '\0')
          *value = nhs_json_item_new_string (text);
        return TRUE;
      }
    case NHS_EVENT_FIELD_TAGS:
      {
        g_auto(GStrv) parts = NULL;

        text = entry_text (self->tags_entry);
        parts = g_strsplit (text, ",", -1);
        for (guint i = 0; parts[i]; i++)
          {
            g_strstrip (parts[i]);
            if (*parts[i] == '\0')
              continue;
            if (*value == NULL)
              *value = nhs_json_item_new_array ();
            nhs_json_array_insert (*value, nhs_json_item_get_length (*value), nhs_json_item_new_string (parts[i]));
          }
        return TRUE;
      }
    default:
      return TRUE;
    }
}

void
nhs_inspector_commit (NhsInspector *self,
                      NhsEventField field)
{
  g_autoptr(NhsJsonItem) value = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *fail_key = NULL;

  g_return_if_fail (NHS_IS_INSPECTOR (self));

  /* a window going away takes the focus from its fields: no edit */
  if (self->filling || self->event == NULL || self->document == NULL ||
      !gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;
  if (!field_value (self, field, &value, &error))
    {
      set_message (self, field, error->message);
      return;
    }
  if (!nhs_document_set_event (self->document, self->event, field, value, &fail_key, &error))
    {
      NhsEventField at = nhs_event_field_from_key (fail_key);

      /* the message goes beside the field the rule is about, where it has
       * a place of its own ("ends before it starts" beside the end) */
      if (at == NHS_EVENT_FIELD_N || message_label (self, at) == self->other_message)
        at = field;
      set_message (self, at, error->message);
      return;
    }
  /* the document's "event-changed" filled the fields again */
}

void
nhs_inspector_commit_focus (NhsInspector *self)
{
  static const NhsEventField text_fields[] = {
    NHS_EVENT_FIELD_START, NHS_EVENT_FIELD_END, NHS_EVENT_FIELD_TITLE, NHS_EVENT_FIELD_SUMMARY,
    NHS_EVENT_FIELD_OUTCOME, NHS_EVENT_FIELD_TAGS,
  };

  g_return_if_fail (NHS_IS_INSPECTOR (self));

  for (guint i = 0; i < G_N_ELEMENTS (text_fields); i++)
    {
      GtkWidget *widget = nhs_inspector_get_field_widget (self, text_fields[i]);
      GtkRoot *root = gtk_widget_get_root (widget);
      GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;

      if (focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget)))
        nhs_inspector_commit (self, text_fields[i]);
    }
  /* a figure's, group's or source's field */
  nhs_item_fields_commit_focus (GTK_WIDGET (self));
}

/* }}} */
/* Callbacks {{{ */

static NhsEventField
field_of (NhsInspector *self,
          gpointer      widget)
{
  if (widget == self->start_entry) return NHS_EVENT_FIELD_START;
  if (widget == self->end_entry) return NHS_EVENT_FIELD_END;
  if (widget == self->title_entry) return NHS_EVENT_FIELD_TITLE;
  if (widget == self->outcome_entry) return NHS_EVENT_FIELD_OUTCOME;
  if (widget == self->tags_entry) return NHS_EVENT_FIELD_TAGS;
  if (widget == self->summary_view) return NHS_EVENT_FIELD_SUMMARY;
  if (widget == self->kind_dropdown) return NHS_EVENT_FIELD_KIND;
  if (widget == self->status_dropdown) return NHS_EVENT_FIELD_STATUS;
  return NHS_EVENT_FIELD_N;
}

static void
entry_activate_cb (GtkEntry     *entry,
                   NhsInspector *self)
{
  nhs_inspector_commit (self, field_of (self, entry));
}

static void
focus_leave_cb (GtkEventControllerFocus *controller,
                NhsInspector            *self)
{
  NhsEventField field = field_of (self, gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller)));

  if (field != NHS_EVENT_FIELD_N)
    nhs_inspector_commit (self, field);
}

static void
dropdown_selected_cb (GtkDropDown  *dropdown,
                      GParamSpec   *pspec,
                      NhsInspector *self)
{
  nhs_inspector_commit (self, field_of (self, dropdown));
}

static void
group_toggled_cb (GtkCheckButton *button,
                  NhsInspector   *self)
{
  nhs_inspector_commit (self, NHS_EVENT_FIELD_GROUPS);
}

/* As a date is typed: what it reads as, and the strike days it makes */
static void
date_changed_cb (GtkEditable  *editable,
                 NhsInspector *self)
{
  NhsEventField field = field_of (self, editable);
  g_autoptr(NhsJsonItem) value = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(NhsEvent) tried = NULL;
  g_autofree char *fail_key = NULL;

  if (self->filling || self->event == NULL || self->document == NULL)
    return;
  set_message (self, NHS_EVENT_FIELD_START, NULL);
  set_message (self, NHS_EVENT_FIELD_END, NULL);
  if (!field_value (self, field, &value, &error))
    {
      set_message (self, field, error->message);
      show_days (self, NULL);
      return;
    }
  tried = nhs_document_try_event (self->document, self->event, field, value, &fail_key, &error);
  if (tried == NULL)
    {
      NhsEventField at = nhs_event_field_from_key (fail_key);

      set_message (self, at == NHS_EVENT_FIELD_START || at == NHS_EVENT_FIELD_END ? at : field, error->message);
      show_days (self, NULL);
      return;
    }
  show_days (self, tried);
}

static void
event_changed_cb (NhsInspector *self,
                  NhsEvent     *event)
{
  if (event == self->event)
    refill (self);
}

static void
add_focus_commit (NhsInspector *self,
                  GtkWidget    *widget)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();

  g_signal_connect_object (focus, "leave", G_CALLBACK (focus_leave_cb), self, 0);
  gtk_widget_add_controller (widget, focus);
}

/* }}} */
/* GObject {{{ */

static void
nhs_inspector_dispose (GObject *object)
{
  NhsInspector *self = NHS_INSPECTOR (object);
  GtkWidget *child;

  nhs_inspector_set_document (self, NULL);
  g_clear_object (&self->document_signals);
  g_clear_object (&self->event);

  gtk_widget_dispose_template (GTK_WIDGET (self), NHS_TYPE_INSPECTOR);
  /* the scrolled window holding it all has no id to be disposed by */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  self->figure_page = NULL;
  self->catalog_page = NULL;
  G_OBJECT_CLASS (nhs_inspector_parent_class)->dispose (object);
}

static void
nhs_inspector_finalize (GObject *object)
{
  NhsInspector *self = NHS_INSPECTOR (object);

  g_clear_pointer (&self->group_buttons, g_ptr_array_unref);
  G_OBJECT_CLASS (nhs_inspector_parent_class)->finalize (object);
}

static void
nhs_inspector_class_init (NhsInspectorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = nhs_inspector_dispose;
  object_class->finalize = nhs_inspector_finalize;

  g_type_ensure (NHS_TYPE_EVIDENCE_EDITOR);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/NhsDispute/ui/nhs-inspector.ui");
  gtk_widget_class_bind_template_child (widget_class, NhsInspector, heading_label);
  gtk_widget_class_bind_template_child (widget_class, NhsInspector, id_label);
  gtk_widget_class_bind_template_child (widget_class, NhsInspector, notice_label);
  gtk_widget_class_bind_template_child (widget_class, NhsInspector, fields);
  gtk_widget_class_bind_template_child (widget_class, NhsInspector, kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, NhsInspector, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, NhsInspector, groups_box);
  gtk_widget_class_bind_template_child (widget_class, NhsInspector, groups_message);
  gtk_widget_class_bind_template_child (widget_class, NhsInspector, start_entry);
  gtk_widget_class_bind_template_child (widget_class, NhsInspector, start_message);
  gtk_widget_class_bind_template_child (widget_class, NhsInspector, end_entry);
  gtk_widget_class_bind_template_child (widget_class, NhsInspector, end_message);
  gtk_widget_class_bind_template_child (widget_class, NhsInspector, days_label);
  gtk_widget_class_bind_template_child (widget_class, NhsInspector, title_entry);
  gtk_widget_class_bind_template_child (widget_class, NhsInspector, title_message);
  gtk_widget_class_bind_template_child (widget_class, NhsInspector, summary_view);
  gtk_widget_class_bind_template_child (widget_class, NhsInspector, outcome_entry);
  gtk_widget_class_bind_template_child (widget_class, NhsInspector, tags_entry);
  gtk_widget_class_bind_template_child (widget_class, NhsInspector, other_message);
  gtk_widget_class_bind_template_child (widget_class, NhsInspector, evidence_label);
  gtk_widget_class_bind_template_child (widget_class, NhsInspector, evidence_editor);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "inspector");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

/* The event's fields become one page of three, the others for figures
 * and for groups and sources */
static void
add_pages (NhsInspector *self)
{
  GtkWidget *event_page = gtk_widget_get_first_child (GTK_WIDGET (self));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *switcher = gtk_stack_switcher_new ();

  self->pages = GTK_STACK (gtk_stack_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->pages), TRUE);
  g_object_ref (event_page);
  gtk_widget_unparent (event_page);
  gtk_stack_add_titled (self->pages, event_page, "event", _("Event"));
  g_object_unref (event_page);
  self->figure_page = NHS_FIGURE_INSPECTOR (nhs_figure_inspector_new ());
  gtk_stack_add_titled (self->pages, GTK_WIDGET (self->figure_page), "figures", _("Figures"));
  self->catalog_page = NHS_CATALOG_INSPECTOR (nhs_catalog_inspector_new ());
  gtk_stack_add_titled (self->pages, GTK_WIDGET (self->catalog_page), "catalog", _("Groups & Sources"));
  gtk_stack_switcher_set_stack (GTK_STACK_SWITCHER (switcher), self->pages);
  gtk_widget_set_halign (switcher, GTK_ALIGN_CENTER);
  gtk_widget_set_margin_top (switcher, 6);
  gtk_box_append (GTK_BOX (box), switcher);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->pages));
  gtk_widget_set_parent (box, GTK_WIDGET (self));
}

static void
nhs_inspector_init (NhsInspector *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) status_names = gtk_string_list_new (NULL);
  GtkEntry *entries[5];

  self->document_signals = g_signal_group_new (NHS_TYPE_DOCUMENT);
  g_signal_group_connect_swapped (self->document_signals, "event-changed", G_CALLBACK (event_changed_cb), self);
  gtk_widget_init_template (GTK_WIDGET (self));
  self->group_buttons = g_ptr_array_new ();

  for (int kind = 0; kind < NHS_EVENT_KIND_N; kind++)
    gtk_string_list_append (kinds, nhs_event_kind_to_label (kind));
  gtk_drop_down_set_model (self->kind_dropdown, G_LIST_MODEL (kinds));
  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    gtk_string_list_append (status_names, nhs_event_status_to_label (statuses[i]));
  gtk_drop_down_set_model (self->status_dropdown, G_LIST_MODEL (status_names));

  entries[0] = self->start_entry;
  entries[1] = self->end_entry;
  entries[2] = self->title_entry;
  entries[3] = self->outcome_entry;
  entries[4] = self->tags_entry;
  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    {
      g_signal_connect_object (entries[i], "activate", G_CALLBACK (entry_activate_cb), self, 0);
      add_focus_commit (self, GTK_WIDGET (entries[i]));
    }
  add_focus_commit (self, GTK_WIDGET (self->summary_view));
  g_signal_connect_object (self->start_entry, "changed", G_CALLBACK (date_changed_cb), self, 0);
  g_signal_connect_object (self->end_entry, "changed", G_CALLBACK (date_changed_cb), self, 0);
  g_signal_connect_object (self->kind_dropdown, "notify::selected", G_CALLBACK (dropdown_selected_cb), self, 0);
  g_signal_connect_object (self->status_dropdown, "notify::selected", G_CALLBACK (dropdown_selected_cb), self, 0);
  nhs_a11y_name_drop_down (self->kind_dropdown, _("Kind"));
  nhs_a11y_name_drop_down (self->status_dropdown, _("Status"));
  nhs_a11y_hide_when_empty (self->id_label);
  nhs_a11y_hide_when_empty (self->days_label);
  nhs_a11y_hide_when_empty (self->evidence_label);
  refill (self);
  add_pages (self);
}

/* }}} */
/* Public API {{{ */

GtkWidget *
nhs_inspector_new (void)
{
  return g_object_new (NHS_TYPE_INSPECTOR, NULL);
}

void
nhs_inspector_set_document (NhsInspector *self,
                            NhsDocument  *document)
{
  g_return_if_fail (NHS_IS_INSPECTOR (self));
  g_return_if_fail (document == NULL || NHS_IS_DOCUMENT (document));

  if (self->document == document)
    return;
  g_set_object (&self->document, document);
  g_signal_group_set_target (self->document_signals, document);
  nhs_evidence_editor_set_document (self->evidence_editor, document);
  if (document != NULL)
    rebuild_groups (self, nhs_document_get_dataset (document));
  if (self->figure_page != NULL)
    {
      nhs_figure_inspector_set_document (self->figure_page, document);
      nhs_catalog_inspector_set_document (self->catalog_page, document);
      nhs_figure_inspector_show_event (self->figure_page, self->event);
    }
  refill (self);
}

void
nhs_inspector_set_event (NhsInspector *self,
                         NhsEvent     *event)
{
  g_return_if_fail (NHS_IS_INSPECTOR (self));
  g_return_if_fail (event == NULL || NHS_IS_EVENT (event));

  if (self->event == event)
    return;
  g_set_object (&self->event, event);
  refill (self);
  /* the figures of the event, when it has any */
  if (self->figure_page != NULL)
    nhs_figure_inspector_show_event (self->figure_page, event);
}

NhsEvent *
nhs_inspector_get_event (NhsInspector *self)
{
  g_return_val_if_fail (NHS_IS_INSPECTOR (self), NULL);
  return self->event;
}

void
nhs_inspector_set_notice (NhsInspector *self,
                          const char   *notice)
{
  g_return_if_fail (NHS_IS_INSPECTOR (self));

  gtk_label_set_label (self->notice_label, notice ? notice : "");
  gtk_widget_set_visible (GTK_WIDGET (self->notice_label), notice != NULL);
}

const char *
nhs_inspector_get_notice (NhsInspector *self)
{
  g_return_val_if_fail (NHS_IS_INSPECTOR (self), NULL);

  return gtk_widget_get_visible (GTK_WIDGET (self->notice_label)) ? gtk_label_get_label (self->notice_label) : NULL;
}

GtkWidget *
nhs_inspector_get_field_widget (NhsInspector *self,
                                NhsEventField field)
{
  switch (field)
    {
    case NHS_EVENT_FIELD_KIND: return GTK_WIDGET (self->kind_dropdown);
    case NHS_EVENT_FIELD_GROUPS: return GTK_WIDGET (self->groups_box);
    case NHS_EVENT_FIELD_START: return GTK_WIDGET (self->start_entry);
    case NHS_EVENT_FIELD_END: return GTK_WIDGET (self->end_entry);
    case NHS_EVENT_FIELD_STATUS: return GTK_WIDGET (self->status_dropdown);
    case NHS_EVENT_FIELD_TITLE: return GTK_WIDGET (self->title_entry);
    case NHS_EVENT_FIELD_SUMMARY: return GTK_WIDGET (self->summary_view);
    case NHS_EVENT_FIELD_OUTCOME: return GTK_WIDGET (self->outcome_entry);
    case NHS_EVENT_FIELD_TAGS: return GTK_WIDGET (self->tags_entry);
    default: return NULL;
    }
}

const char *
nhs_inspector_get_message (NhsInspector *self,
                           NhsEventField field)
{
  GtkLabel *label = message_label (self, field);

  return gtk_widget_get_visible (GTK_WIDGET (label)) ? gtk_label_get_label (label) : NULL;
}

GtkLabel *
nhs_inspector_get_days_label (NhsInspector *self)
{
  return self->days_label;
}

NhsFigureInspector *
nhs_inspector_get_figure_page (NhsInspector *self)
{
  g_return_val_if_fail (NHS_IS_INSPECTOR (self), NULL);
  return self->figure_page;
}

NhsCatalogInspector *
nhs_inspector_get_catalog_page (NhsInspector *self)
{
  g_return_val_if_fail (NHS_IS_INSPECTOR (self), NULL);
  return self->catalog_page;
}

void
nhs_inspector_show_page (NhsInspector *self,
                         const char   *page)
{
  g_return_if_fail (NHS_IS_INSPECTOR (self));
  gtk_stack_set_visible_child_name (self->pages, page);
}

GtkWidget *
nhs_inspector_get_evidence_editor (NhsInspector *self)
{
  return GTK_WIDGET (self->evidence_editor);
}

/* }}} */
