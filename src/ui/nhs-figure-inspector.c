/* nhs-figure-inspector.c: the inspector's page for figures
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window has no other place where a figure is chosen (the chart's pay
 * steps show several at once), so the page lists the dataset's figures
 * and edits the one selected. Fields are put into the document as the
 * event's are: Enter or the focus leaving a field, a choice at once; the
 * document checks them by the loader's rules, and what they refuse is said
 * under the field, which keeps what was typed.
 */
#define G_LOG_DOMAIN "nhs-inspector"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "nhs-date-input.h"
#include "nhs-enums.h"
#include "nhs-evidence-editor.h"
#include "nhs-figure-inspector.h"
#include "nhs-focus.h"
#include "nhs-item-fields.h"
#include "nhs-json-tree.h"
#include "nhs-ui-text.h"

struct _NhsFigureInspector
{
  GtkWidget parent_instance;

  NhsDocument *document;
  GSignalGroup *document_signals;
  GSignalGroup *groups_signals;     /* the document's dataset's groups */
  NhsFigure *figure;
  gboolean filling;

  GtkSingleSelection *selection;
  GtkWidget *list_view;
  GtkLabel *heading_label;
  GtkLabel *id_label;
  GtkWidget *fields;
  GtkStringList *group_names;
  GtkWidget *widgets[NHS_FIGURE_FIELD_N];
  GtkLabel *messages[NHS_FIGURE_FIELD_N];
  NhsEvidenceEditor *evidence_editor;
};

G_DEFINE_FINAL_TYPE (NhsFigureInspector, nhs_figure_inspector, GTK_TYPE_WIDGET)

static const char * const unit_labels[] = {
  N_("Per cent"), N_("Pounds (£)"), N_("Count"), N_("Days"),
};

static GEnumClass *
enum_class (GType type)
{
  return g_type_class_peek (type) ? g_type_class_peek (type) : g_type_class_ref (type);
}

/* A figure's line in the list: "8.8% · 2023/24 award · 13 Jul 2023" */
static char *
figure_line (gpointer item)
{
  NhsFigure *figure = item;
  g_autofree char *value = nhs_figure_format_value (figure);
  g_autofree char *date = nhs_format_day (nhs_figure_get_date (figure));
  const char *label = nhs_figure_get_label (figure);

  return g_strdup_printf ("%s · %s · %s", value,
                          label ? label : nhs_figure_metric_to_label (nhs_figure_get_metric (figure)),
                          date);
}

/* Filling {{{ */

static void
clear_messages (NhsFigureInspector *self)
{
  for (guint i = 0; i < NHS_FIGURE_FIELD_N; i++)
    nhs_item_fields_set_message (self->messages[i], NULL);
}

static void
rebuild_groups (NhsFigureInspector *self)
{
  NhsDataset *ds = self->document ? nhs_document_get_dataset (self->document) : NULL;
  GListModel *groups = ds ? nhs_dataset_get_groups (ds) : NULL;
  guint n = groups ? g_list_model_get_n_items (groups) : 0;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  /* Translators: a figure's group, when it names none */
  g_ptr_array_add (names, g_strdup (C_("figure group", "None")));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(NhsGroup) group = g_list_model_get_item (groups, i);
      g_ptr_array_add (names, g_strdup (nhs_group_get_name (group)));
    }
  g_ptr_array_add (names, NULL);
  self->filling = TRUE;
  gtk_string_list_splice (self->group_names, 0, g_list_model_get_n_items (G_LIST_MODEL (self->group_names)),
                          (const char * const *) names->pdata);
  self->filling = FALSE;
}

static void
set_field_entry (NhsFigureInspector *self,
                 NhsFigureField      field,
                 const char         *text)
{
  nhs_item_fields_set_entry (self->widgets[field], text);
}

