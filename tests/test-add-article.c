/* test-add-article.c: Add Article in the window (needs a display)
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Pastes an article as a browser copies it, checks and corrects what the
 * form found, accepts a strike the review offers and saves: the saved file
 * must hold the article and the event with the sentence word for word, and
 * the command line's own check must accept it.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <string.h>

#include "test-tmpdir.h"
#include "test-copy-util.h"
#include "test-window-util.h"

#define STRIKE_SENTENCE \
  "Resident doctors in England will strike from 7am on 3 March until 7am on 8 March, the BMA said."

/* As a browser puts a selection on the clipboard: HTML, with page
 * furniture around the article and entities in its words */
static const char page[] =
  "<html><head><title>Doctors to strike in March | BMA</title>"
  "<meta property=\"og:site_name\" content=\"British Medical Association\">"
  "<link rel=\"canonical\" href=\"https://www.bma.org.uk/news/march-strike\"></head><body>"
  "<nav><a href=\"/\">Home</a></nav>"
  "<h1>Doctors to strike in March</h1>"
  "<p>Talks with the government broke down on Monday &amp; the union named the dates.</p>"
  "<p>" STRIKE_SENTENCE "</p>"
  "<p>Sign up to our newsletter for updates.</p>"
  "<footer>© BMA</footer></body></html>";

typedef struct
{
  char *dir;
  char *path;
  NhsWindow *window;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  TestCopy copy = { 0 };
  g_autoptr(NhsDataset) dataset = test_copy_make (&copy, "fixture.json");

  f->dir = copy.dir;
  f->path = copy.path;
  g_bytes_unref (copy.original);
  reset_settings ();
  f->window = new_window_in_background ();
  nhs_window_set_dataset (f->window, dataset);
  settle (f->window);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  if (f->window != NULL)
    close_window (f->window);
  test_copy_clear (&(TestCopy) { f->dir, f->path, NULL });
  reset_settings ();
}

static gboolean
dialog_shown (gpointer data)
{
  return nhs_window_get_add_article_dialog (data) != NULL;
}

typedef struct
{
  NhsWindow *window;
  char *secondary;
} ErrorWait;

/* Closes the error dialog once it shows, keeping what it said */
static gboolean
error_shown (gpointer data)
{
  ErrorWait *wait = data;

  return find_message_dialog (wait->window, &wait->secondary);
}

static void
put_html_on_clipboard (NhsWindow  *window,
                       const char *html,
                       gsize       len)
{
  g_autoptr(GBytes) bytes = g_bytes_new (html, len);
  GdkContentProvider *providers[] = {
    gdk_content_provider_new_for_bytes ("text/html", bytes),
    gdk_content_provider_new_typed (G_TYPE_STRING, "Doctors to strike in March"),
  };
  g_autoptr(GdkContentProvider) both = gdk_content_provider_new_union (providers, G_N_ELEMENTS (providers));

  gdk_clipboard_set_content (gtk_widget_get_clipboard (GTK_WIDGET (window)), both);
}

/* The descendant button whose tooltip is tooltip, in the row whose
 * description starts with prefix */
static GtkWidget *
find_row_button (GtkWidget  *widget,
                 const char *prefix,
                 const char *tooltip)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_LIST_BOX_ROW (child))
        {
          GtkWidget *box = gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (child));
          GtkWidget *title = gtk_widget_get_first_child (box);

          if (!g_str_has_prefix (gtk_label_get_text (GTK_LABEL (title)), prefix))
            continue;
        }
      if (GTK_IS_BUTTON (child) && g_strcmp0 (gtk_widget_get_tooltip_text (child), tooltip) == 0)
        return child;
      if ((found = find_row_button (child, prefix, tooltip)) != NULL)
        return found;
    }
  return NULL;
}

