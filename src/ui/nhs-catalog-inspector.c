/* nhs-catalog-inspector.c: the inspector's page for groups and sources
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A dataset has a few groups, so each has its fields shown at once; it may
 * have hundreds of sources, so they are a list and the selected one's
 * fields. A colour is typed (#rrggbb, checked by the loader's rule like
 * every field) or picked with GtkColorButton (GTK 4.8 has no
 * GtkColorDialogButton), which puts what it picks into the field.
 */
#define G_LOG_DOMAIN "nhs-inspector"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "nhs-catalog-inspector.h"
#include "nhs-date-input.h"
#include "nhs-enums.h"
#include "nhs-focus.h"
#include "nhs-item-fields.h"
#include "nhs-json-tree.h"

typedef struct
{
  NhsGroup *group;
  GtkWidget *widgets[NHS_GROUP_FIELD_N];
  GtkLabel *messages[NHS_GROUP_FIELD_N];
  GtkWidget *color_button;
} GroupRow;

struct _NhsCatalogInspector
{
  GtkWidget parent_instance;

  NhsDocument *document;
  GSignalGroup *document_signals;
  NhsSource *source;
  gboolean filling;

  GtkWidget *groups_grid;
  GArray *group_rows;           /* GroupRow */
  GtkSingleSelection *selection;
  GtkWidget *source_fields;
  GtkLabel *source_heading;
  GtkWidget *source_widgets[NHS_SOURCE_FIELD_N];
  GtkLabel *source_messages[NHS_SOURCE_FIELD_N];
  GtkSingleSelection *articles;
  GtkWidget *delete_article_button;
  GtkLabel *article_message;
};

G_DEFINE_FINAL_TYPE (NhsCatalogInspector, nhs_catalog_inspector, GTK_TYPE_WIDGET)

static const char * const kind_labels[] = {
  N_("Union"), N_("Government"), N_("NHS"), N_("News"), N_("Official statistics"),
  N_("Parliament"), N_("Other"),
};

static void
group_row_clear (gpointer data)
{
  GroupRow *row = data;

  g_clear_object (&row->group);
}

/* Filling {{{ */

static void
refill_groups (NhsCatalogInspector *self)
{
  self->filling = TRUE;
  for (guint i = 0; i < self->group_rows->len; i++)
    {
      GroupRow *row = &g_array_index (self->group_rows, GroupRow, i);
      const char *color = nhs_group_get_color (row->group);
      GdkRGBA rgba;

      nhs_item_fields_set_entry (row->widgets[NHS_GROUP_FIELD_NAME], nhs_group_get_name (row->group));
      nhs_item_fields_set_entry (row->widgets[NHS_GROUP_FIELD_SHORT_NAME],
                                 nhs_json_item_get_string (nhs_document_get_group_member (self->document, row->group,
                                                                                          "short_name")));
      nhs_item_fields_set_entry (row->widgets[NHS_GROUP_FIELD_COLOR], color);
      if (color != NULL && gdk_rgba_parse (&rgba, color))
        {
          G_GNUC_BEGIN_IGNORE_DEPRECATIONS
          gtk_color_chooser_set_rgba (GTK_COLOR_CHOOSER (row->color_button), &rgba);
          G_GNUC_END_IGNORE_DEPRECATIONS
        }
      for (guint f = 0; f < NHS_GROUP_FIELD_N; f++)
        nhs_item_fields_set_message (row->messages[f], NULL);
    }
  self->filling = FALSE;
}

