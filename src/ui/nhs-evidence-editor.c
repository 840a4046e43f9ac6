/* nhs-evidence-editor.c: the evidence of an event or a figure, to remove,
 * reorder and add to
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One row a piece of evidence: what it cites (the article's or the
 * source's title) and the quote, shortened, with buttons to move it up or
 * down and to remove it; on the row itself, Alt+Up, Alt+Down and Delete do
 * the same. "Add Source Citation…" opens a small form (a window of its
 * own: Enter adds, Escape closes). Every change is a
 * step of the document (nhs-document-evidence.h), which checks it by the
 * loader's rules; the list is built again from the item after each, and
 * the focus put back on the row the keyboard was on.
 */
#define G_LOG_DOMAIN "nhs-evidence-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "nhs-document-evidence.h"
#include "nhs-evidence-editor.h"
#include "nhs-focus.h"

/* how much of a quote a row shows, in characters */
#define QUOTE_CHARS 90

struct _NhsEvidenceEditor
{
  GtkWidget parent_instance;

  NhsDocument *document;
  GSignalGroup *document_signals;
  GObject *item;
  GPtrArray *source_ids;        /* char *, the drop-down's items */
  char *rows_key;               /* what the rows show, to make them only when it changes */

  GtkWidget *box;
  GtkListBox *list;
  GtkLabel *empty_label;
  GtkLabel *message_label;
  GtkWidget *add_button;
  GtkWindow *form;              /* made at first use, hidden when closed */
  GtkDropDown *source_drop_down;
  GtkEntry *note_entry;
  GtkLabel *form_message;
};

G_DEFINE_FINAL_TYPE (NhsEvidenceEditor, nhs_evidence_editor, GTK_TYPE_WIDGET)

/* Auxiliary functions {{{ */

static GPtrArray *
item_evidence (GObject *item)
{
  if (NHS_IS_EVENT (item))
    return nhs_event_get_evidence (NHS_EVENT (item));
  if (NHS_IS_FIGURE (item))
    return nhs_figure_get_evidence (NHS_FIGURE (item));
  return NULL;
}

/* The first words of text, on one line, "…" where it was cut */
static char *
shorten (const char *text)
{
  g_autofree char *line = g_strdup (text);
  GString *out;

  g_strdelimit (line, "\n\r\t", ' ');
  g_strstrip (line);
  if (g_utf8_strlen (line, -1) <= QUOTE_CHARS)
    return g_steal_pointer (&line);
  out = g_string_new_len (line, g_utf8_offset_to_pointer (line, QUOTE_CHARS - 1) - line);
  g_string_append (out, "…");
  return g_string_free (out, FALSE);
}

static void
show_message (NhsEvidenceEditor *self,
              const char        *message)
{
  gtk_label_set_label (self->message_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), message != NULL);
}

static GtkWidget *
row_button (const char *icon,
            const char *label,
            const char *action,
            guint       index,
            gboolean    enabled)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  /* an action would make the button sensitive again */
  if (enabled)
    {
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "u", index);
    }
  else
    gtk_widget_set_sensitive (button, FALSE);
  /* the row is the keyboard's stop; its keys do what the buttons do */
  gtk_widget_set_focus_on_click (button, FALSE);
  return button;
}