static void
refill (NhsFigureInspector *self)
{
  NhsFigure *figure = self->figure;
  g_autofree char *date = NULL;
  const NhsJsonItem *value;
  NhsGroup *group;

  /* the figure's evidence, to reorder, remove and add to as an event's */
  nhs_evidence_editor_set_item (self->evidence_editor, G_OBJECT (figure));
  self->filling = TRUE;
  clear_messages (self);
  gtk_widget_set_sensitive (self->fields, figure != NULL && self->document != NULL);
  if (figure == NULL)
    {
      gtk_label_set_label (self->heading_label, _("No Figure Selected"));
      gtk_label_set_label (self->id_label, "");
      for (guint i = 0; i < NHS_FIGURE_FIELD_N; i++)
        if (GTK_IS_ENTRY (self->widgets[i]))
          set_field_entry (self, i, NULL);
      self->filling = FALSE;
      return;
    }

  {
    g_autofree char *line = figure_line (figure);
    gtk_label_set_label (self->heading_label, line);
  }
  gtk_label_set_label (self->id_label, nhs_figure_get_id (figure));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->widgets[NHS_FIGURE_FIELD_METRIC]), nhs_figure_get_metric (figure));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->widgets[NHS_FIGURE_FIELD_UNIT]), nhs_figure_get_unit (figure));
  group = nhs_figure_get_group (figure);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->widgets[NHS_FIGURE_FIELD_GROUP]),
                              group ? nhs_group_get_index (group) + 1 : 0);
  /* the value and the date as the file writes them */
  value = nhs_document_get_figure_member (self->document, figure, "value");
  set_field_entry (self, NHS_FIGURE_FIELD_VALUE, nhs_json_item_get_number_text (value));
  value = nhs_document_get_figure_member (self->document, figure, "date");
  date = nhs_json_item_get_string (value) ? g_strdup (nhs_json_item_get_string (value))
                                          : g_date_time_format (nhs_figure_get_date (figure), "%Y-%m-%d");
  set_field_entry (self, NHS_FIGURE_FIELD_DATE, date);
  set_field_entry (self, NHS_FIGURE_FIELD_PERIOD, nhs_figure_get_period (figure));
  set_field_entry (self, NHS_FIGURE_FIELD_BASIS, nhs_figure_get_basis (figure));
  set_field_entry (self, NHS_FIGURE_FIELD_CLAIMANT, nhs_figure_get_claimant (figure));
  set_field_entry (self, NHS_FIGURE_FIELD_LABEL, nhs_figure_get_label (figure));
  set_field_entry (self, NHS_FIGURE_FIELD_EVENT,
                   nhs_figure_get_event (figure) ? nhs_event_get_id (nhs_figure_get_event (figure)) : NULL);
  self->filling = FALSE;
}

/* }}} */
/* Reading the fields {{{ */

/* A number as people type it: "8.8", "1250", "-0.5"; an integer stays one */
static NhsJsonItem *
parse_number (const char *text,
              GError    **error)
{
  const char *p = text;
  char *end = NULL;
  gboolean integer = TRUE;
  double value;

  if (*p == '-')
    p++;
  for (; *p; p++)
    integer &= g_ascii_isdigit (*p);
  integer &= p > text + (*text == '-') && p - text < 16;
  if (integer)
    return nhs_json_item_new_int (g_ascii_strtoll (text, NULL, 10));
  value = g_ascii_strtod (text, &end);
  if (end != text && *end == '\0' && g_ascii_isdigit (text[strlen (text) - 1]))
    {
      NhsJsonItem *item = nhs_json_item_new_double (value);
      if (item != NULL)
        return item;
    }
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
               /* Translators: a figure's value typed in the inspector */
               _("“%s” is not a number: write it in digits, as 8.8 or 1250"), text);
  return NULL;
}

static gboolean
field_value (NhsFigureInspector *self,
             NhsFigureField      field,
             NhsJsonItem       **value,
             GError            **error)
{
  g_autofree char *text = NULL;
  GEnumValue *nick;

  *value = NULL;
  switch (field)
    {
    case NHS_FIGURE_FIELD_METRIC:
    case NHS_FIGURE_FIELD_UNIT:
      nick = g_enum_get_value (enum_class (field == NHS_FIGURE_FIELD_METRIC ? NHS_TYPE_FIGURE_METRIC : NHS_TYPE_FIGURE_UNIT),
                               gtk_drop_down_get_selected (GTK_DROP_DOWN (self->widgets[field])));
      if (nick != NULL)
        *value = nhs_json_item_new_string (nick->value_nick);
      return TRUE;
    case NHS_FIGURE_FIELD_GROUP:
      {
        guint i = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->widgets[field]));
        NhsDataset *ds = nhs_document_get_dataset (self->document);
        g_autoptr(NhsGroup) group = NULL;

        if (i == 0 || i == GTK_INVALID_LIST_POSITION)
          return TRUE;
        group = g_list_model_get_item (nhs_dataset_get_groups (ds), i - 1);
        if (group != NULL)
          *value = nhs_json_item_new_string (nhs_group_get_id (group));
        return TRUE;
      }
    case NHS_FIGURE_FIELD_VALUE:
      text = nhs_item_fields_entry_text (self->widgets[field]);
      /* none: the loader's to refuse */
      if (*text == '\0')
        return TRUE;
      *value = parse_number (text, error);
      return *value != NULL;
    case NHS_FIGURE_FIELD_DATE:
      {
        g_autofree char *parsed = NULL;

        text = nhs_item_fields_entry_text (self->widgets[field]);
        if (*text == '\0')
          return TRUE;
        parsed = nhs_date_input_parse (text, error);
        if (parsed == NULL)
          return FALSE;
        *value = nhs_json_item_new_string (parsed);
        return TRUE;
      }
    default:
      text = nhs_item_fields_entry_text (self->widgets[field]);
      if (*text != '\0')
        *value = nhs_json_item_new_string (text);
      return TRUE;
    }
}

