/* nhs-window-import.c: the window's Add Article, from a file, the
 * clipboard or a drop, and the review that follows
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every way in ends in the same form (NhsAddArticleDialog): what was found
 * is checked there, then the article is added as one undoable step and
 * the review panel beside the reader shows what it says. Input that is
 * not an article (a binary file, invalid UTF-8, too much text) stops
 * before the form, with a message, and nothing is added.
 */
#define G_LOG_DOMAIN "nhs-window"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "nhs-add-article-dialog.h"
#include "nhs-article-import.h"
#include "nhs-document-import.h"
#include "nhs-event-list.h"
#include "nhs-review-panel.h"
#include "nhs-window-private.h"

/* Read from the clipboard a piece at a time, so that a huge paste is
 * refused as soon as it is too large instead of held whole */
#define CLIPBOARD_CHUNK (64 * 1024)

typedef struct
{
  GtkFileChooserNative *chooser;
  NhsAddArticleDialog *dialog;
  GCancellable *cancellable;  /* the clipboard read under way */
} ImportState;

typedef struct
{
  NhsWindow *window;
  GInputStream *stream;
  GByteArray *bytes;
} ClipboardRead;

static void
import_state_free (gpointer data)
{
  ImportState *state = data;

  if (state->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (state->chooser));
  g_clear_object (&state->chooser);
  if (state->cancellable != NULL)
    g_cancellable_cancel (state->cancellable);
  g_clear_object (&state->cancellable);
  g_free (state);
}

static ImportState *
get_state (NhsWindow *self)
{
  ImportState *state = g_object_get_data (G_OBJECT (self), "nhs-window-import");

  if (state == NULL)
    {
      state = g_new0 (ImportState, 1);
      g_object_set_data_full (G_OBJECT (self), "nhs-window-import", state, import_state_free);
    }
  return state;
}

static void
clipboard_read_free (ClipboardRead *read)
{
  g_object_unref (read->window);
  g_clear_object (&read->stream);
  g_byte_array_unref (read->bytes);
  g_free (read);
}

static void
refuse (NhsWindow    *self,
        const GError *error)
{
  nhs_window_show_error (self, _("Could not add the article"), error->message);
}

/* Auxiliary functions */

static void
dialog_add_cb (NhsWindow           *self,
               NhsAddArticleDialog *dialog)
{
  g_autoptr(NhsImportedArticle) corrected = nhs_add_article_dialog_get_article (dialog);
  g_autoptr(GError) error = NULL;
  NhsDocument *document = nhs_window_get_document (self);
  NhsArticle *article;

  article = document ? nhs_document_import_article (document, corrected, &error) : NULL;
  if (article == NULL)
    {
      /* the form stays, with what the person typed, and says why */
      nhs_add_article_dialog_set_problem (dialog, error ? error->message : _("The dataset cannot be edited"));
      return;
    }
  gtk_window_destroy (GTK_WINDOW (dialog));
  nhs_review_panel_review (nhs_window_get_review_panel (self), document, article);
}

static void
dialog_destroyed_cb (NhsWindow *self)
{
  get_state (self)->dialog = NULL;
}