static GtkWidget *
make_row (NhsEvidenceEditor *self,
          NhsEvidence       *ev,
          guint              index,
          guint              n)
{
  NhsArticle *article = nhs_evidence_get_article (ev);
  NhsSource *source = nhs_evidence_get_source (ev);
  const char *title = article ? nhs_article_get_title (article)
                              : source ? nhs_source_get_title (source) : NULL;
  const char *quote = nhs_evidence_get_quote (ev);
  const char *note = nhs_evidence_get_note (ev);
  g_autofree char *cut = NULL, *shown = NULL, *name = NULL;
  GtkWidget *row, *hbox, *vbox, *label, *button;

  if (title == NULL)
    title = _("Unknown source");
  /* the quote, or what a source citation's note says */
  cut = shorten (quote && *quote ? quote : note ? note : "");
  /* Translators: a quote shown in the evidence list, in quotation marks */
  shown = quote && *quote ? g_strdup_printf (_("“%s”"), cut) : g_steal_pointer (&cut);

  row = gtk_list_box_row_new ();
  /* the title and the buttons on one line, the quote the whole width below */
  vbox = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  hbox = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_set_margin_top (vbox, 2);
  gtk_widget_set_margin_bottom (vbox, 6);
  gtk_widget_set_margin_start (vbox, 6);
  gtk_widget_set_margin_end (vbox, 2);

  /* plain text: titles and quotes come from the dataset */
  label = gtk_label_new (title);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_add_css_class (label, "heading");
  gtk_box_append (GTK_BOX (hbox), label);

  button = row_button ("go-up-symbolic", _("Move Up"), "evidence.move-up", index, index > 0);
  gtk_box_append (GTK_BOX (hbox), button);
  button = row_button ("go-down-symbolic", _("Move Down"), "evidence.move-down", index, index + 1 < n);
  gtk_box_append (GTK_BOX (hbox), button);
  button = row_button ("user-trash-symbolic", _("Remove Evidence"), "evidence.remove", index, TRUE);
  gtk_box_append (GTK_BOX (hbox), button);
  gtk_box_append (GTK_BOX (vbox), hbox);

  if (*shown != '\0')
    {
      label = gtk_label_new (shown);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_lines (GTK_LABEL (label), 3);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_box_append (GTK_BOX (vbox), label);
    }

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), vbox);
  /* Translators: a row of the evidence list for screen readers: "Evidence
   * 2 of 3: BMA notice, “…”" */
  name = g_strdup_printf (_("Evidence %u of %u: %s, %s"), index + 1, n, title, shown);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  _("Alt+Up and Alt+Down move it, Delete removes it"), -1);
  /* the quote whole, which the row shortens */
  gtk_widget_set_tooltip_text (row, quote && *quote ? quote : note && *note ? note : title);
  return row;
}

/* What the rows show of the evidence: its articles or sources, quotes and
 * notes, in order */
static char *
rows_key (GPtrArray *evidence)
{
  GString *key = g_string_new (NULL);

  for (guint i = 0; evidence && i < evidence->len; i++)
    {
      NhsEvidence *ev = g_ptr_array_index (evidence, i);
      NhsArticle *article = nhs_evidence_get_article (ev);
      NhsSource *source = nhs_evidence_get_source (ev);

      g_string_append_printf (key, "%s\x1f%s\x1f%s\x1f%s\x1e",
                              article ? nhs_article_get_title (article) : "",
                              source ? nhs_source_get_title (source) : "",
                              nhs_evidence_get_quote (ev) ? nhs_evidence_get_quote (ev) : "",
                              nhs_evidence_get_note (ev) ? nhs_evidence_get_note (ev) : "");
    }
  return g_string_free (key, FALSE);
}

static void
refill (NhsEvidenceEditor *self)
{
  GPtrArray *evidence = item_evidence (self->item);
  GtkWidget *child;
  guint n = evidence ? evidence->len : 0;
  g_autofree char *key = rows_key (evidence);

  /* every edit comes here: the rows are made again only when what they
   * show changed (their buttons name the evidence by its place) */
  if (g_strcmp0 (key, self->rows_key) == 0)
    return;
  g_free (self->rows_key);
  self->rows_key = g_steal_pointer (&key);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  for (guint i = 0; i < n; i++)
    gtk_list_box_append (self->list, make_row (self, g_ptr_array_index (evidence, i), i, n));
}

static void
update (NhsEvidenceEditor *self)
{
  GPtrArray *evidence = item_evidence (self->item);
  guint n = evidence ? evidence->len : 0;

  refill (self);
  gtk_widget_set_visible (GTK_WIDGET (self->list), n > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->empty_label), self->item != NULL && n == 0);
  gtk_widget_set_sensitive (self->box, self->item != NULL && self->document != NULL);
}

static void
focus_row (NhsEvidenceEditor *self,
           guint              index)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->list, index);

  if (row != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (row));
  else
    gtk_widget_grab_focus (self->add_button);
}