static void
refill_source (NhsCatalogInspector *self)
{
  NhsSource *source = self->source;
  const NhsJsonItem *member;

  self->filling = TRUE;
  for (guint f = 0; f < NHS_SOURCE_FIELD_N; f++)
    nhs_item_fields_set_message (self->source_messages[f], NULL);
  gtk_widget_set_sensitive (self->source_fields, source != NULL && self->document != NULL);
  if (source == NULL)
    {
      gtk_label_set_label (self->source_heading, _("No Source Selected"));
      for (guint f = 0; f < NHS_SOURCE_FIELD_N; f++)
        if (GTK_IS_ENTRY (self->source_widgets[f]))
          nhs_item_fields_set_entry (self->source_widgets[f], NULL);
      self->filling = FALSE;
      return;
    }
  gtk_label_set_label (self->source_heading, nhs_source_get_id (source));
  /* as the file has them: a source without a title shows its address */
  member = nhs_document_get_source_member (self->document, source, "title");
  nhs_item_fields_set_entry (self->source_widgets[NHS_SOURCE_FIELD_TITLE], nhs_json_item_get_string (member));
  nhs_item_fields_set_entry (self->source_widgets[NHS_SOURCE_FIELD_PUBLISHER], nhs_source_get_publisher (source));
  nhs_item_fields_set_entry (self->source_widgets[NHS_SOURCE_FIELD_URL], nhs_source_get_url (source));
  member = nhs_document_get_source_member (self->document, source, "published");
  nhs_item_fields_set_entry (self->source_widgets[NHS_SOURCE_FIELD_PUBLISHED], nhs_json_item_get_string (member));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->source_widgets[NHS_SOURCE_FIELD_KIND]), nhs_source_get_kind (source));
  self->filling = FALSE;
}

/* }}} */
/* Committing {{{ */

static gboolean
can_commit (NhsCatalogInspector *self)
{
  /* a window going away takes the focus from its fields: no edit */
  return !self->filling && self->document != NULL && gtk_widget_get_mapped (GTK_WIDGET (self));
}

static void
commit_group (NhsCatalogInspector *self,
              GroupRow            *row,
              NhsGroupField        field)
{
  g_autofree char *text = nhs_item_fields_entry_text (row->widgets[field]);
  g_autoptr(NhsJsonItem) value = *text ? nhs_json_item_new_string (text) : NULL;
  g_autoptr(GError) error = NULL;

  nhs_item_fields_set_message (row->messages[field], NULL);
  if (!nhs_document_set_group (self->document, row->group, field, value, &error))
    nhs_item_fields_set_message (row->messages[field], error->message);
}

static void
group_entry_commit_cb (GtkWidget           *entry,
                       NhsCatalogInspector *self)
{
  if (!can_commit (self))
    return;
  for (guint i = 0; i < self->group_rows->len; i++)
    {
      GroupRow *row = &g_array_index (self->group_rows, GroupRow, i);
      for (guint f = 0; f < NHS_GROUP_FIELD_N; f++)
        if (row->widgets[f] == entry)
          {
            commit_group (self, row, f);
            return;
          }
    }
}

static void
color_set_cb (GtkColorButton      *button,
              NhsCatalogInspector *self)
{
  GdkRGBA rgba;
  g_autofree char *hex = NULL;

  if (!can_commit (self))
    return;
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_color_chooser_get_rgba (GTK_COLOR_CHOOSER (button), &rgba);
  G_GNUC_END_IGNORE_DEPRECATIONS
  hex = g_strdup_printf ("#%02x%02x%02x", (int) (rgba.red * 255 + 0.5), (int) (rgba.green * 255 + 0.5),
                         (int) (rgba.blue * 255 + 0.5));
  for (guint i = 0; i < self->group_rows->len; i++)
    {
      GroupRow *row = &g_array_index (self->group_rows, GroupRow, i);
      if (row->color_button == GTK_WIDGET (button))
        {
          nhs_item_fields_set_entry (row->widgets[NHS_GROUP_FIELD_COLOR], hex);
          commit_group (self, row, NHS_GROUP_FIELD_COLOR);
          return;
        }
    }
}