/* Whether the reader's text has the named tag over the whole of text */
static gboolean
text_tagged (NhsWindow  *window,
             const char *text,
             const char *tag_name)
{
  GtkTextView *view = nhs_article_reader_get_text_view (nhs_window_get_reader (window));
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextTag *tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), tag_name);
  GtkTextIter start, match_start, match_end;

  gtk_text_buffer_get_start_iter (buffer, &start);
  if (tag == NULL || !gtk_text_iter_forward_search (&start, text, 0, &match_start, &match_end, NULL))
    return FALSE;
  return gtk_text_iter_has_tag (&match_start, tag) && gtk_text_iter_forward_to_tag_toggle (&match_start, tag) &&
         gtk_text_iter_compare (&match_start, &match_end) >= 0;
}

static int
run_check (const char *path,
           char      **err)
{
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GError) error = NULL;
  const char *bin = g_getenv ("NHS_DISPUTE_BIN");

  g_assert_nonnull (bin);
  proc = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error,
                           bin, "--check-dataset", path, NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (proc, NULL, NULL, NULL, err, &error);
  g_assert_no_error (error);
  return g_subprocess_get_exit_status (proc);
}

static void
test_paste_accept_save (Fixture       *f,
                        gconstpointer  data)
{
  NhsReviewPanel *panel = nhs_window_get_review_panel (f->window);
  NhsAddArticleDialog *dialog;
  GtkCheckButton *furniture;
  GtkWidget *accept;
  g_autoptr(NhsDataset) saved = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (f->path);
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  NhsArticle *article;
  NhsEvent *strike = NULL;
  guint n_articles;

  put_html_on_clipboard (f->window, page, sizeof page - 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.paste-article", NULL));
  wait_until (dialog_shown, f->window);
  dialog = nhs_window_get_add_article_dialog (f->window);

  /* what the page says about itself, to check and correct */
  g_assert_true (g_str_has_prefix (gtk_editable_get_text (nhs_add_article_dialog_get_field (dialog, "title")),
                                  "Doctors to strike in March"));
  /* a title as the person wants it ("… | BMA" is the site's, not the article's) */
  gtk_editable_set_text (nhs_add_article_dialog_get_field (dialog, "title"), "Doctors to strike in March");
  g_assert_cmpstr (gtk_editable_get_text (nhs_add_article_dialog_get_field (dialog, "publisher")), ==,
                   "British Medical Association");
  g_assert_cmpstr (gtk_editable_get_text (nhs_add_article_dialog_get_field (dialog, "url")), ==,
                   "https://www.bma.org.uk/news/march-strike");
  /* the page gives no date: typed the way people write one */
  gtk_editable_set_text (nhs_add_article_dialog_get_field (dialog, "published"), "20 Feb 2026");

  /* the newsletter sign-up is page furniture: left out whole */
  furniture = nhs_add_article_dialog_get_paragraph_check (dialog, 2);
  g_assert_nonnull (furniture);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (gtk_check_button_get_child (furniture))), ==,
                   "Sign up to our newsletter for updates.");
  g_assert_null (nhs_add_article_dialog_get_paragraph_check (dialog, 3));
  gtk_check_button_set_active (furniture, FALSE);

  n_articles = g_list_model_get_n_items (nhs_dataset_get_articles (nhs_window_get_dataset (f->window)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "add-article.add", NULL));
  settle (f->window);
  g_assert_null (nhs_window_get_add_article_dialog (f->window));
  g_assert_cmpuint (g_list_model_get_n_items (nhs_dataset_get_articles (nhs_window_get_dataset (f->window))), ==,
                    n_articles + 1);

  /* the review beside the new article, its sentences highlighted */
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (panel)));
  article = nhs_review_panel_get_article (panel);
  g_assert_true (nhs_article_reader_get_article (nhs_window_get_reader (f->window)) == article);
  g_assert_cmpstr (nhs_article_get_body (article), ==,
                   "Talks with the government broke down on Monday & the union named the dates.\n"
                   STRIKE_SENTENCE);
  g_assert_cmpuint (nhs_review_panel_get_n_pending (panel), >=, 1);
  g_assert_false (text_tagged (f->window, STRIKE_SENTENCE, "quote"));

  /* Accept on the strike's row, as a click would */
  accept = find_row_button (GTK_WIDGET (panel), "Strike", "Accept");
  g_assert_nonnull (accept);
  g_signal_emit_by_name (accept, "clicked");
  settle (f->window);
  g_assert_null (find_row_button (GTK_WIDGET (panel), "Strike", "Accept"));
  g_assert_true (nhs_window_has_unsaved_changes (f->window));
  /* the reader marks the sentence as evidence now */
  g_assert_true (text_tagged (f->window, STRIKE_SENTENCE, "quote"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.save", NULL));
  settle (f->window);
  g_assert_false (nhs_window_has_unsaved_changes (f->window));

  /* the saved file: the article as kept, the event with the exact quote */
  saved = nhs_dataset_load_file (file, NULL, &error);
  g_assert_no_error (error);
  article = nhs_dataset_lookup_article (saved, "art-2026-02-20-doctors-to-strike-in-march");
  g_assert_nonnull (article);
  g_assert_cmpstr (nhs_article_get_url (article), ==, "https://www.bma.org.uk/news/march-strike");
  g_assert_null (strstr (nhs_article_get_body (article), "newsletter"));
  for (guint i = 0; i < nhs_dataset_get_n_events (saved); i++)
    {
      NhsEvent *event = nhs_dataset_get_event (saved, i);
      GPtrArray *evidence = nhs_event_get_evidence (event);

      if (evidence && evidence->len > 0 &&
          nhs_evidence_get_article (g_ptr_array_index (evidence, 0)) == article)
        {
          g_assert_null (strike);
          strike = event;
        }
    }
  g_assert_nonnull (strike);
  g_assert_cmpint (nhs_event_get_kind (strike), ==, NHS_EVENT_KIND_STRIKE);
  g_assert_cmpstr (nhs_evidence_get_quote (g_ptr_array_index (nhs_event_get_evidence (strike), 0)), ==,
                   STRIKE_SENTENCE);
  g_assert_cmpuint (nhs_event_get_strike_days (strike), ==, 5);

  g_assert_cmpint (run_check (f->path, &err), ==, 0);
}

/* The same article again is recognised, and the form says so */
static void
test_already_there (Fixture       *f,
                    gconstpointer  data)
{
  NhsAddArticleDialog *dialog;
  GListModel *articles = nhs_dataset_get_articles (nhs_window_get_dataset (f->window));
  guint n;

  put_html_on_clipboard (f->window, page, sizeof page - 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.paste-article", NULL));
  wait_until (dialog_shown, f->window);
  dialog = nhs_window_get_add_article_dialog (f->window);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "add-article.add", NULL));
  settle (f->window);
  n = g_list_model_get_n_items (articles);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.paste-article", NULL));
  wait_until (dialog_shown, f->window);
  dialog = nhs_window_get_add_article_dialog (f->window);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "add-article.add", NULL));
  settle (f->window);
  /* still open, nothing added */
  g_assert_true (nhs_window_get_add_article_dialog (f->window) == dialog);
  g_assert_cmpuint (g_list_model_get_n_items (articles), ==, n);
  gtk_window_destroy (GTK_WINDOW (dialog));
  settle (f->window);
}