static gboolean
move (NhsEvidenceEditor *self,
      guint              from,
      guint              to)
{
  g_autoptr(GError) error = NULL;

  show_message (self, NULL);
  if (self->document == NULL || self->item == NULL)
    return FALSE;
  if (!nhs_document_move_evidence (self->document, self->item, from, to, &error))
    {
      show_message (self, error->message);
      return FALSE;
    }
  focus_row (self, to);
  return TRUE;
}

static void
remove_at (NhsEvidenceEditor *self,
           guint              index)
{
  g_autoptr(GError) error = NULL;
  guint n;

  show_message (self, NULL);
  if (self->document == NULL || self->item == NULL)
    return;
  if (!nhs_document_remove_evidence (self->document, self->item, index, &error))
    {
      show_message (self, error->message);
      return;
    }
  n = item_evidence (self->item) ? item_evidence (self->item)->len : 0;
  focus_row (self, MIN (index, n ? n - 1 : 0));
}

/* The sources to choose from, in the dataset's order */
static void
fill_sources (NhsEvidenceEditor *self)
{
  g_autoptr(GtkStringList) titles = gtk_string_list_new (NULL);
  GListModel *sources;

  g_ptr_array_set_size (self->source_ids, 0);
  if (self->document != NULL)
    {
      sources = nhs_dataset_get_sources (nhs_document_get_dataset (self->document));
      for (guint i = 0; i < g_list_model_get_n_items (sources); i++)
        {
          g_autoptr(NhsSource) source = g_list_model_get_item (sources, i);

          gtk_string_list_append (titles, nhs_source_get_title (source));
          g_ptr_array_add (self->source_ids, g_strdup (nhs_source_get_id (source)));
        }
    }
  gtk_drop_down_set_model (self->source_drop_down, G_LIST_MODEL (titles));
}

/* }}} */
/* Callbacks {{{ */

static void
changed_cb (NhsEvidenceEditor *self)
{
  g_assert (NHS_IS_EVIDENCE_EDITOR (self));

  /* the item can be taken out of the dataset (undoing its addition): the
   * inspector then shows another, and this one's list goes stale only
   * until then */
  update (self);
}

static gboolean
list_key_pressed_cb (GtkEventControllerKey *controller,
                     guint                  keyval,
                     guint                  keycode,
                     GdkModifierType        state,
                     NhsEvidenceEditor     *self)
{
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (self)));
  GtkWidget *row = focus ? gtk_widget_get_ancestor (focus, GTK_TYPE_LIST_BOX_ROW) : NULL;
  GdkModifierType mods = state & gtk_accelerator_get_default_mod_mask ();
  guint index;

  if (row == NULL || gtk_widget_get_parent (row) != GTK_WIDGET (self->list))
    return GDK_EVENT_PROPAGATE;
  index = gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row));

  if (mods == GDK_ALT_MASK && (keyval == GDK_KEY_Up || keyval == GDK_KEY_KP_Up))
    {
      if (index > 0)
        move (self, index, index - 1);
      return GDK_EVENT_STOP;
    }
  if (mods == GDK_ALT_MASK && (keyval == GDK_KEY_Down || keyval == GDK_KEY_KP_Down))
    {
      GPtrArray *evidence = item_evidence (self->item);

      if (evidence && index + 1 < evidence->len)
        move (self, index, index + 1);
      return GDK_EVENT_STOP;
    }
  if (mods == 0 && (keyval == GDK_KEY_Delete || keyval == GDK_KEY_KP_Delete))
    {
      remove_at (self, index);
      return GDK_EVENT_STOP;
    }
  return GDK_EVENT_PROPAGATE;
}

static GtkWidget *make_form (NhsEvidenceEditor *self);

/* A small window rather than a popover: the form is the same, and a
 * window opens wherever the inspector is (GTK 4.8 places no popover
 * under an X server without a window manager) */