static gboolean
source_value (NhsCatalogInspector *self,
              NhsSourceField       field,
              NhsJsonItem        **value,
              GError             **error)
{
  g_autofree char *text = NULL;

  *value = NULL;
  if (field == NHS_SOURCE_FIELD_KIND)
    {
      guint i = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->source_widgets[field]));
      const char *nick = i < G_N_ELEMENTS (kind_labels) ? nhs_enum_to_nick (NHS_TYPE_SOURCE_KIND, i) : NULL;

      if (nick != NULL)
        *value = nhs_json_item_new_string (nick);
      return TRUE;
    }
  text = nhs_item_fields_entry_text (self->source_widgets[field]);
  if (*text == '\0')
    return TRUE;
  if (field == NHS_SOURCE_FIELD_PUBLISHED)
    {
      g_autofree char *parsed = nhs_date_input_parse (text, error);

      if (parsed == NULL)
        return FALSE;
      *value = nhs_json_item_new_string (parsed);
      return TRUE;
    }
  *value = nhs_json_item_new_string (text);
  return TRUE;
}

static void
commit_source (NhsCatalogInspector *self,
               NhsSourceField       field)
{
  g_autoptr(NhsJsonItem) value = NULL;
  g_autoptr(GError) error = NULL;

  if (!can_commit (self) || self->source == NULL || field >= NHS_SOURCE_FIELD_N)
    return;
  nhs_item_fields_set_message (self->source_messages[field], NULL);
  if (!source_value (self, field, &value, &error) ||
      !nhs_document_set_source (self->document, self->source, field, value, &error))
    nhs_item_fields_set_message (self->source_messages[field], error->message);
}

static NhsSourceField
source_field_of (NhsCatalogInspector *self,
                 gpointer             widget)
{
  for (guint f = 0; f < NHS_SOURCE_FIELD_N; f++)
    if (self->source_widgets[f] == widget)
      return f;
  return NHS_SOURCE_FIELD_N;
}

static void
source_entry_commit_cb (GtkWidget           *entry,
                        NhsCatalogInspector *self)
{
  commit_source (self, source_field_of (self, entry));
}

static void
kind_selected_cb (GtkDropDown         *dropdown,
                  GParamSpec          *pspec,
                  NhsCatalogInspector *self)
{
  commit_source (self, source_field_of (self, dropdown));
}

/* }}} */
/* Building {{{ */

static const char * const group_labels[NHS_GROUP_FIELD_N] = {
  N_("_Name"), N_("_Short name"), N_("C_olour"),
};