/* Bytes that are no article stop before the form, with a message */
static void
test_refused (Fixture       *f,
              gconstpointer  data)
{
  static const char invalid[] = "<p>Strike on 3 March \xff\xfe\xfd broken</p>";
  GListModel *articles = nhs_dataset_get_articles (nhs_window_get_dataset (f->window));
  guint n = g_list_model_get_n_items (articles);
  ErrorWait wait = { f->window, NULL };

  put_html_on_clipboard (f->window, invalid, sizeof invalid - 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.paste-article", NULL));
  wait_until (error_shown, &wait);
  g_assert_nonnull (strstr (wait.secondary, "UTF-8"));
  g_assert_null (nhs_window_get_add_article_dialog (f->window));
  g_assert_cmpuint (g_list_model_get_n_items (articles), ==, n);
  g_assert_false (nhs_window_has_unsaved_changes (f->window));
  g_free (wait.secondary);
  settle (f->window);
}

/* Drops value on the reader, as GTK does when the person lets go */
static void
drop_on_reader (NhsWindow    *window,
                const GValue *value)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (nhs_window_get_reader (window)));
  gboolean taken = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        {
          g_signal_emit_by_name (controller, "drop", value, 10.0, 10.0, &taken);
          break;
        }
    }
  g_assert_true (taken);
}