static void
show_form_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  NhsEvidenceEditor *self = NHS_EVIDENCE_EDITOR (widget);
  GtkRoot *root = gtk_widget_get_root (widget);

  if (self->document == NULL || self->item == NULL)
    return;
  if (self->form == NULL)
    {
      GtkShortcutController *keys;

      self->form = GTK_WINDOW (gtk_window_new ());
      gtk_window_set_title (self->form, _("Add Source Citation"));
      gtk_window_set_modal (self->form, TRUE);
      gtk_window_set_resizable (self->form, FALSE);
      gtk_window_set_hide_on_close (self->form, TRUE);
      make_form (self);
      keys = GTK_SHORTCUT_CONTROLLER (gtk_shortcut_controller_new ());
      gtk_shortcut_controller_add_shortcut (keys, gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape, 0),
                                                                    gtk_named_action_new ("window.close")));
      gtk_widget_add_controller (GTK_WIDGET (self->form), GTK_EVENT_CONTROLLER (keys));
    }
  gtk_window_set_transient_for (self->form, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL);
  fill_sources (self);
  gtk_editable_set_text (GTK_EDITABLE (self->note_entry), "");
  gtk_label_set_label (self->form_message, "");
  gtk_widget_set_visible (GTK_WIDGET (self->form_message), FALSE);
  gtk_window_present (self->form);
  gtk_widget_grab_focus (GTK_WIDGET (self->source_drop_down));
}

/* the form is a window of its own, outside this widget: its button calls
 * this rather than an action of ours, which it would not find */
static void
add_clicked_cb (NhsEvidenceEditor *self)
{
  guint selected = gtk_drop_down_get_selected (self->source_drop_down);
  const char *source_id = selected < self->source_ids->len ? g_ptr_array_index (self->source_ids, selected) : NULL;
  g_autofree char *note = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->note_entry))));
  g_autoptr(GError) error = NULL;
  GPtrArray *evidence;

  if (self->document == NULL || self->item == NULL)
    return;
  if (!nhs_document_cite_source (self->document, self->item, source_id, NULL, note, &error))
    {
      /* the loader's words, and the form stays for another try */
      gtk_label_set_label (self->form_message, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->form_message), TRUE);
      return;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->form_message), FALSE);
  gtk_window_close (self->form);
  evidence = item_evidence (self->item);
  focus_row (self, evidence && evidence->len ? evidence->len - 1 : 0);
}

static void
row_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  NhsEvidenceEditor *self = NHS_EVIDENCE_EDITOR (widget);
  guint index = g_variant_get_uint32 (parameter);

  if (g_str_equal (action_name, "evidence.remove"))
    remove_at (self, index);
  else if (g_str_equal (action_name, "evidence.move-up") && index > 0)
    move (self, index, index - 1);
  else if (g_str_equal (action_name, "evidence.move-down"))
    move (self, index, index + 1);
}

/* }}} */
/* GObject overrides {{{ */

static void
nhs_evidence_editor_dispose (GObject *object)
{
  NhsEvidenceEditor *self = NHS_EVIDENCE_EDITOR (object);

  nhs_evidence_editor_set_document (self, NULL);
  g_clear_object (&self->document_signals);
  g_clear_object (&self->item);
  if (self->form != NULL)
    gtk_window_destroy (self->form);
  self->form = NULL;
  g_clear_pointer (&self->box, gtk_widget_unparent);
  G_OBJECT_CLASS (nhs_evidence_editor_parent_class)->dispose (object);
}

static void
nhs_evidence_editor_finalize (GObject *object)
{
  NhsEvidenceEditor *self = NHS_EVIDENCE_EDITOR (object);

  g_clear_pointer (&self->source_ids, g_ptr_array_unref);
  g_clear_pointer (&self->rows_key, g_free);
  G_OBJECT_CLASS (nhs_evidence_editor_parent_class)->finalize (object);
}

/* }}} */
/* Class {{{ */