static void
rebuild_groups (NhsCatalogInspector *self)
{
  NhsDataset *ds = self->document ? nhs_document_get_dataset (self->document) : NULL;
  GListModel *groups = ds ? nhs_dataset_get_groups (ds) : NULL;
  GtkWidget *child;
  int r = 0;

  while ((child = gtk_widget_get_first_child (self->groups_grid)) != NULL)
    gtk_grid_remove (GTK_GRID (self->groups_grid), child);
  g_array_set_size (self->group_rows, 0);
  for (guint i = 0; groups && i < g_list_model_get_n_items (groups); i++)
    {
      GroupRow row = { 0 };
      GtkWidget *heading, *color_box;

      row.group = g_list_model_get_item (groups, i);
      heading = gtk_label_new (nhs_group_get_id (row.group));
      gtk_label_set_xalign (GTK_LABEL (heading), 0);
      gtk_widget_add_css_class (heading, "dim-label");
      gtk_widget_add_css_class (heading, "caption");
      gtk_widget_set_margin_top (heading, i ? 6 : 0);
      gtk_grid_attach (GTK_GRID (self->groups_grid), heading, 0, r++, 2, 1);

      for (guint f = 0; f < NHS_GROUP_FIELD_N; f++)
        {
          g_autofree char *name = NULL;
          GtkWidget *field;

          row.widgets[f] = nhs_item_fields_entry_new (G_CALLBACK (group_entry_commit_cb), self);
          field = row.widgets[f];
          if (f == NHS_GROUP_FIELD_COLOR)
            {
              gtk_entry_set_max_length (GTK_ENTRY (row.widgets[f]), 7);
              gtk_editable_set_width_chars (GTK_EDITABLE (row.widgets[f]), 8);
              G_GNUC_BEGIN_IGNORE_DEPRECATIONS
              row.color_button = gtk_color_button_new ();
              gtk_color_chooser_set_use_alpha (GTK_COLOR_CHOOSER (row.color_button), FALSE);
              G_GNUC_END_IGNORE_DEPRECATIONS
              /* Translators: the button that opens a colour chooser for a group's colour */
              name = g_strdup_printf (_("Pick the colour of %s"), nhs_group_get_name (row.group));
              gtk_widget_set_tooltip_text (row.color_button, name);
              gtk_accessible_update_property (GTK_ACCESSIBLE (row.color_button),
                                              GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
              g_signal_connect_object (row.color_button, "color-set", G_CALLBACK (color_set_cb), self, 0);
              color_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
              gtk_box_append (GTK_BOX (color_box), row.widgets[f]);
              gtk_box_append (GTK_BOX (color_box), row.color_button);
              field = color_box;
            }
          row.messages[f] = nhs_item_fields_add_row (GTK_GRID (self->groups_grid), &r, _(group_labels[f]), field);
          if (field != row.widgets[f])
            {
              gtk_label_set_mnemonic_widget (GTK_LABEL (gtk_grid_get_child_at (GTK_GRID (self->groups_grid), 0, r - 2)),
                                             row.widgets[f]);
              gtk_accessible_update_relation (GTK_ACCESSIBLE (row.widgets[f]),
                                              GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, row.messages[f], NULL, -1);
            }
          /* "Name of Consultants": there is one field of each name per group */
          g_free (name);
          {
            g_autofree char *plain = g_strdup (_(group_labels[f]));
            char *u = strchr (plain, '_');
            if (u != NULL)
              memmove (u, u + 1, strlen (u));
            /* Translators: a group's field for screen readers, "Colour of Consultants" */
            name = g_strdup_printf (C_("group field", "%s of %s"), plain, nhs_group_get_name (row.group));
          }
          gtk_accessible_update_property (GTK_ACCESSIBLE (row.widgets[f]),
                                          GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
        }
      g_array_append_val (self->group_rows, row);
    }
  if (self->document != NULL)
    refill_groups (self);
}

/* "Title · Publisher" */
static char *
title_line (const char *title,
            const char *publisher)
{
  return publisher ? g_strdup_printf ("%s · %s", title, publisher) : g_strdup (title);
}

static char *
source_line (gpointer item)
{
  return title_line (nhs_source_get_title (item), nhs_source_get_publisher (item));
}

static char *
article_line (gpointer item)
{
  return title_line (nhs_article_get_title (item), nhs_article_get_publisher (item));
}

static void
article_selected_cb (NhsCatalogInspector *self)
{
  nhs_item_fields_set_message (self->article_message, NULL);
  gtk_widget_set_sensitive (self->delete_article_button,
                            self->document != NULL && gtk_single_selection_get_selected_item (self->articles) != NULL);
}

/* Refused, in plain words, when something cites the article */
static void
delete_article_cb (NhsCatalogInspector *self)
{
  NhsArticle *article = gtk_single_selection_get_selected_item (self->articles);
  g_autoptr(GError) error = NULL;

  if (self->document == NULL || article == NULL)
    return;
  if (!nhs_document_delete_article (self->document, article, &error))
    nhs_item_fields_set_message (self->article_message, error->message);
}

static GtkWidget *
list_in_frame (GtkSingleSelection *selection,
               NhsItemLineFunc     line,
               const char         *name)
{
  GtkWidget *list_view, *scrolled;

  list_view = gtk_list_view_new (GTK_SELECTION_MODEL (g_object_ref (selection)), nhs_item_fields_line_factory (line));
  gtk_accessible_update_property (GTK_ACCESSIBLE (list_view), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  nhs_focus_list_one_tab_stop (list_view);
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), 120);
  gtk_scrolled_window_set_has_frame (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), list_view);
  return scrolled;
}

static void
selection_changed_cb (NhsCatalogInspector *self)
{
  g_set_object (&self->source, gtk_single_selection_get_selected_item (self->selection));
  refill_source (self);
}