void
nhs_figure_inspector_commit (NhsFigureInspector *self,
                             NhsFigureField      field)
{
  g_autoptr(NhsJsonItem) value = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *fail_key = NULL;

  g_return_if_fail (NHS_IS_FIGURE_INSPECTOR (self));
  g_return_if_fail (field < NHS_FIGURE_FIELD_N);

  /* a window going away takes the focus from its fields: no edit */
  if (self->filling || self->figure == NULL || self->document == NULL ||
      !gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;
  nhs_item_fields_set_message (self->messages[field], NULL);
  if (!field_value (self, field, &value, &error) ||
      !nhs_document_set_figure (self->document, self->figure, field, value, &fail_key, &error))
    {
      nhs_item_fields_set_message (self->messages[field], error->message);
      return;
    }
  /* the document's "changed" filled the fields again */
}

static NhsFigureField
field_of (NhsFigureInspector *self,
          gpointer            widget)
{
  for (guint i = 0; i < NHS_FIGURE_FIELD_N; i++)
    if (self->widgets[i] == widget)
      return i;
  return NHS_FIGURE_FIELD_N;
}

static void
entry_commit_cb (GtkWidget          *entry,
                 NhsFigureInspector *self)
{
  NhsFigureField field = field_of (self, entry);

  if (field < NHS_FIGURE_FIELD_N)
    nhs_figure_inspector_commit (self, field);
}

static void
dropdown_selected_cb (GtkDropDown        *dropdown,
                      GParamSpec         *pspec,
                      NhsFigureInspector *self)
{
  entry_commit_cb (GTK_WIDGET (dropdown), self);
}

/* }}} */
/* The list {{{ */


static void
selection_changed_cb (NhsFigureInspector *self)
{
  NhsFigure *figure = gtk_single_selection_get_selected_item (self->selection);

  if (g_set_object (&self->figure, figure) || figure == NULL)
    refill (self);
}

static void
document_changed_cb (NhsFigureInspector *self)
{
  /* the selected figure was deleted (or its adding undone) */
  selection_changed_cb (self);
  refill (self);
}

/* }}} */
/* GObject {{{ */

static void
nhs_figure_inspector_dispose (GObject *object)
{
  NhsFigureInspector *self = NHS_FIGURE_INSPECTOR (object);
  GtkWidget *child;

  nhs_figure_inspector_set_document (self, NULL);
  g_clear_object (&self->document_signals);
  g_clear_object (&self->groups_signals);
  g_clear_object (&self->figure);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->selection);
  g_clear_object (&self->group_names);
  G_OBJECT_CLASS (nhs_figure_inspector_parent_class)->dispose (object);
}

static void
nhs_figure_inspector_class_init (NhsFigureInspectorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = nhs_figure_inspector_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "figure-inspector");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static GtkWidget *
action_button (const char *label,
               const char *action,
               const char *tooltip)
{
  GtkWidget *button = gtk_button_new_with_label (label);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_widget_set_tooltip_text (button, tooltip);
  return button;
}