static void
nhs_evidence_editor_class_init (NhsEvidenceEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = nhs_evidence_editor_dispose;
  object_class->finalize = nhs_evidence_editor_finalize;

  gtk_widget_class_install_action (widget_class, "evidence.remove", "u", row_action);
  gtk_widget_class_install_action (widget_class, "evidence.move-up", "u", row_action);
  gtk_widget_class_install_action (widget_class, "evidence.move-down", "u", row_action);
  gtk_widget_class_install_action (widget_class, "evidence.show-form", NULL, show_form_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "evidence-editor");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static GtkWidget *
make_form (NhsEvidenceEditor *self)
{
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *label, *add, *cancel, *buttons;
  g_autoptr(GtkExpression) expression = NULL;

  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 6);

  self->source_drop_down = GTK_DROP_DOWN (gtk_drop_down_new (NULL, NULL));
  expression = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");
  gtk_drop_down_set_expression (self->source_drop_down, expression);
  gtk_drop_down_set_enable_search (self->source_drop_down, TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (self->source_drop_down), TRUE);
  gtk_widget_set_size_request (GTK_WIDGET (self->source_drop_down), 280, -1);
  nhs_a11y_name_drop_down (self->source_drop_down, _("Source"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->source_drop_down), _("The source the evidence cites"));
  label = gtk_label_new_with_mnemonic (_("_Source"));
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), GTK_WIDGET (self->source_drop_down));
  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_grid_attach (GTK_GRID (grid), label, 0, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), GTK_WIDGET (self->source_drop_down), 1, 0, 1, 1);

  self->note_entry = GTK_ENTRY (gtk_entry_new ());
  gtk_entry_set_activates_default (self->note_entry, TRUE);
  gtk_entry_set_placeholder_text (self->note_entry, _("Optional"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->note_entry), _("What the source says, in your words"));
  label = gtk_label_new_with_mnemonic (_("_Note"));
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), GTK_WIDGET (self->note_entry));
  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_grid_attach (GTK_GRID (grid), label, 0, 1, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), GTK_WIDGET (self->note_entry), 1, 1, 1, 1);

  self->form_message = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->form_message, TRUE);
  gtk_label_set_xalign (self->form_message, 0);
  gtk_label_set_max_width_chars (self->form_message, 40);
  gtk_widget_add_css_class (GTK_WIDGET (self->form_message), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->form_message), FALSE);
  gtk_grid_attach (GTK_GRID (grid), GTK_WIDGET (self->form_message), 1, 2, 1, 1);

  buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_halign (buttons, GTK_ALIGN_END);
  cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  gtk_widget_set_tooltip_text (cancel, _("Close the form without adding (Escape)"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (cancel), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Cancel"), -1);
  g_signal_connect_object (cancel, "clicked", G_CALLBACK (gtk_window_close), self->form, G_CONNECT_SWAPPED);
  add = gtk_button_new_with_mnemonic (_("_Add"));
  gtk_widget_add_css_class (add, "suggested-action");
  gtk_widget_set_tooltip_text (add, _("Add the citation to the evidence (Enter)"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (add), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Add"), -1);
  g_signal_connect_object (add, "clicked", G_CALLBACK (add_clicked_cb), self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (buttons), cancel);
  gtk_box_append (GTK_BOX (buttons), add);
  gtk_grid_attach (GTK_GRID (grid), buttons, 0, 3, 2, 1);

  gtk_widget_set_margin_top (grid, 12);
  gtk_widget_set_margin_bottom (grid, 12);
  gtk_widget_set_margin_start (grid, 12);
  gtk_widget_set_margin_end (grid, 12);
  gtk_window_set_child (self->form, grid);
  gtk_window_set_default_widget (self->form, add);
  return grid;
}

static void
nhs_evidence_editor_init (NhsEvidenceEditor *self)
{
  GtkEventController *keys;
  GtkWidget *heading;

  self->document_signals = g_signal_group_new (NHS_TYPE_DOCUMENT);
  g_signal_group_connect_swapped (self->document_signals, "changed", G_CALLBACK (changed_cb), self);
  self->source_ids = g_ptr_array_new_with_free_func (g_free);

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  heading = gtk_label_new (_("Evidence"));
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "heading");
  gtk_box_append (GTK_BOX (self->box), heading);

  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_list_box_set_show_separators (self->list, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "frame");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Evidence"), -1);
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->list));
  keys = gtk_event_controller_key_new ();
  /* before the list's own keys, which move between rows */
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (list_key_pressed_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self->list), keys);

  self->empty_label = GTK_LABEL (gtk_label_new (_("No evidence yet: cite a selection of an article or add a source citation")));
  gtk_label_set_xalign (self->empty_label, 0);
  gtk_label_set_wrap (self->empty_label, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->empty_label), "dim-label");
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->empty_label));

  self->message_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->message_label, 0);
  gtk_label_set_wrap (self->message_label, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->message_label), "error");
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->message_label));
  show_message (self, NULL);

  self->add_button = gtk_button_new_with_mnemonic (_("Add _Source Citation…"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->add_button), "evidence.show-form");
  gtk_widget_set_halign (self->add_button, GTK_ALIGN_START);
  gtk_widget_set_tooltip_text (self->add_button, _("Cite one of the dataset’s sources as evidence"));
  /* GTK 4.8 gives screen readers a mnemonic button's label with its "_" */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->add_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Add Source Citation…"), -1);
  gtk_box_append (GTK_BOX (self->box), self->add_button);

  update (self);
}