static void
document_changed_cb (NhsCatalogInspector *self)
{
  refill_groups (self);
  refill_source (self);
}

static GtkWidget *
heading (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  return label;
}

/* }}} */
/* GObject {{{ */

static void
nhs_catalog_inspector_dispose (GObject *object)
{
  NhsCatalogInspector *self = NHS_CATALOG_INSPECTOR (object);
  GtkWidget *child;

  nhs_catalog_inspector_set_document (self, NULL);
  g_clear_object (&self->document_signals);
  g_clear_object (&self->source);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->selection);
  g_clear_object (&self->articles);
  G_OBJECT_CLASS (nhs_catalog_inspector_parent_class)->dispose (object);
}

static void
nhs_catalog_inspector_finalize (GObject *object)
{
  NhsCatalogInspector *self = NHS_CATALOG_INSPECTOR (object);

  g_clear_pointer (&self->group_rows, g_array_unref);
  G_OBJECT_CLASS (nhs_catalog_inspector_parent_class)->finalize (object);
}

static void
nhs_catalog_inspector_class_init (NhsCatalogInspectorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = nhs_catalog_inspector_dispose;
  object_class->finalize = nhs_catalog_inspector_finalize;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "catalog-inspector");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
nhs_catalog_inspector_init (NhsCatalogInspector *self)
{
  static const char * const source_labels[NHS_SOURCE_FIELD_N] = {
    N_("_Title"), N_("_Publisher"), N_("_Address"), N_("_Date"), N_("_Kind"),
  };
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  GtkWidget *outer, *box, *scrolled, *list_view, *list_label, *grid;
  int r = 0;

  self->document_signals = g_signal_group_new (NHS_TYPE_DOCUMENT);
  g_signal_group_connect_swapped (self->document_signals, "changed", G_CALLBACK (document_changed_cb), self);
  self->group_rows = g_array_new (FALSE, TRUE, sizeof (GroupRow));
  g_array_set_clear_func (self->group_rows, group_row_clear);
  for (guint i = 0; i < G_N_ELEMENTS (kind_labels); i++)
    gtk_string_list_append (kinds, _(kind_labels[i]));

  outer = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (outer), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_parent (outer, GTK_WIDGET (self));
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (outer), box);

  gtk_box_append (GTK_BOX (box), heading (_("Groups")));
  self->groups_grid = gtk_grid_new ();
  gtk_grid_set_row_spacing (GTK_GRID (self->groups_grid), 6);
  gtk_grid_set_column_spacing (GTK_GRID (self->groups_grid), 12);
  gtk_box_append (GTK_BOX (box), self->groups_grid);

  list_label = gtk_label_new_with_mnemonic (_("So_urces"));
  gtk_label_set_xalign (GTK_LABEL (list_label), 0);
  gtk_widget_add_css_class (list_label, "heading");
  gtk_widget_set_margin_top (list_label, 12);
  gtk_box_append (GTK_BOX (box), list_label);
  self->selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_object (self->selection, "notify::selected-item", G_CALLBACK (selection_changed_cb),
                           self, G_CONNECT_SWAPPED);
  list_view = gtk_list_view_new (GTK_SELECTION_MODEL (g_object_ref (self->selection)),
                                 nhs_item_fields_line_factory (source_line));
  gtk_accessible_update_property (GTK_ACCESSIBLE (list_view), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Sources"), -1);
  gtk_label_set_mnemonic_widget (GTK_LABEL (list_label), list_view);
  nhs_focus_list_one_tab_stop (list_view);
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), 160);
  gtk_scrolled_window_set_has_frame (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), list_view);
  gtk_box_append (GTK_BOX (box), scrolled);

  self->source_heading = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->source_heading, 0);
  gtk_label_set_selectable (self->source_heading, TRUE);
  gtk_label_set_ellipsize (self->source_heading, PANGO_ELLIPSIZE_MIDDLE);
  gtk_widget_add_css_class (GTK_WIDGET (self->source_heading), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (self->source_heading), "caption");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->source_heading));

  grid = gtk_grid_new ();
  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  self->source_fields = grid;
  gtk_box_append (GTK_BOX (box), grid);
  for (guint f = 0; f < NHS_SOURCE_FIELD_N; f++)
    {
      if (f == NHS_SOURCE_FIELD_KIND)
        {
          g_autofree char *plain = g_strdup (_(source_labels[f]));
          char *u = strchr (plain, '_');

          if (u != NULL)
            memmove (u, u + 1, strlen (u));
          self->source_widgets[f] = gtk_drop_down_new (g_object_ref (G_LIST_MODEL (kinds)), NULL);
          g_signal_connect_object (self->source_widgets[f], "notify::selected", G_CALLBACK (kind_selected_cb), self, 0);
          nhs_a11y_name_drop_down (GTK_DROP_DOWN (self->source_widgets[f]), plain);
        }
      else
        self->source_widgets[f] = nhs_item_fields_entry_new (G_CALLBACK (source_entry_commit_cb), self);
      self->source_messages[f] = nhs_item_fields_add_row (GTK_GRID (grid), &r, _(source_labels[f]),
                                                          self->source_widgets[f]);
    }
  gtk_entry_set_placeholder_text (GTK_ENTRY (self->source_widgets[NHS_SOURCE_FIELD_PUBLISHED]),
                                  _("24 Feb 2024, 2024-02-24, 24/02/2024"));
  refill_source (self);

  /* articles: only deleted here (one that nothing cites) */
  {
    GtkWidget *articles_label = gtk_label_new_with_mnemonic (_("_Articles"));
    GtkWidget *frame;

    gtk_label_set_xalign (GTK_LABEL (articles_label), 0);
    gtk_widget_add_css_class (articles_label, "heading");
    gtk_widget_set_margin_top (articles_label, 12);
    gtk_box_append (GTK_BOX (box), articles_label);
    self->articles = gtk_single_selection_new (NULL);
    gtk_single_selection_set_autoselect (self->articles, FALSE);
    gtk_single_selection_set_can_unselect (self->articles, TRUE);
    g_signal_connect_object (self->articles, "notify::selected-item", G_CALLBACK (article_selected_cb),
                             self, G_CONNECT_SWAPPED);
    frame = list_in_frame (self->articles, article_line, _("Articles"));
    gtk_label_set_mnemonic_widget (GTK_LABEL (articles_label), gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (frame)));
    gtk_box_append (GTK_BOX (box), frame);
    self->delete_article_button = gtk_button_new_with_mnemonic (_("Delete A_rticle"));
    gtk_widget_set_halign (self->delete_article_button, GTK_ALIGN_START);
    gtk_widget_set_tooltip_text (self->delete_article_button, _("Delete the selected article, if nothing cites it"));
    g_signal_connect_object (self->delete_article_button, "clicked", G_CALLBACK (delete_article_cb),
                             self, G_CONNECT_SWAPPED);
    gtk_box_append (GTK_BOX (box), self->delete_article_button);
    self->article_message = GTK_LABEL (gtk_label_new (NULL));
    gtk_label_set_xalign (self->article_message, 0);
    gtk_label_set_wrap (self->article_message, TRUE);
    gtk_label_set_wrap_mode (self->article_message, PANGO_WRAP_WORD_CHAR);
    gtk_widget_add_css_class (GTK_WIDGET (self->article_message), "error");
    gtk_widget_set_visible (GTK_WIDGET (self->article_message), FALSE);
    gtk_accessible_update_relation (GTK_ACCESSIBLE (self->delete_article_button),
                                    GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, self->article_message, NULL, -1);
    gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->article_message));
    article_selected_cb (self);
  }
}