/* The form over what was found in origin ("page.html", "the clipboard") */
static void
check_article (NhsWindow                *self,
               const NhsImportedArticle *found,
               const char               *origin)
{
  ImportState *state = get_state (self);
  NhsDocument *document;
  NhsArticle *present;

  if (!nhs_window_ensure_document (self))
    return;
  document = nhs_window_get_document (self);
  if (state->dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (state->dialog));

  state->dialog = nhs_add_article_dialog_new (GTK_WINDOW (self), found, origin);
  g_signal_connect_object (state->dialog, "add", G_CALLBACK (dialog_add_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (state->dialog, "destroy", G_CALLBACK (dialog_destroyed_cb), self, G_CONNECT_SWAPPED);
  present = nhs_document_find_article (nhs_document_get_dataset (document), found->url, found->body);
  if (present != NULL)
    {
      g_autofree char *problem = g_strdup_printf (_("This article is in the dataset already, as “%s”."),
                                                  nhs_article_get_title (present));
      nhs_add_article_dialog_set_problem (state->dialog, problem);
    }
  gtk_window_present (GTK_WINDOW (state->dialog));
}

static void
import_bytes (NhsWindow        *self,
              GBytes           *bytes,
              NhsArticleFormat  format,
              const char       *origin)
{
  g_autoptr(NhsImportedArticle) found = NULL;
  g_autoptr(GError) error = NULL;

  found = nhs_article_import_bytes (bytes, format, origin, &error);
  if (found == NULL)
    refuse (self, error);
  else
    check_article (self, found, origin);
}

static void
import_file (NhsWindow *self,
             GFile     *file)
{
  g_autoptr(NhsImportedArticle) found = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_file_get_basename (file);

  found = nhs_article_import_file (file, NULL, &error);
  if (found == NULL)
    refuse (self, error);
  else
    check_article (self, found, name);
}

/* Callbacks */

static void
chooser_response_cb (NhsWindow            *self,
                     int                   response,
                     GtkFileChooserNative *chooser)
{
  ImportState *state = get_state (self);
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (chooser));
  g_clear_object (&state->chooser);
  if (file != NULL)
    import_file (self, file);
}

static void read_next_chunk (ClipboardRead *read);

static void
chunk_read_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  ClipboardRead *read = user_data;
  g_autoptr(GBytes) chunk = NULL;
  g_autoptr(GBytes) all = NULL;
  g_autoptr(GError) error = NULL;

  chunk = g_input_stream_read_bytes_finish (G_INPUT_STREAM (source), result, &error);
  if (chunk == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        refuse (read->window, error);
      clipboard_read_free (read);
      return;
    }
  if (g_bytes_get_size (chunk) > 0)
    {
      if (read->bytes->len + g_bytes_get_size (chunk) > NHS_ARTICLE_IMPORT_MAX_BYTES)
        {
          g_set_error (&error, NHS_ARTICLE_IMPORT_ERROR, NHS_ARTICLE_IMPORT_ERROR_TOO_LARGE,
                       _("The clipboard holds more than %u MB of text, too much for one article"),
                       NHS_ARTICLE_IMPORT_MAX_BYTES / (1024 * 1024));
          refuse (read->window, error);
          clipboard_read_free (read);
          return;
        }
      g_byte_array_append (read->bytes, g_bytes_get_data (chunk, NULL), g_bytes_get_size (chunk));
      read_next_chunk (read);
      return;
    }

  g_clear_object (&get_state (read->window)->cancellable);
  /* Firefox offers its HTML as UTF-16, with a byte-order mark */
  if (read->bytes->len >= 2 && ((read->bytes->data[0] == 0xFF && read->bytes->data[1] == 0xFE) ||
                                (read->bytes->data[0] == 0xFE && read->bytes->data[1] == 0xFF)))
    {
      gsize len = 0;
      char *utf8 = g_convert ((const char *) read->bytes->data, read->bytes->len, "UTF-8", "UTF-16",
                              NULL, &len, NULL);
      if (utf8 != NULL)
        all = g_bytes_new_take (utf8, len);
    }
  if (all == NULL)
    all = g_bytes_new (read->bytes->data, read->bytes->len);
  import_bytes (read->window, all, NHS_ARTICLE_FORMAT_HTML, _("the clipboard"));
  clipboard_read_free (read);
}

static void
read_next_chunk (ClipboardRead *read)
{
  g_input_stream_read_bytes_async (read->stream, CLIPBOARD_CHUNK, G_PRIORITY_DEFAULT,
                                   get_state (read->window)->cancellable, chunk_read_cb, read);
}

static void
clipboard_html_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(NhsWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  GInputStream *stream;
  ClipboardRead *read;

  stream = gdk_clipboard_read_finish (GDK_CLIPBOARD (source), result, NULL, &error);
  if (stream == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        refuse (self, error);
      return;
    }
  read = g_new0 (ClipboardRead, 1);
  read->window = g_object_ref (self);
  read->stream = stream;
  read->bytes = g_byte_array_new ();
  read_next_chunk (read);
}

static void
clipboard_text_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(NhsWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  char *text;

  g_clear_object (&get_state (self)->cancellable);
  text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, &error);
  if (text == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        refuse (self, error);
      return;
    }
  bytes = g_bytes_new_take (text, strlen (text));
  /* plain text: a Markdown file's marks are the author's, kept as words */
  import_bytes (self, bytes, NHS_ARTICLE_FORMAT_TEXT, _("the clipboard"));
}

