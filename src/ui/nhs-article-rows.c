/* nhs-article-rows.c: the rows of the reader's list of articles
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A row is the article's title over a line of publisher, date and the
 * number of quotes filed under it; screen readers hear both.
 */
#define G_LOG_DOMAIN "nhs-article-reader"

#include "config.h"

#include <glib/gi18n.h>

#include "nhs-article-reader-private.h"
#include "nhs-article-rows.h"
#include "nhs-ui-text.h"

/* Made when asked for: a tooltip set on every bind makes GTK 4.8 ask the
 * X server where the pointer is, a round trip for each row made */
static gboolean
article_title_query_tooltip_cb (GtkWidget   *title,
                                int          x,
                                int          y,
                                gboolean     keyboard,
                                GtkTooltip  *tooltip,
                                GtkListItem *item)
{
  NhsArticle *article = gtk_list_item_get_item (item);

  if (article == NULL)
    return FALSE;
  /* plain text: a title is never markup */
  gtk_tooltip_set_text (tooltip, nhs_article_get_title (article));
  return TRUE;
}

static void
article_setup_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *meta = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (title, "heading");
  gtk_widget_set_has_tooltip (title, TRUE);
  g_signal_connect_object (title, "query-tooltip", G_CALLBACK (article_title_query_tooltip_cb), item, 0);
  gtk_label_set_xalign (GTK_LABEL (meta), 0);
  gtk_label_set_ellipsize (GTK_LABEL (meta), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (meta, "dim-label");
  gtk_widget_add_css_class (meta, "caption");
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), meta);
  gtk_list_item_set_child (item, box);
}

static void
article_bind_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 NhsArticleReader         *reader)
{
  NhsDataset *dataset = _nhs_article_reader_get_dataset (reader);
  NhsArticle *article = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *title = gtk_widget_get_first_child (box);
  GtkWidget *meta = gtk_widget_get_last_child (box);
  g_autofree char *published = nhs_join_meta (nhs_article_get_publisher (article), nhs_article_get_published (article));
  guint n = dataset ? nhs_dataset_get_article_quotes (dataset, article)->len : 0;
  g_autofree char *quotes = g_strdup_printf (ngettext ("%u quote", "%u quotes", n), n);
  g_autofree char *line = published ? g_strdup_printf (_("%s · %s"), published, quotes) : g_strdup (quotes);

  gtk_label_set_label (GTK_LABEL (title), nhs_article_get_title (article));
  gtk_label_set_label (GTK_LABEL (meta), line);
  /* the row's name for screen readers, not its type name */
  if (gtk_widget_get_parent (box) != NULL)
    {
      g_autofree char *name = g_strdup_printf (_("%s, %s"), nhs_article_get_title (article), line);
      gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_widget_get_parent (box)),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                      -1);
    }
}

/**
 * nhs_article_rows_factory_new:
 * @reader: the reader whose dataset counts the quotes (not held: the
 *   factory lives in the reader's list)
 *
 * Returns: (transfer full): a factory for the rows of @reader's list of
 *   articles
 */
GtkListItemFactory *
nhs_article_rows_factory_new (NhsArticleReader *reader)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (article_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (article_bind_cb), reader);
  return factory;
}