/* }}} */
/* Public API {{{ */

GtkWidget *
nhs_catalog_inspector_new (void)
{
  return g_object_new (NHS_TYPE_CATALOG_INSPECTOR, NULL);
}

void
nhs_catalog_inspector_set_document (NhsCatalogInspector *self,
                                    NhsDocument         *document)
{
  g_return_if_fail (NHS_IS_CATALOG_INSPECTOR (self));
  g_return_if_fail (document == NULL || NHS_IS_DOCUMENT (document));

  if (self->document == document)
    return;
  g_set_object (&self->document, document);
  g_signal_group_set_target (self->document_signals, document);
  rebuild_groups (self);
  gtk_single_selection_set_model (self->selection,
                                  document ? nhs_dataset_get_sources (nhs_document_get_dataset (document)) : NULL);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  selection_changed_cb (self);
  gtk_single_selection_set_model (self->articles,
                                  document ? nhs_dataset_get_articles (nhs_document_get_dataset (document)) : NULL);
  gtk_single_selection_set_selected (self->articles, GTK_INVALID_LIST_POSITION);
  article_selected_cb (self);
}

void
nhs_catalog_inspector_set_source (NhsCatalogInspector *self,
                                  NhsSource           *source)
{
  g_return_if_fail (NHS_IS_CATALOG_INSPECTOR (self));

  nhs_item_fields_select (self->selection, source);
}

