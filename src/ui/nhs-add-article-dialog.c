/* nhs-add-article-dialog.c: Add Article, what was found, to check first
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The fields can be corrected freely: they are what the page says about
 * itself, and pages get them wrong. The paragraphs cannot: a paragraph is
 * kept as the page has it or left out whole, so a quote taken from the
 * article later is always the source's own words.
 */
#define G_LOG_DOMAIN "nhs-add-article-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "nhs-add-article-dialog.h"
#include "nhs-date-input.h"

struct _NhsAddArticleDialog
{
  GtkWindow parent_instance;

  /* template widgets */
  GtkLabel *source_label;
  GtkEntry *title_entry;
  GtkEntry *publisher_entry;
  GtkEntry *published_entry;
  GtkEntry *url_entry;
  GtkLabel *problem_label;
  GtkLabel *count_label;
  GtkListBox *paragraph_list;

  /* owned */
  GPtrArray *paragraphs;      /* char *, as found */
  GPtrArray *checks;          /* GtkCheckButton *, one a paragraph */
  char *shown_problem;        /* from set_problem, until a field changes */
};

G_DEFINE_FINAL_TYPE (NhsAddArticleDialog, nhs_add_article_dialog, GTK_TYPE_WINDOW)

enum {
  SIGNAL_ADD,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Auxiliary functions */

static guint
count_kept (NhsAddArticleDialog *self)
{
  guint n = 0;

  for (guint i = 0; i < self->checks->len; i++)
    n += gtk_check_button_get_active (g_ptr_array_index (self->checks, i));
  return n;
}

static const char *
entry_text (GtkEntry *entry)
{
  return gtk_editable_get_text (GTK_EDITABLE (entry));
}

/* The text without spaces at either end, or NULL when nothing is left */
static char *
trimmed (GtkEntry *entry)
{
  char *text = g_strstrip (g_strdup (entry_text (entry)));

  if (*text == '\0')
    g_clear_pointer (&text, g_free);
  return text;
}

/* The publication date as YYYY-MM-DD (NULL when none is typed), or FALSE
 * with the reason */
static gboolean
parse_published (NhsAddArticleDialog *self,
                 char               **out,
                 GError             **error)
{
  g_autofree char *text = trimmed (self->published_entry);
  g_autofree char *parsed = NULL;

  *out = NULL;
  if (text == NULL)
    return TRUE;
  parsed = nhs_date_input_parse (text, error);
  if (parsed == NULL)
    return FALSE;
  /* the day is what dates an article: a time given with it is dropped */
  *out = g_strndup (parsed, strcspn (parsed, "T"));
  return TRUE;
}

/* Why the article cannot be added as it stands, or NULL */
static char *
find_problem (NhsAddArticleDialog *self)
{
  g_autofree char *title = trimmed (self->title_entry);
  g_autofree char *published = NULL;
  g_autoptr(GError) error = NULL;

  if (title == NULL)
    return g_strdup (_("The article needs a title."));
  if (!parse_published (self, &published, &error))
    /* Translators: the reason the date cannot be read follows */
    return g_strdup_printf (_("The publication date cannot be read: %s"), error->message);
  if (count_kept (self) == 0)
    return g_strdup (_("Tick at least one paragraph to keep."));
  return NULL;
}

static void
update_state (NhsAddArticleDialog *self)
{
  g_autofree char *problem = find_problem (self);
  const char *shown = problem ? problem : self->shown_problem;
  guint kept = count_kept (self);
  /* Translators: how many paragraphs of the article are kept */
  g_autofree char *count = g_strdup_printf (ngettext ("%u of %u kept", "%u of %u kept", self->checks->len),
                                            kept, self->checks->len);

  gtk_label_set_text (self->count_label, count);
  gtk_label_set_text (self->problem_label, shown ? shown : "");
  gtk_widget_set_visible (GTK_WIDGET (self->problem_label), shown != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "add-article.add", problem == NULL);
}

static GtkWidget *
paragraph_row (NhsAddArticleDialog *self,
               const char          *text)
{
  GtkWidget *check = gtk_check_button_new ();
  GtkWidget *label = gtk_label_new (text);

  /* words from a page are plain text, never markup */
  gtk_label_set_use_markup (GTK_LABEL (label), FALSE);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_check_button_set_child (GTK_CHECK_BUTTON (check), label);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
  gtk_widget_set_margin_start (check, 6);
  gtk_widget_set_margin_end (check, 6);
  gtk_widget_set_margin_top (check, 4);
  gtk_widget_set_margin_bottom (check, 4);
  gtk_widget_set_tooltip_text (check, _("Keep this paragraph in the article"));
  g_signal_connect_object (check, "toggled", G_CALLBACK (update_state), self, G_CONNECT_SWAPPED);
  return check;
}

/* Callbacks */

static void
field_changed_cb (NhsAddArticleDialog *self)
{
  g_assert (NHS_IS_ADD_ARTICLE_DIALOG (self));

  g_clear_pointer (&self->shown_problem, g_free);
  update_state (self);
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  NhsAddArticleDialog *self = NHS_ADD_ARTICLE_DIALOG (widget);
  g_autofree char *problem = find_problem (self);

  if (problem != NULL)
    {
      update_state (self);
      return;
    }
  g_signal_emit (self, signals[SIGNAL_ADD], 0);
}

/* GObject overrides */

static void
nhs_add_article_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), NHS_TYPE_ADD_ARTICLE_DIALOG);
  G_OBJECT_CLASS (nhs_add_article_dialog_parent_class)->dispose (object);
}