static void
drop_file_on_reader (NhsWindow  *window,
                     const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_auto(GValue) value = G_VALUE_INIT;
  GSList *files = g_slist_prepend (NULL, file);

  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_set_boxed (&value, files);
  drop_on_reader (window, &value);
  g_slist_free (files);
}

/* Edit…: the finding is accepted, the event selected and the inspector
 * opened on it; one undo takes the event away again */
static void
test_edit_opens_inspector (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "strike.txt", NULL);
  NhsReviewPanel *panel = nhs_window_get_review_panel (f->window);
  GtkWidget *inspector = GTK_WIDGET (nhs_window_get_inspector (f->window));
  GtkWidget *revealer = gtk_widget_get_ancestor (inspector, GTK_TYPE_REVEALER);
  NhsEventList *list = nhs_window_get_event_list (f->window);
  NhsDataset *dataset = nhs_window_get_dataset (f->window);
  guint n_events = nhs_dataset_get_n_events (dataset);
  NhsAddArticleDialog *dialog;
  GtkWidget *edit;
  NhsEvent *selected;

  g_assert_true (g_file_set_contents (path, "Doctors to strike in March\n\n" STRIKE_SENTENCE "\n", -1, NULL));
  drop_file_on_reader (f->window, path);
  wait_until (dialog_shown, f->window);
  dialog = nhs_window_get_add_article_dialog (f->window);
  gtk_editable_set_text (nhs_add_article_dialog_get_field (dialog, "published"), "2026-02-20");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "add-article.add", NULL));
  settle (f->window);
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (revealer)));

  edit = find_row_button (GTK_WIDGET (panel), "Strike", "Accept, then edit in the inspector");
  g_assert_nonnull (edit);
  g_signal_emit_by_name (edit, "clicked");
  settle (f->window);
  g_assert_cmpuint (nhs_dataset_get_n_events (dataset), ==, n_events + 1);
  selected = nhs_event_list_get_selected_event (list);
  g_assert_nonnull (selected);
  g_assert_cmpint (nhs_event_get_kind (selected), ==, NHS_EVENT_KIND_STRIKE);
  g_assert_cmpstr (nhs_evidence_get_quote (g_ptr_array_index (nhs_event_get_evidence (selected), 0)), ==,
                   STRIKE_SENTENCE);
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (revealer)));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  settle (f->window);
  g_assert_cmpuint (nhs_dataset_get_n_events (dataset), ==, n_events);
  /* and the article's own step: the review goes with it */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  settle (f->window);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (panel)));
  g_assert_false (nhs_window_has_unsaved_changes (f->window));
}

#define OFFER_SENTENCE "The government offered resident doctors a 7% pay rise, the BMA said."

/* A figure's Accept: one step that adds it to the figures the chart and
 * reader show, with the sentence as its evidence; Edit… stays off, and
 * says why */