GtkWidget *
nhs_catalog_inspector_get_group_widget (NhsCatalogInspector *self,
                                        guint                index,
                                        NhsGroupField        field)
{
  g_return_val_if_fail (NHS_IS_CATALOG_INSPECTOR (self), NULL);
  g_return_val_if_fail (field < NHS_GROUP_FIELD_N, NULL);
  if (index >= self->group_rows->len)
    return NULL;
  return g_array_index (self->group_rows, GroupRow, index).widgets[field];
}

const char *
nhs_catalog_inspector_get_group_message (NhsCatalogInspector *self,
                                         guint                index,
                                         NhsGroupField        field)
{
  GtkLabel *label;

  g_return_val_if_fail (NHS_IS_CATALOG_INSPECTOR (self), NULL);
  g_return_val_if_fail (field < NHS_GROUP_FIELD_N, NULL);
  if (index >= self->group_rows->len)
    return NULL;
  label = g_array_index (self->group_rows, GroupRow, index).messages[field];
  return gtk_widget_get_visible (GTK_WIDGET (label)) ? gtk_label_get_label (label) : NULL;
}

GtkWidget *
nhs_catalog_inspector_get_source_widget (NhsCatalogInspector *self,
                                         NhsSourceField       field)
{
  g_return_val_if_fail (NHS_IS_CATALOG_INSPECTOR (self), NULL);
  g_return_val_if_fail (field < NHS_SOURCE_FIELD_N, NULL);
  return self->source_widgets[field];
}

/* Selects the article and presses Delete Article; what it says when it
 * refuses, or NULL */
const char *
nhs_catalog_inspector_delete_article (NhsCatalogInspector *self,
                                      NhsArticle          *article)
{
  GListModel *articles;

  g_return_val_if_fail (NHS_IS_CATALOG_INSPECTOR (self), NULL);

  articles = gtk_single_selection_get_model (self->articles);
  for (guint i = 0; articles && i < g_list_model_get_n_items (articles); i++)
    {
      g_autoptr(NhsArticle) item = g_list_model_get_item (articles, i);
      if (item == article)
        gtk_single_selection_set_selected (self->articles, i);
    }
  g_signal_emit_by_name (self->delete_article_button, "clicked");
  return gtk_widget_get_visible (GTK_WIDGET (self->article_message)) ? gtk_label_get_label (self->article_message) : NULL;
}

const char *
nhs_catalog_inspector_get_source_message (NhsCatalogInspector *self,
                                          NhsSourceField       field)
{
  g_return_val_if_fail (NHS_IS_CATALOG_INSPECTOR (self), NULL);
  g_return_val_if_fail (field < NHS_SOURCE_FIELD_N, NULL);
  return gtk_widget_get_visible (GTK_WIDGET (self->source_messages[field]))
         ? gtk_label_get_label (self->source_messages[field]) : NULL;
}

/* }}} */