/* }}} */
/* Public API {{{ */

GtkWidget *
nhs_evidence_editor_new (void)
{
  return g_object_new (NHS_TYPE_EVIDENCE_EDITOR, NULL);
}

void
nhs_evidence_editor_set_document (NhsEvidenceEditor *self,
                                  NhsDocument       *document)
{
  g_return_if_fail (NHS_IS_EVIDENCE_EDITOR (self));
  g_return_if_fail (document == NULL || NHS_IS_DOCUMENT (document));

  if (self->document == document)
    return;
  g_set_object (&self->document, document);
  g_signal_group_set_target (self->document_signals, document);
  update (self);
}

void
nhs_evidence_editor_set_item (NhsEvidenceEditor *self,
                              GObject           *item)
{
  g_return_if_fail (NHS_IS_EVIDENCE_EDITOR (self));
  g_return_if_fail (item == NULL || NHS_IS_EVENT (item) || NHS_IS_FIGURE (item));

  show_message (self, NULL);
  if (self->item == item)
    return;
  g_set_object (&self->item, item);
  update (self);
}

GtkListBox *
nhs_evidence_editor_get_list (NhsEvidenceEditor *self)
{
  g_return_val_if_fail (NHS_IS_EVIDENCE_EDITOR (self), NULL);
  return self->list;
}

GtkWidget *
nhs_evidence_editor_get_add_button (NhsEvidenceEditor *self)
{
  g_return_val_if_fail (NHS_IS_EVIDENCE_EDITOR (self), NULL);
  return self->add_button;
}

GtkWindow *
nhs_evidence_editor_get_form (NhsEvidenceEditor *self)
{
  g_return_val_if_fail (NHS_IS_EVIDENCE_EDITOR (self), NULL);
  return self->form;
}

GtkDropDown *
nhs_evidence_editor_get_source_drop_down (NhsEvidenceEditor *self)
{
  g_return_val_if_fail (NHS_IS_EVIDENCE_EDITOR (self), NULL);
  g_return_val_if_fail (self->form != NULL, NULL);
  return self->source_drop_down;
}

GtkEntry *
nhs_evidence_editor_get_note_entry (NhsEvidenceEditor *self)
{
  g_return_val_if_fail (NHS_IS_EVIDENCE_EDITOR (self), NULL);
  g_return_val_if_fail (self->form != NULL, NULL);
  return self->note_entry;
}

const char *
nhs_evidence_editor_get_message (NhsEvidenceEditor *self)
{
  g_return_val_if_fail (NHS_IS_EVIDENCE_EDITOR (self), NULL);
  if (self->form != NULL && gtk_widget_get_visible (GTK_WIDGET (self->form_message)))
    return gtk_label_get_label (self->form_message);
  if (gtk_widget_get_visible (GTK_WIDGET (self->message_label)))
    return gtk_label_get_label (self->message_label);
  return NULL;
}

/* }}} */