static void
test_accept_figure (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "offer.txt", NULL);
  g_autofree char *err = NULL;
  NhsReviewPanel *panel = nhs_window_get_review_panel (f->window);
  GListModel *figures = nhs_dataset_get_figures (nhs_window_get_dataset (f->window));
  guint n_figures = g_list_model_get_n_items (figures);
  g_autoptr(NhsDataset) saved = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (f->path);
  g_autoptr(GError) error = NULL;
  g_autoptr(NhsFigure) added = NULL;
  NhsAddArticleDialog *dialog;
  GtkWidget *accept, *edit;
  NhsFigure *again;

  g_assert_true (g_file_set_contents (path, "Government makes an offer\n\n" OFFER_SENTENCE "\n", -1, NULL));
  drop_file_on_reader (f->window, path);
  wait_until (dialog_shown, f->window);
  dialog = nhs_window_get_add_article_dialog (f->window);
  gtk_editable_set_text (nhs_add_article_dialog_get_field (dialog, "published"), "2026-02-20");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "add-article.add", NULL));
  settle (f->window);

  edit = find_row_button (GTK_WIDGET (panel), "Pay offer",
                          "The inspector edits events only: accept the figure as it is, or reject it");
  g_assert_nonnull (edit);
  g_assert_false (gtk_widget_get_sensitive (edit));
  accept = find_row_button (GTK_WIDGET (panel), "Pay offer", "Accept");
  g_assert_nonnull (accept);
  g_assert_true (gtk_widget_get_sensitive (accept));
  g_assert_false (text_tagged (f->window, OFFER_SENTENCE, "quote"));
  g_signal_emit_by_name (accept, "clicked");
  settle (f->window);
  g_assert_null (find_row_button (GTK_WIDGET (panel), "Pay offer", "Accept"));
  g_assert_cmpuint (g_list_model_get_n_items (figures), ==, n_figures + 1);
  added = g_list_model_get_item (figures, n_figures);
  g_assert_cmpfloat (nhs_figure_get_value (added), ==, 7);
  g_assert_true (text_tagged (f->window, OFFER_SENTENCE, "quote"));

  /* one step: undo takes the figure away, redo puts it back */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  settle (f->window);
  g_assert_cmpuint (g_list_model_get_n_items (figures), ==, n_figures);
  g_assert_false (text_tagged (f->window, OFFER_SENTENCE, "quote"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.redo", NULL));
  settle (f->window);
  g_assert_cmpuint (g_list_model_get_n_items (figures), ==, n_figures + 1);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.save", NULL));
  settle (f->window);
  saved = nhs_dataset_load_file (file, NULL, &error);
  g_assert_no_error (error);
  again = nhs_dataset_lookup_figure (saved, nhs_figure_get_id (added));
  g_assert_nonnull (again);
  g_assert_cmpint (nhs_figure_get_metric (again), ==, NHS_FIGURE_METRIC_PAY_OFFER);
  g_assert_cmpstr (nhs_evidence_get_quote (g_ptr_array_index (nhs_figure_get_evidence (again), 0)), ==,
                   OFFER_SENTENCE);
  g_assert_cmpint (run_check (f->path, &err), ==, 0);
}

/* A binary file dropped on the reader is refused before the form */
static void
test_drop_binary (Fixture       *f,
                  gconstpointer  data)
{
  static const char binary[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01";
  g_autofree char *path = g_build_filename (f->dir, "picture.txt", NULL);
  GListModel *articles = nhs_dataset_get_articles (nhs_window_get_dataset (f->window));
  guint n = g_list_model_get_n_items (articles);
  ErrorWait wait = { f->window, NULL };

  g_assert_true (g_file_set_contents (path, binary, sizeof binary - 1, NULL));
  drop_file_on_reader (f->window, path);
  wait_until (error_shown, &wait);
  g_assert_nonnull (strstr (wait.secondary, "picture.txt"));
  g_assert_null (nhs_window_get_add_article_dialog (f->window));
  g_assert_cmpuint (g_list_model_get_n_items (articles), ==, n);
  g_assert_false (nhs_window_has_unsaved_changes (f->window));
  g_free (wait.secondary);
}

/* Without HTML on the clipboard, its text: paragraphs as lines */
static void
test_paste_text (Fixture       *f,
                 gconstpointer  data)
{
  NhsAddArticleDialog *dialog;
  g_autoptr(NhsImportedArticle) article = NULL;

  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (f->window)),
                          "Doctors to strike in March\n\n" STRIKE_SENTENCE "\n\nRead more: pay talks\n");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.paste-article", NULL));
  wait_until (dialog_shown, f->window);
  dialog = nhs_window_get_add_article_dialog (f->window);
  g_assert_nonnull (nhs_add_article_dialog_get_paragraph_check (dialog, 0));
  g_assert_nonnull (nhs_add_article_dialog_get_paragraph_check (dialog, 1));

  /* "Read more" is left out, whole; what is kept is kept as it was */
  for (guint i = 0; nhs_add_article_dialog_get_paragraph_check (dialog, i) != NULL; i++)
    {
      GtkCheckButton *check = nhs_add_article_dialog_get_paragraph_check (dialog, i);
      const char *text = gtk_label_get_text (GTK_LABEL (gtk_check_button_get_child (check)));

      if (g_str_has_prefix (text, "Read more"))
        gtk_check_button_set_active (check, FALSE);
    }
  article = nhs_add_article_dialog_get_article (dialog);
  g_assert_nonnull (strstr (article->body, STRIKE_SENTENCE));
  g_assert_null (strstr (article->body, "Read more"));
  gtk_window_destroy (GTK_WINDOW (dialog));
  settle (f->window);
}