static void
nhs_figure_inspector_init (NhsFigureInspector *self)
{
  static const char * const labels[NHS_FIGURE_FIELD_N] = {
    N_("_Metric"), N_("_Value"), N_("U_nit"), N_("_Group"), N_("_Date"), N_("_Period"),
    N_("_Basis"), N_("_Claimant"), N_("_Label"), N_("_Event"),
  };
  g_autoptr(GtkStringList) metrics = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) units = gtk_string_list_new (NULL);
  GtkWidget *scrolled, *outer, *box, *buttons, *grid, *list_label;
  GEnumClass *metric_class = enum_class (NHS_TYPE_FIGURE_METRIC);
  int row = 0;

  self->document_signals = g_signal_group_new (NHS_TYPE_DOCUMENT);
  g_signal_group_connect_swapped (self->document_signals, "changed", G_CALLBACK (document_changed_cb), self);
  /* a group renamed is renamed in the group choices */
  self->groups_signals = g_signal_group_new (G_TYPE_LIST_MODEL);
  g_signal_group_connect_swapped (self->groups_signals, "items-changed", G_CALLBACK (rebuild_groups), self);
  for (guint i = 0; i < metric_class->n_values; i++)
    gtk_string_list_append (metrics, nhs_figure_metric_to_label (metric_class->values[i].value));
  for (guint i = 0; i < G_N_ELEMENTS (unit_labels); i++)
    gtk_string_list_append (units, _(unit_labels[i]));
  /* never empty: a drop-down shows its selected item in a row of its
   * button, which with no item at all is an unnamed label and image */
  self->group_names = gtk_string_list_new ((const char *[]) { C_("figure group", "None"), NULL });

  outer = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (outer), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_parent (outer, GTK_WIDGET (self));
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (outer), box);

  list_label = gtk_label_new_with_mnemonic (_("_Figures"));
  gtk_label_set_xalign (GTK_LABEL (list_label), 0);
  gtk_widget_add_css_class (list_label, "heading");
  gtk_box_append (GTK_BOX (box), list_label);

  self->selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_object (self->selection, "notify::selected-item", G_CALLBACK (selection_changed_cb),
                           self, G_CONNECT_SWAPPED);
  self->list_view = gtk_list_view_new (GTK_SELECTION_MODEL (g_object_ref (self->selection)),
                                       nhs_item_fields_line_factory (figure_line));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Figures"), -1);
  gtk_label_set_mnemonic_widget (GTK_LABEL (list_label), self->list_view);
  nhs_focus_list_one_tab_stop (self->list_view);
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), 160);
  gtk_scrolled_window_set_has_frame (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), self->list_view);
  gtk_box_append (GTK_BOX (box), scrolled);

  buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_box_append (GTK_BOX (buttons), action_button (_("New"), "win.new-figure", _("New Figure (Ctrl+Shift+N)")));
  gtk_box_append (GTK_BOX (buttons), action_button (_("Duplicate"), "win.duplicate-figure",
                                                    _("Duplicate Figure (Ctrl+Shift+D)")));
  gtk_box_append (GTK_BOX (buttons), action_button (_("Delete"), "win.delete-figure",
                                                    _("Delete Figure (Ctrl+Shift+Delete)")));
  gtk_box_append (GTK_BOX (box), buttons);

  self->heading_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->heading_label, 0);
  gtk_label_set_wrap (self->heading_label, TRUE);
  gtk_label_set_wrap_mode (self->heading_label, PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (GTK_WIDGET (self->heading_label), "heading");
  gtk_widget_set_margin_top (GTK_WIDGET (self->heading_label), 6);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->heading_label));
  self->id_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->id_label, 0);
  gtk_label_set_selectable (self->id_label, TRUE);
  gtk_label_set_ellipsize (self->id_label, PANGO_ELLIPSIZE_MIDDLE);
  gtk_widget_add_css_class (GTK_WIDGET (self->id_label), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (self->id_label), "caption");
  nhs_a11y_hide_when_empty (self->id_label);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->id_label));

  grid = gtk_grid_new ();
  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  self->fields = grid;
  gtk_box_append (GTK_BOX (box), grid);

  for (guint i = 0; i < NHS_FIGURE_FIELD_N; i++)
    {
      if (i == NHS_FIGURE_FIELD_METRIC || i == NHS_FIGURE_FIELD_UNIT || i == NHS_FIGURE_FIELD_GROUP)
        {
          GListModel *model = G_LIST_MODEL (i == NHS_FIGURE_FIELD_METRIC ? metrics
                                            : i == NHS_FIGURE_FIELD_UNIT ? units : self->group_names);
          self->widgets[i] = gtk_drop_down_new (g_object_ref (model), NULL);
          self->messages[i] = nhs_item_fields_add_row (GTK_GRID (grid), &row, _(labels[i]), self->widgets[i]);
          g_signal_connect_object (self->widgets[i], "notify::selected", G_CALLBACK (dropdown_selected_cb), self, 0);
          {
            g_autofree char *name = g_strdup (_(labels[i]));
            char *u = strchr (name, '_');
            if (u != NULL)
              memmove (u, u + 1, strlen (u));
            nhs_a11y_name_drop_down (GTK_DROP_DOWN (self->widgets[i]), name);
          }
        }
      else
        {
          self->widgets[i] = nhs_item_fields_entry_new (G_CALLBACK (entry_commit_cb), self);
          self->messages[i] = nhs_item_fields_add_row (GTK_GRID (grid), &row, _(labels[i]), self->widgets[i]);
        }
    }
  {
    GtkWidget *heading = gtk_label_new (_("Evidence"));

    gtk_label_set_xalign (GTK_LABEL (heading), 0);
    gtk_widget_add_css_class (heading, "heading");
    gtk_widget_set_margin_top (heading, 6);
    gtk_box_append (GTK_BOX (box), heading);
    self->evidence_editor = NHS_EVIDENCE_EDITOR (nhs_evidence_editor_new ());
    gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->evidence_editor));
  }
  gtk_entry_set_placeholder_text (GTK_ENTRY (self->widgets[NHS_FIGURE_FIELD_DATE]),
                                  /* Translators: how a date may be typed */
                                  _("24 Feb 2024, 2024-02-24, 24/02/2024"));
  gtk_entry_set_placeholder_text (GTK_ENTRY (self->widgets[NHS_FIGURE_FIELD_EVENT]),
                                  /* Translators: the event field takes an event's id */
                                  _("The id of an event"));
  refill (self);
}

