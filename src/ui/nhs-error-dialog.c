/* nhs-error-dialog.c: errors in plain words, with the detail underneath
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The loader's messages are exact ("data.json:80:3: $.events[2].title: the
 * required key “title” is missing"), which is what a person fixing the
 * file in an editor needs, but not what someone who only opened a file
 * should read first. The dialog says what is wrong in words first, from
 * the error's code and the place its JSON path names, and keeps the exact
 * message under Details, selectable to copy into an editor or a report.
 */
#define G_LOG_DOMAIN "nhs-error-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "nhs-dataset-loader.h"
#include "nhs-error-dialog.h"

#define DETAILS_KEY "nhs-error-details"

/* The JSON path of a dataset's error, or NULL: the message reads
 * "file:line:column: $.path: words" (or "file: $.path: words") */
static char *
dup_error_path (const char *message)
{
  const char *path = strstr (message, ": $");
  const char *end;

  if (path == NULL)
    return NULL;
  path += 2;
  end = strstr (path, ": ");
  return end ? g_strndup (path, end - path) : NULL;
}

/* The place a path names, "event 3", and the key in it, "title" (NULL
 * for the item itself) */
static char *
describe_place (const char  *path,
                char       **key)
{
  g_autoptr(GRegex) item_regex = g_regex_new ("^\\$\\.([a-z]+)\\[([0-9]+)\\]((?:\\.[A-Za-z_-]+|\\[[0-9]+\\])*)$",
                                              0, 0, NULL);
  g_autoptr(GRegex) top_regex = g_regex_new ("^\\$\\.([A-Za-z_-]+)", 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;

  *key = NULL;
  if (g_regex_match (item_regex, path, 0, &match))
    {
      g_autofree char *collection = g_match_info_fetch (match, 1);
      g_autofree char *index = g_match_info_fetch (match, 2);
      g_autofree char *rest = g_match_info_fetch (match, 3);
      guint64 n = g_ascii_strtoull (index, NULL, 10);

      guint number = (guint) MIN (n + 1, G_MAXUINT);
      char *place = NULL;

      /* Translators: the place of a mistake in a dataset, "In event 3, …" */
      if (g_str_equal (collection, "events"))
        place = g_strdup_printf (_("event %u"), number);
      /* Translators: the place of a mistake in a dataset, "In figure 3, …" */
      else if (g_str_equal (collection, "figures"))
        place = g_strdup_printf (_("figure %u"), number);
      /* Translators: the place of a mistake in a dataset, "In source 3, …" */
      else if (g_str_equal (collection, "sources"))
        place = g_strdup_printf (_("source %u"), number);
      /* Translators: the place of a mistake in a dataset, "In article 3, …" */
      else if (g_str_equal (collection, "articles"))
        place = g_strdup_printf (_("article %u"), number);
      /* Translators: the place of a mistake in a dataset, "In group 3, …" */
      else if (g_str_equal (collection, "groups"))
        place = g_strdup_printf (_("group %u"), number);
      if (place != NULL)
        {
          /* the first key below the item: "evidence" in
           * $.events[0].evidence[0].article */
          if (rest[0] == '.')
            *key = g_strndup (rest + 1, strcspn (rest + 1, ".["));
          return place;
        }
    }
  g_clear_pointer (&match, g_match_info_free);
  if (g_regex_match (top_regex, path, 0, &match))
    *key = g_match_info_fetch (match, 1);
  /* Translators: the place of a mistake in a dataset's top level, "In the dataset, …" */
  return g_strdup (_("the dataset"));
}

/* What is wrong with the dataset's content, at place (and key) */
static char *
dup_content_plain (int         code,
                   const char *place,
                   const char *key)
{
  switch (code)
    {
    case NHS_DATASET_ERROR_MISSING:
      /* Translators: "In event 3, “title” is missing." */
      return key ? g_strdup_printf (_("In %s, “%s” is missing."), place, key)
                 : g_strdup_printf (_("In %s, something needed is missing."), place);
    case NHS_DATASET_ERROR_TYPE:
      return key ? g_strdup_printf (_("In %s, “%s” has the wrong kind of value."), place, key)
                 : g_strdup_printf (_("In %s, a value is of the wrong kind."), place);
    case NHS_DATASET_ERROR_ENUM:
      return key ? g_strdup_printf (_("In %s, “%s” has a value the app does not know."), place, key)
                 : g_strdup_printf (_("In %s, a value is not one the app knows."), place);
    case NHS_DATASET_ERROR_DATE:
      return key ? g_strdup_printf (_("In %s, “%s” is not a date the app can read."), place, key)
                 : g_strdup_printf (_("In %s, a date cannot be read."), place);
    case NHS_DATASET_ERROR_TIMEZONE:
      return g_strdup (_("The dataset’s time zone is not one this computer knows."));
    case NHS_DATASET_ERROR_RANGE:
      return g_strdup_printf (_("In %s, the end comes before the start."), place);
    case NHS_DATASET_ERROR_DUPLICATE:
      return g_strdup_printf (_("In %s, the id is already used by another item."), place);
    case NHS_DATASET_ERROR_REFERENCE:
      return key ? g_strdup_printf (_("In %s, “%s” refers to something the dataset does not have."), place, key)
                 : g_strdup_printf (_("In %s, a reference is to something the dataset does not have."), place);
    case NHS_DATASET_ERROR_QUOTE:
      return g_strdup_printf (_("In %s, a quote is not found in its article."), place);
    case NHS_DATASET_ERROR_VALUE:
    default:
      return key ? g_strdup_printf (_("In %s, “%s” has a value the app cannot use."), place, key)
                 : g_strdup_printf (_("In %s, a value cannot be used."), place);
    }
}

char *
nhs_error_dup_plain (const GError *error)
{
  g_autofree char *path = NULL;
  g_autofree char *place = NULL;
  g_autofree char *key = NULL;
  g_autofree char *what = NULL;

  g_return_val_if_fail (error != NULL, NULL);

  if (error->domain != NHS_DATASET_ERROR)
    return g_strdup (error->message);
  switch (error->code)
    {
    case NHS_DATASET_ERROR_IO:
    case NHS_DATASET_ERROR_TOO_LARGE:
      /* already plain: "Could not read x.json: No such file or directory" */
      return g_strdup (error->message);
    case NHS_DATASET_ERROR_ENCODING:
      return g_strdup (_("The file is not text, so it cannot be a dataset. It may be another kind of file."));
    case NHS_DATASET_ERROR_SYNTAX:
      return g_strdup (_("The file is not a dataset: its text is not JSON, or it is cut short."));
    case NHS_DATASET_ERROR_NOT_OBJECT:
    case NHS_DATASET_ERROR_FORMAT:
      return g_strdup (_("The file holds JSON, but it is not a dataset of NHS Dispute Explorer."));
    case NHS_DATASET_ERROR_VERSION:
      return g_strdup (_("The dataset was made for another version of NHS Dispute Explorer."));
    default:
      break;
    }
  path = dup_error_path (error->message);
  place = describe_place (path ? path : "$", &key);
  what = dup_content_plain (error->code, place, key);
  /* Translators: after what is wrong in a dataset, "In event 3, “title” is missing." */
  return g_strdup_printf (_("%s Correct it in the file, then open the file again."), what);
}

char *
nhs_error_dup_details (const GError *error)
{
  g_return_val_if_fail (error != NULL, NULL);

  if (error->domain != NHS_DATASET_ERROR ||
      error->code == NHS_DATASET_ERROR_IO || error->code == NHS_DATASET_ERROR_TOO_LARGE)
    return NULL;
  return g_strdup (error->message);
}

GtkWidget *
nhs_error_dialog_present (GtkWindow    *parent,
                          const char   *primary,
                          const GError *error)
{
  g_autofree char *plain = nhs_error_dup_plain (error);
  g_autofree char *details = nhs_error_dup_details (error);
  GtkWidget *dialog;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  dialog = gtk_message_dialog_new (parent, GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_ERROR, GTK_BUTTONS_CLOSE, "%s", primary);
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s", plain);
  if (details != NULL)
    {
      GtkWidget *area = gtk_message_dialog_get_message_area (GTK_MESSAGE_DIALOG (dialog));
      GtkWidget *expander = gtk_expander_new_with_mnemonic (_("_Details"));
      GtkWidget *label = gtk_label_new (details);

      /* plain text, as written: file names and values are not markup */
      gtk_label_set_use_markup (GTK_LABEL (label), FALSE);
      gtk_label_set_selectable (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 60);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_add_css_class (label, "monospace");
      gtk_widget_set_margin_top (label, 6);
      gtk_expander_set_child (GTK_EXPANDER (expander), label);
      gtk_box_append (GTK_BOX (area), expander);
      g_object_set_data (G_OBJECT (dialog), DETAILS_KEY, expander);
    }
  gtk_dialog_set_default_response (GTK_DIALOG (dialog), GTK_RESPONSE_CLOSE);
  G_GNUC_END_IGNORE_DEPRECATIONS
  g_signal_connect (dialog, "response", G_CALLBACK (gtk_window_destroy), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

GtkExpander *
nhs_error_dialog_get_details (GtkWidget *dialog)
{
  return g_object_get_data (G_OBJECT (dialog), DETAILS_KEY);
}