static gboolean
reader_drop_cb (NhsWindow     *self,
                const GValue  *value,
                double         x,
                double         y,
                GtkDropTarget *target)
{
  if (G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    {
      GSList *files = g_value_get_boxed (value);
      GFile *file = files ? g_slist_last (files)->data : NULL;
      g_autofree char *name = file ? g_file_get_basename (file) : NULL;

      if (file == NULL)
        return FALSE;
      /* a dataset dropped on the reader opens, as it does anywhere else */
      if (name != NULL && g_str_has_suffix (name, ".json"))
        nhs_window_open_file (self, file);
      else
        import_file (self, file);
      return TRUE;
    }
  if (G_VALUE_HOLDS (value, G_TYPE_STRING) && g_value_get_string (value) != NULL)
    {
      GdkDrop *drop = gtk_drop_target_get_current_drop (target);
      const char *text = g_value_get_string (value);
      g_autoptr(GBytes) bytes = NULL;

      /* words dragged out of the reader itself are not a new article */
      if (drop != NULL && gdk_drop_get_drag (drop) != NULL)
        return FALSE;
      bytes = g_bytes_new (text, strlen (text));
      import_bytes (self, bytes, NHS_ARTICLE_FORMAT_AUTO, _("the dropped text"));
      return TRUE;
    }
  return FALSE;
}

static void
review_item_accepted_cb (NhsWindow *self,
                         NhsEvent  *event,
                         gboolean   edit)
{
  nhs_window_inspect_event (self, event, edit);
}

/* Actions */

static void
add_article_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  NhsWindow *self = NHS_WINDOW (widget);
  ImportState *state = get_state (self);
  GtkFileFilter *filter;

  if (state->chooser != NULL)
    return;
  state->chooser = gtk_file_chooser_native_new (_("Add Article"), GTK_WINDOW (self),
                                                GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (state->chooser), TRUE);
  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _("Articles (web pages, text, Markdown)"));
  gtk_file_filter_add_suffix (filter, "html");
  gtk_file_filter_add_suffix (filter, "htm");
  gtk_file_filter_add_suffix (filter, "txt");
  gtk_file_filter_add_suffix (filter, "md");
  gtk_file_filter_add_suffix (filter, "markdown");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (state->chooser), filter);
  g_object_unref (filter);
  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _("All files"));
  gtk_file_filter_add_pattern (filter, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (state->chooser), filter);
  g_object_unref (filter);
  g_signal_connect_object (state->chooser, "response", G_CALLBACK (chooser_response_cb), self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (state->chooser));
}

static void
paste_article_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  NhsWindow *self = NHS_WINDOW (widget);
  ImportState *state = get_state (self);
  GdkClipboard *clipboard = gtk_widget_get_clipboard (widget);
  GdkContentFormats *formats = gdk_clipboard_get_formats (clipboard);
  static const char *html[] = { "text/html", NULL };

  if (state->cancellable != NULL)
    g_cancellable_cancel (state->cancellable);
  g_clear_object (&state->cancellable);
  state->cancellable = g_cancellable_new ();

  /* a browser's copy carries the selection as HTML too: its paragraphs
   * and links survive there, and are lost in the plain text */
  if (gdk_content_formats_contain_mime_type (formats, "text/html"))
    gdk_clipboard_read_async (clipboard, html, G_PRIORITY_DEFAULT, state->cancellable,
                              clipboard_html_cb, g_object_ref (self));
  else if (gdk_content_formats_contain_gtype (formats, G_TYPE_STRING) ||
           gdk_content_formats_contain_mime_type (formats, "text/plain;charset=utf-8") ||
           gdk_content_formats_contain_mime_type (formats, "text/plain"))
    gdk_clipboard_read_text_async (clipboard, state->cancellable, clipboard_text_cb, g_object_ref (self));
  else
    {
      g_autoptr(GError) error = g_error_new_literal (NHS_ARTICLE_IMPORT_ERROR, NHS_ARTICLE_IMPORT_ERROR_EMPTY,
                                                     _("The clipboard holds no text. Copy the article in "
                                                       "the browser first, then add it."));
      g_clear_object (&state->cancellable);
      refuse (self, error);
    }
}

/* Setting up */

void
_nhs_window_import_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.add-article", NULL, add_article_action);
  gtk_widget_class_install_action (widget_class, "win.paste-article", NULL, paste_article_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_a, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.add-article", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_v, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.paste-article", NULL);
  g_type_ensure (NHS_TYPE_REVIEW_PANEL);
}

void
_nhs_window_import_init (NhsWindow *self)
{
  NhsReviewPanel *panel = nhs_window_get_review_panel (self);
  GtkWidget *reader = GTK_WIDGET (nhs_window_get_reader (self));
  GtkDropTarget *drop;

  nhs_review_panel_set_reader (panel, NHS_ARTICLE_READER (reader));
  g_signal_connect_object (panel, "item-accepted", G_CALLBACK (review_item_accepted_cb), self, G_CONNECT_SWAPPED);

  drop = gtk_drop_target_new (G_TYPE_INVALID, GDK_ACTION_COPY);
  gtk_drop_target_set_gtypes (drop, (GType[]) { GDK_TYPE_FILE_LIST, G_TYPE_STRING }, 2);
  g_signal_connect_object (drop, "drop", G_CALLBACK (reader_drop_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (reader, GTK_EVENT_CONTROLLER (drop));
}

NhsAddArticleDialog *
nhs_window_get_add_article_dialog (NhsWindow *self)
{
  g_return_val_if_fail (NHS_IS_WINDOW (self), NULL);
  return get_state (self)->dialog;
}