/* A paste past the size limit is refused as it is read, not after */
static void
test_paste_too_large (Fixture       *f,
                      gconstpointer  data)
{
  gsize len = NHS_ARTICLE_IMPORT_MAX_BYTES + 1024;
  char *huge = g_malloc (len);
  GListModel *articles = nhs_dataset_get_articles (nhs_window_get_dataset (f->window));
  guint n = g_list_model_get_n_items (articles);
  ErrorWait wait = { f->window, NULL };

  memcpy (huge, "<p>", 3);
  memset (huge + 3, 'a', len - 3);
  put_html_on_clipboard (f->window, huge, len);
  g_free (huge);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.paste-article", NULL));
  wait_until (error_shown, &wait);
  g_assert_nonnull (strstr (wait.secondary, "too much for one article"));
  g_assert_null (nhs_window_get_add_article_dialog (f->window));
  g_assert_cmpuint (g_list_model_get_n_items (articles), ==, n);
  g_free (wait.secondary);
}

/* Text dropped on the reader (from another program) opens the form */
static void
test_drop_text (Fixture       *f,
                gconstpointer  data)
{
  g_auto(GValue) value = G_VALUE_INIT;
  NhsAddArticleDialog *dialog;
  GtkCheckButton *check;

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, "Doctors to strike in March\n" STRIKE_SENTENCE);
  drop_on_reader (f->window, &value);
  wait_until (dialog_shown, f->window);
  dialog = nhs_window_get_add_article_dialog (f->window);
  /* the sentence is a paragraph of its own, ticked */
  for (guint i = 0; (check = nhs_add_article_dialog_get_paragraph_check (dialog, i)) != NULL; i++)
    if (g_strcmp0 (gtk_label_get_text (GTK_LABEL (gtk_check_button_get_child (check))), STRIKE_SENTENCE) == 0)
      break;
  g_assert_nonnull (check);
  g_assert_true (gtk_check_button_get_active (check));
  gtk_window_destroy (GTK_WINDOW (dialog));
  settle (f->window);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  if (!test_ui_init ("/add-article/no-display", TRUE))
    return g_test_run ();

  g_test_add ("/add-article/paste-accept-save", Fixture, NULL, fixture_set_up, test_paste_accept_save,
              fixture_tear_down);
  g_test_add ("/add-article/already-there", Fixture, NULL, fixture_set_up, test_already_there, fixture_tear_down);
  g_test_add ("/add-article/refused", Fixture, NULL, fixture_set_up, test_refused, fixture_tear_down);
  g_test_add ("/add-article/edit-opens-inspector", Fixture, NULL, fixture_set_up, test_edit_opens_inspector,
              fixture_tear_down);
  g_test_add ("/add-article/accept-figure", Fixture, NULL, fixture_set_up, test_accept_figure, fixture_tear_down);
  g_test_add ("/add-article/drop-binary", Fixture, NULL, fixture_set_up, test_drop_binary, fixture_tear_down);
  g_test_add ("/add-article/drop-text", Fixture, NULL, fixture_set_up, test_drop_text, fixture_tear_down);
  g_test_add ("/add-article/paste-text", Fixture, NULL, fixture_set_up, test_paste_text, fixture_tear_down);
  g_test_add ("/add-article/paste-too-large", Fixture, NULL, fixture_set_up, test_paste_too_large,
              fixture_tear_down);
  return g_test_run ();
}