/* }}} */
/* Public API {{{ */

GtkWidget *
nhs_figure_inspector_new (void)
{
  return g_object_new (NHS_TYPE_FIGURE_INSPECTOR, NULL);
}

void
nhs_figure_inspector_set_document (NhsFigureInspector *self,
                                   NhsDocument        *document)
{
  g_return_if_fail (NHS_IS_FIGURE_INSPECTOR (self));
  g_return_if_fail (document == NULL || NHS_IS_DOCUMENT (document));

  if (self->document == document)
    return;
  g_set_object (&self->document, document);
  g_signal_group_set_target (self->document_signals, document);
  g_signal_group_set_target (self->groups_signals,
                             document ? nhs_dataset_get_groups (nhs_document_get_dataset (document)) : NULL);
  nhs_evidence_editor_set_document (self->evidence_editor, document);
  rebuild_groups (self);
  gtk_single_selection_set_model (self->selection,
                                  document ? nhs_dataset_get_figures (nhs_document_get_dataset (document)) : NULL);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  selection_changed_cb (self);
}

void
nhs_figure_inspector_set_figure (NhsFigureInspector *self,
                                 NhsFigure          *figure)
{
  g_return_if_fail (NHS_IS_FIGURE_INSPECTOR (self));

  nhs_item_fields_select (self->selection, figure);
}

NhsEvidenceEditor *
nhs_figure_inspector_get_evidence_editor (NhsFigureInspector *self)
{
  g_return_val_if_fail (NHS_IS_FIGURE_INSPECTOR (self), NULL);
  return self->evidence_editor;
}

NhsFigure *
nhs_figure_inspector_get_figure (NhsFigureInspector *self)
{
  g_return_val_if_fail (NHS_IS_FIGURE_INSPECTOR (self), NULL);
  return self->figure;
}

void
nhs_figure_inspector_show_event (NhsFigureInspector *self,
                                 NhsEvent           *event)
{
  GListModel *figures;

  g_return_if_fail (NHS_IS_FIGURE_INSPECTOR (self));

  figures = gtk_single_selection_get_model (self->selection);
  for (guint i = 0; event && figures && i < g_list_model_get_n_items (figures); i++)
    {
      g_autoptr(NhsFigure) figure = g_list_model_get_item (figures, i);
      if (nhs_figure_get_event (figure) == event)
        {
          gtk_single_selection_set_selected (self->selection, i);
          return;
        }
    }
}

GtkWidget *
nhs_figure_inspector_get_field_widget (NhsFigureInspector *self,
                                       NhsFigureField      field)
{
  g_return_val_if_fail (NHS_IS_FIGURE_INSPECTOR (self), NULL);
  g_return_val_if_fail (field < NHS_FIGURE_FIELD_N, NULL);
  return self->widgets[field];
}

const char *
nhs_figure_inspector_get_message (NhsFigureInspector *self,
                                  NhsFigureField      field)
{
  g_return_val_if_fail (NHS_IS_FIGURE_INSPECTOR (self), NULL);
  g_return_val_if_fail (field < NHS_FIGURE_FIELD_N, NULL);
  return gtk_widget_get_visible (GTK_WIDGET (self->messages[field])) ? gtk_label_get_label (self->messages[field]) : NULL;
}

/* }}} */
