/* nhs-window-evidence.c: New Event from Selection
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The words selected in the reader become the evidence of a new event,
 * its fields filled from what the extractor reads in them
 * (nhs_document_new_event_from_quote); the event is selected and shown in
 * the inspector for the person to finish. One step: one undo removes it.
 */
#define G_LOG_DOMAIN "nhs-window"

#include "config.h"

#include <glib/gi18n.h>

#include "nhs-article-reader-private.h"
#include "nhs-document-import.h"
#include "nhs-window-private.h"

static void
new_event_from_selection_action (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *parameter)
{
  NhsWindow *self = NHS_WINDOW (widget);
  NhsArticleReader *reader = nhs_window_get_reader (self);
  NhsArticle *article = nhs_article_reader_get_article (reader);
  g_autofree char *quote = nhs_article_reader_dup_selected_quote (reader);
  g_autoptr(GError) error = NULL;
  NhsEvent *event;

  if (quote == NULL)
    {
      nhs_window_show_error (self, _("Could not make an event from the selection"),
                             _("Select words in an article first."));
      return;
    }
  if (!nhs_window_ensure_document (self))
    return;
  event = nhs_document_new_event_from_quote (nhs_window_get_document (self), article, quote, &error);
  if (event == NULL)
    {
      nhs_window_show_error (self, _("Could not make an event from the selection"), error->message);
      return;
    }
  nhs_window_inspect_event (self, event, TRUE);
}

void
_nhs_window_evidence_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.new-event-from-selection", NULL,
                                   new_event_from_selection_action);
  /* E for event: Ctrl+Shift+N is New Figure, beside Ctrl+N New Event */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.new-event-from-selection", NULL);
}

void
_nhs_window_evidence_init (NhsWindow *self)
{
  GtkTextView *view = nhs_article_reader_get_text_view (nhs_window_get_reader (self));
  GMenuModel *menu = gtk_text_view_get_extra_menu (view);

  /* beside Cite Selection in the reader's context menu */
  if (G_IS_MENU (menu))
    g_menu_append (G_MENU (menu), _("New _Event from Selection"), "win.new-event-from-selection");
}