static void
nhs_add_article_dialog_finalize (GObject *object)
{
  NhsAddArticleDialog *self = NHS_ADD_ARTICLE_DIALOG (object);

  g_clear_pointer (&self->paragraphs, g_ptr_array_unref);
  g_clear_pointer (&self->checks, g_ptr_array_unref);
  g_free (self->shown_problem);
  G_OBJECT_CLASS (nhs_add_article_dialog_parent_class)->finalize (object);
}

static void
nhs_add_article_dialog_class_init (NhsAddArticleDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = nhs_add_article_dialog_dispose;
  object_class->finalize = nhs_add_article_dialog_finalize;

  signals[SIGNAL_ADD] = g_signal_new ("add", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                      0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/NhsDispute/ui/nhs-add-article-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, NhsAddArticleDialog, source_label);
  gtk_widget_class_bind_template_child (widget_class, NhsAddArticleDialog, title_entry);
  gtk_widget_class_bind_template_child (widget_class, NhsAddArticleDialog, publisher_entry);
  gtk_widget_class_bind_template_child (widget_class, NhsAddArticleDialog, published_entry);
  gtk_widget_class_bind_template_child (widget_class, NhsAddArticleDialog, url_entry);
  gtk_widget_class_bind_template_child (widget_class, NhsAddArticleDialog, problem_label);
  gtk_widget_class_bind_template_child (widget_class, NhsAddArticleDialog, count_label);
  gtk_widget_class_bind_template_child (widget_class, NhsAddArticleDialog, paragraph_list);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);

  gtk_widget_class_install_action (widget_class, "add-article.add", NULL, add_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
nhs_add_article_dialog_init (NhsAddArticleDialog *self)
{
  self->paragraphs = g_ptr_array_new_with_free_func (g_free);
  self->checks = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* Public API */

NhsAddArticleDialog *
nhs_add_article_dialog_new (GtkWindow                *parent,
                            const NhsImportedArticle *found,
                            const char               *origin)
{
  NhsAddArticleDialog *self;
  g_auto(GStrv) lines = NULL;
  /* Translators: where the article came from: a file's name, "the clipboard" */
  g_autofree char *from = g_strdup_printf (_("Found in %s. Check what was found and correct it before "
                                             "the article is added."), origin);

  g_return_val_if_fail (found != NULL, NULL);

  self = g_object_new (NHS_TYPE_ADD_ARTICLE_DIALOG, "transient-for", parent, NULL);
  gtk_label_set_text (self->source_label, from);
  gtk_editable_set_text (GTK_EDITABLE (self->title_entry), found->title ? found->title : "");
  gtk_editable_set_text (GTK_EDITABLE (self->publisher_entry), found->publisher ? found->publisher : "");
  gtk_editable_set_text (GTK_EDITABLE (self->published_entry), found->published ? found->published : "");
  gtk_editable_set_text (GTK_EDITABLE (self->url_entry), found->url ? found->url : "");

  lines = g_strsplit (found->body ? found->body : "", "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      GtkWidget *check;

      /* blank lines part paragraphs; they hold no words to keep */
      if (lines[i][strspn (lines[i], " \t\r")] == '\0')
        continue;
      check = paragraph_row (self, lines[i]);
      g_ptr_array_add (self->paragraphs, g_strdup (lines[i]));
      g_ptr_array_add (self->checks, check);
      gtk_list_box_append (self->paragraph_list, check);
    }
  update_state (self);
  /* the title's start in view, not its end, and nothing selected to type over */
  gtk_widget_grab_focus (GTK_WIDGET (self->title_entry));
  gtk_editable_set_position (GTK_EDITABLE (self->title_entry), 0);
  return self;
}

NhsImportedArticle *
nhs_add_article_dialog_get_article (NhsAddArticleDialog *self)
{
  NhsImportedArticle *article;
  g_autoptr(GString) body = g_string_new (NULL);

  g_return_val_if_fail (NHS_IS_ADD_ARTICLE_DIALOG (self), NULL);

  article = g_new0 (NhsImportedArticle, 1);
  article->title = trimmed (self->title_entry);
  article->publisher = trimmed (self->publisher_entry);
  article->url = trimmed (self->url_entry);
  parse_published (self, &article->published, NULL);
  for (guint i = 0; i < self->paragraphs->len; i++)
    {
      if (!gtk_check_button_get_active (g_ptr_array_index (self->checks, i)))
        continue;
      if (body->len > 0)
        g_string_append_c (body, '\n');
      g_string_append (body, g_ptr_array_index (self->paragraphs, i));
    }
  article->body = g_string_free (g_steal_pointer (&body), FALSE);
  return article;
}

void
nhs_add_article_dialog_set_problem (NhsAddArticleDialog *self,
                                    const char          *problem)
{
  g_return_if_fail (NHS_IS_ADD_ARTICLE_DIALOG (self));

  g_free (self->shown_problem);
  self->shown_problem = g_strdup (problem);
  update_state (self);
}

GtkCheckButton *
nhs_add_article_dialog_get_paragraph_check (NhsAddArticleDialog *self,
                                            guint                index)
{
  g_return_val_if_fail (NHS_IS_ADD_ARTICLE_DIALOG (self), NULL);
  return index < self->checks->len ? g_ptr_array_index (self->checks, index) : NULL;
}

GtkEditable *
nhs_add_article_dialog_get_field (NhsAddArticleDialog *self,
                                  const char          *name)
{
  g_return_val_if_fail (NHS_IS_ADD_ARTICLE_DIALOG (self), NULL);

  if (g_strcmp0 (name, "title") == 0)
    return GTK_EDITABLE (self->title_entry);
  if (g_strcmp0 (name, "publisher") == 0)
    return GTK_EDITABLE (self->publisher_entry);
  if (g_strcmp0 (name, "published") == 0)
    return GTK_EDITABLE (self->published_entry);
  if (g_strcmp0 (name, "url") == 0)
    return GTK_EDITABLE (self->url_entry);
  return NULL;
}
