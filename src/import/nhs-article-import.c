/* nhs-article-import.c: an article from a web page, a text or a Markdown file
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Web pages are read with libxml2's HTML parser: recovering from broken
 * markup, never touching the network, loading no external entity (a
 * refusing loader is installed), with its default limits (no
 * HTML_PARSE_HUGE). The tree is walked without recursion, so a page nested
 * 100,000 deep costs memory, not stack.
 */
#define G_LOG_DOMAIN "nhs-article-import"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/parserInternals.h>
#include <string.h>

#include "nhs-article-import.h"

G_DEFINE_QUARK (nhs-article-import-error-quark, nhs_article_import_error)

void
nhs_imported_article_free (NhsImportedArticle *article)
{
  if (article == NULL)
    return;
  g_free (article->title);
  g_free (article->publisher);
  g_free (article->published);
  g_free (article->url);
  g_free (article->body);
  g_free (article);
}

/* ---- text ----------------------------------------------------------------- */

/* Appends text to out with runs of ASCII white space made one space;
 * *space says whether out ends in a space already (or is empty) */
static void
append_collapsed (GString    *out,
                  const char *text,
                  gsize       len,
                  gboolean   *space)
{
  for (gsize i = 0; i < len; i++)
    {
      char c = text[i];
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v')
        {
          if (!*space)
            g_string_append_c (out, ' ');
          *space = TRUE;
        }
      else
        {
          g_string_append_c (out, c);
          *space = FALSE;
        }
    }
}

/* Ends the paragraph being built: trimmed, and kept if not empty */
static void
flush_paragraph (GString *para,
                 GString *body)
{
  gsize start = 0, end = para->len;

  while (start < end && para->str[start] == ' ')
    start++;
  while (end > start && para->str[end - 1] == ' ')
    end--;
  if (end > start)
    {
      if (body->len)
        g_string_append_c (body, '\n');
      g_string_append_len (body, para->str + start, end - start);
    }
  g_string_truncate (para, 0);
}

static char *
collapse (const char *text)
{
  GString *out = g_string_new (NULL);
  gboolean space = TRUE;

  if (text)
    append_collapsed (out, text, strlen (text), &space);
  while (out->len && out->str[out->len - 1] == ' ')
    g_string_truncate (out, out->len - 1);
  if (out->len == 0)
    {
      g_string_free (out, TRUE);
      return NULL;
    }
  return g_string_free (out, FALSE);
}

static char *
collapse_take (char *text)
{
  char *collapsed = collapse (text);
  g_free (text);
  return collapsed;
}

/* A date, a date-time or an ISO 8601 time stamp as the local day it falls
 * on in England (YYYY-MM-DD), or NULL */
static char *
normalise_date (const char *text)
{
  int y, m, d;
  g_autoptr(GTimeZone) london = NULL;
  g_autoptr(GDateTime) dt = NULL;

  if (text == NULL)
    return NULL;
  while (g_ascii_isspace (*text))
    text++;
  if (strlen (text) < 10 || sscanf (text, "%4d-%2d-%2d", &y, &m, &d) != 3 ||
      text[4] != '-' || text[7] != '-' || !g_date_valid_dmy (d, m, y))
    return NULL;
  london = g_time_zone_new_identifier ("Europe/London");
  if (london == NULL)
    london = g_time_zone_new_utc ();
  if (text[10] == 'T' || text[10] == ' ')
    {
      g_autofree char *iso = g_strdup (text);
      iso[10] = 'T';
      dt = g_date_time_new_from_iso8601 (iso, london);
      if (dt)
        {
          g_autoptr(GDateTime) local = g_date_time_to_timezone (dt, london);

          /* four digits always, as a dataset date: "%Y" writes 888 */
          g_date_time_get_ymd (local, &y, &m, &d);
          if (y < 1 || y > 9999)
            return NULL;
          return g_strdup_printf ("%04d-%02d-%02d", y, m, d);
        }
    }
  return g_strdup_printf ("%04d-%02d-%02d", y, m, d);
}

/* Plain text: paragraphs split by blank lines, the lines of one joined
 * (hard-wrapped text); without any blank line, each line is one. */
static char *
text_paragraphs (const char *text,
                 gboolean    markdown,
                 char      **title)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  g_autoptr(GString) body = g_string_new (NULL);
  g_autoptr(GString) para = g_string_new (NULL);
  gboolean blank_lines = FALSE;
  gboolean space = TRUE;
  gboolean in_fence = FALSE;

  for (guint i = 0; lines[i]; i++)
    {
      g_strchomp (lines[i]);
      if (lines[i][0] == '\0' && lines[i + 1] != NULL)
        blank_lines = TRUE;
    }

  for (guint i = 0; lines[i]; i++)
    {
      char *line = lines[i];

      if (markdown)
        {
          char *p = line;

          if (g_str_has_prefix (g_strchug (p), "```"))
            {
              in_fence = !in_fence;
              flush_paragraph (para, body);
              space = TRUE;
              continue;
            }
          if (!in_fence)
            {
              /* "# Title": the first heading is the title */
              if (*p == '#')
                {
                  while (*p == '#')
                    p++;
                  g_strstrip (p);
                  if (*title == NULL && *p)
                    {
                      *title = collapse (p);
                      continue;
                    }
                  flush_paragraph (para, body);
                  space = TRUE;
                  append_collapsed (para, p, strlen (p), &space);
                  flush_paragraph (para, body);
                  space = TRUE;
                  continue;
                }
              if (*p == '>')
                p = g_strchug (p + 1);
              if ((p[0] == '-' || p[0] == '*' || p[0] == '+') && p[1] == ' ')
                {
                  flush_paragraph (para, body);
                  space = TRUE;
                  p += 2;
                }
              if (strspn (p, "-*_ ") == strlen (p) && strlen (p) >= 3)
                continue;
              line = p;
            }
        }

      if (line[0] == '\0' || !blank_lines)
        {
          if (line[0])
            append_collapsed (para, line, strlen (line), &space);
          flush_paragraph (para, body);
          space = TRUE;
          continue;
        }
      if (!space)
        g_string_append_c (para, ' ');
      space = TRUE;
      append_collapsed (para, line, strlen (line), &space);
    }
  flush_paragraph (para, body);

  if (markdown)
    {
      /* [text](url) → text, ![alt](url) → nothing, **x** → x, `x` → x */
      g_autoptr(GString) out = g_string_sized_new (body->len);
      const char *p = body->str;

      while (*p)
        {
          if ((p[0] == '!' && p[1] == '[') || p[0] == '[')
            {
              gboolean image = p[0] == '!';
              const char *open = image ? p + 1 : p;
              const char *close = strchr (open, ']');
              const char *nl = strchr (open, '\n');

              if (close && (!nl || close < nl) && close[1] == '(' && strchr (close, ')'))
                {
                  const char *end = strchr (close, ')');
                  if (!image)
                    g_string_append_len (out, open + 1, close - open - 1);
                  p = end + 1;
                  continue;
                }
            }
          if ((p[0] == '*' && p[1] == '*') || (p[0] == '_' && p[1] == '_'))
            {
              p += 2;
              continue;
            }
          if (p[0] == '`')
            {
              p++;
              continue;
            }
          g_string_append_c (out, *p++);
        }
      /* a paragraph that was only an image is gone */
      {
        g_auto(GStrv) paras = g_strsplit (out->str, "\n", -1);
        g_autoptr(GString) kept = g_string_new (NULL);

        for (guint i = 0; paras[i]; i++)
          {
            g_strstrip (paras[i]);
            if (paras[i][0] == '\0')
              continue;
            if (kept->len)
              g_string_append_c (kept, '\n');
            g_string_append (kept, paras[i]);
          }
        return g_string_free (g_steal_pointer (&kept), FALSE);
      }
    }

  /* a short first line without a full stop is the headline */
  if (*title == NULL && body->len)
    {
      const char *nl = strchr (body->str, '\n');
      gsize len = nl ? (gsize) (nl - body->str) : body->len;
      char last = body->str[len - 1];

      if (nl && len <= 200 && last != '.' && last != ':' && last != ',' && last != '?' && last != '!')
        {
          *title = g_strndup (body->str, len);
          g_string_erase (body, 0, len + 1);
        }
    }
  return g_string_free (g_steal_pointer (&body), FALSE);
}

/* ---- web pages --------------------------------------------------------------- */

static xmlParserInputPtr
refuse_entity_cb (const char       *url,
                  const char       *id,
                  xmlParserCtxtPtr  ctxt)
{
  (void) url;
  (void) id;
  (void) ctxt;
  return NULL;
}

static gboolean
name_is (xmlNode    *node,
         const char *name)
{
  return node->type == XML_ELEMENT_NODE && node->name && g_ascii_strcasecmp ((const char *) node->name, name) == 0;
}

static char *
attr (xmlNode    *node,
      const char *name)
{
  xmlChar *value = xmlGetProp (node, (const xmlChar *) name);
  char *copy;

  if (value == NULL)
    return NULL;
  copy = g_strdup ((const char *) value);
  xmlFree (value);
  return copy;
}

static gboolean
attr_is (xmlNode    *node,
         const char *name,
         const char *value)
{
  g_autofree char *v = attr (node, name);
  return v && g_ascii_strcasecmp (v, value) == 0;
}

static const char * const skipped_elements[] = {
  "script", "style", "noscript", "nav", "form", "aside", "footer", "header", "template",
  "iframe", "svg", "button", "select", "textarea", "object", "embed", "canvas", "video",
  "audio", "map", "h1", "menu", "dialog", "head", "title", NULL
};

static const char * const furniture[] = {
  "newsletter", "related", "share", "social", "comment", "advert", "promo", "cookie",
  "subscribe", "signup", "sign-up", "breadcrumb", "paywall", "sidebar", "most-read",
  "trending", "byline", NULL
};

static gboolean
is_skipped (xmlNode *node)
{
  g_autofree char *cls = NULL;
  g_autofree char *id = NULL;
  g_autofree char *role = NULL;

  for (guint i = 0; skipped_elements[i]; i++)
    if (name_is (node, skipped_elements[i]))
      return TRUE;
  if (xmlHasProp (node, (const xmlChar *) "hidden") || attr_is (node, "aria-hidden", "true"))
    return TRUE;
  role = attr (node, "role");
  if (role && (g_ascii_strcasecmp (role, "navigation") == 0 || g_ascii_strcasecmp (role, "complementary") == 0 ||
               g_ascii_strcasecmp (role, "contentinfo") == 0 || g_ascii_strcasecmp (role, "banner") == 0))
    return TRUE;
  cls = attr (node, "class");
  id = attr (node, "id");
  if (cls == NULL && id == NULL)
    return FALSE;
  {
    g_autofree char *lower = g_ascii_strdown (cls ? cls : "", -1);
    g_autofree char *lower_id = g_ascii_strdown (id ? id : "", -1);

    for (guint i = 0; furniture[i]; i++)
      if (strstr (lower, furniture[i]) || strstr (lower_id, furniture[i]))
        return TRUE;
  }
  return FALSE;
}

static const char * const block_elements[] = {
  "p", "div", "section", "article", "main", "blockquote", "pre", "li", "ul", "ol", "dl", "dt",
  "dd", "table", "tr", "td", "th", "thead", "tbody", "tfoot", "caption", "h2", "h3", "h4",
  "h5", "h6", "figure", "figcaption", "address", "hr", "body", "center", NULL
};

static gboolean
is_block (xmlNode *node)
{
  if (node->type != XML_ELEMENT_NODE)
    return FALSE;
  for (guint i = 0; block_elements[i]; i++)
    if (name_is (node, block_elements[i]))
      return TRUE;
  return FALSE;
}

/* The next node in document order, without entering node's children when
 * skip_children; NULL after root's last descendant */
static xmlNode *
next_node (xmlNode  *node,
           xmlNode  *root,
           gboolean  skip_children)
{
  if (!skip_children && node->children && node->type == XML_ELEMENT_NODE)
    return node->children;
  while (node && node != root)
    {
      if (node->next)
        return node->next;
      node = node->parent;
    }
  return NULL;
}

static char *
node_text (xmlNode *node)
{
  xmlChar *content = xmlNodeGetContent (node);
  char *text = collapse ((const char *) content);

  xmlFree (content);
  return text;
}

/* JSON-LD: the first object whose @type names an article, in a list, an
 * object or an @graph */
static JsonObject *
ld_article (JsonNode *node,
            int       depth)
{
  if (node == NULL || depth > 4)
    return NULL;
  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonObject *found = ld_article (json_array_get_element (array, i), depth + 1);
          if (found)
            return found;
        }
      return NULL;
    }
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);
      JsonNode *type = json_object_get_member (object, "@type");

      if (json_object_has_member (object, "@graph"))
        {
          JsonObject *found = ld_article (json_object_get_member (object, "@graph"), depth + 1);
          if (found)
            return found;
        }
      if (type && JSON_NODE_HOLDS_VALUE (type) && json_node_get_value_type (type) == G_TYPE_STRING &&
          strstr (json_node_get_string (type), "Article"))
        return object;
      if (type && JSON_NODE_HOLDS_ARRAY (type))
        {
          JsonArray *types = json_node_get_array (type);
          for (guint i = 0; i < json_array_get_length (types); i++)
            {
              JsonNode *t = json_array_get_element (types, i);
              if (JSON_NODE_HOLDS_VALUE (t) && json_node_get_value_type (t) == G_TYPE_STRING &&
                  strstr (json_node_get_string (t), "Article"))
                return object;
            }
        }
      if (json_object_has_member (object, "datePublished"))
        return object;
    }
  return NULL;
}

static const char *
ld_string (JsonObject *object,
           const char *member)
{
  JsonNode *node = object ? json_object_get_member (object, member) : NULL;

  if (node && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    return json_node_get_string (node);
  if (node && JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *inner = json_node_get_object (node);
      if (json_object_has_member (inner, "name"))
        return ld_string (inner, "name");
      if (json_object_has_member (inner, "@id"))
        return ld_string (inner, "@id");
    }
  return NULL;
}

/* json-glib recurses once a level: refuse deep JSON before parsing it */
static gboolean
json_shallow (const char *text,
              int         limit)
{
  int depth = 0;
  gboolean in_string = FALSE;

  for (const char *p = text; *p; p++)
    {
      if (in_string)
        {
          if (*p == '\\' && p[1])
            p++;
          else if (*p == '"')
            in_string = FALSE;
          continue;
        }
      if (*p == '"')
        in_string = TRUE;
      else if (*p == '{' || *p == '[')
        {
          if (++depth > limit)
            return FALSE;
        }
      else if (*p == '}' || *p == ']')
        depth--;
    }
  return TRUE;
}

typedef struct
{
  char *og_title;
  char *title;
  char *h1;
  char *site_name;
  char *published_meta;
  char *ld_published;
  char *ld_headline;
  char *ld_publisher;
  char *ld_url;
  char *time_datetime;
  char *canonical;
  char *og_url;
  xmlNode *article;
  xmlNode *main;
  xmlNode *body;
} PageMeta;

static void
page_meta_clear (PageMeta *m)
{
  g_free (m->og_title);
  g_free (m->title);
  g_free (m->h1);
  g_free (m->site_name);
  g_free (m->published_meta);
  g_free (m->ld_published);
  g_free (m->ld_headline);
  g_free (m->ld_publisher);
  g_free (m->ld_url);
  g_free (m->time_datetime);
  g_free (m->canonical);
  g_free (m->og_url);
}

#define SET_ONCE(field, value) G_STMT_START { char *v_ = (value); if ((field) == NULL) (field) = v_; else g_free (v_); } G_STMT_END

static void
read_json_ld (PageMeta *m,
              xmlNode  *script)
{
  g_autofree char *text = NULL;
  g_autoptr(JsonParser) parser = NULL;
  JsonObject *article;
  xmlChar *content = xmlNodeGetContent (script);

  text = g_strdup ((const char *) content);
  xmlFree (content);
  if (text == NULL || strlen (text) > 1024 * 1024 || !json_shallow (text, 32))
    return;
  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, text, -1, NULL))
    return;
  article = ld_article (json_parser_get_root (parser), 0);
  if (article == NULL)
    return;
  SET_ONCE (m->ld_published, g_strdup (ld_string (article, "datePublished")));
  SET_ONCE (m->ld_headline, collapse (ld_string (article, "headline")));
  SET_ONCE (m->ld_publisher, collapse (ld_string (article, "publisher")));
  SET_ONCE (m->ld_url, g_strdup (ld_string (article, "url")));
}

static void
read_meta (PageMeta *m,
           xmlDoc   *doc)
{
  xmlNode *root = xmlDocGetRootElement (doc);

  for (xmlNode *node = root; node; node = next_node (node, NULL, FALSE))
    {
      if (node->type != XML_ELEMENT_NODE)
        continue;
      if (name_is (node, "meta"))
        {
          g_autofree char *property = attr (node, "property");
          g_autofree char *name = attr (node, "name");
          g_autofree char *key = g_ascii_strdown (property ? property : name ? name : "", -1);

          if (strcmp (key, "og:title") == 0)
            SET_ONCE (m->og_title, collapse_take (attr (node, "content")));
          else if (strcmp (key, "og:site_name") == 0)
            SET_ONCE (m->site_name, collapse_take (attr (node, "content")));
          else if (strcmp (key, "article:published_time") == 0 || strcmp (key, "datepublished") == 0 ||
                   strcmp (key, "date") == 0 || strcmp (key, "pubdate") == 0)
            SET_ONCE (m->published_meta, attr (node, "content"));
          else if (strcmp (key, "og:url") == 0)
            SET_ONCE (m->og_url, attr (node, "content"));
        }
      else if (name_is (node, "title"))
        SET_ONCE (m->title, node_text (node));
      else if (name_is (node, "h1"))
        SET_ONCE (m->h1, node_text (node));
      else if (name_is (node, "link"))
        {
          g_autofree char *rel = attr (node, "rel");
          if (rel && g_ascii_strcasecmp (rel, "canonical") == 0)
            SET_ONCE (m->canonical, attr (node, "href"));
        }
      else if (name_is (node, "time"))
        SET_ONCE (m->time_datetime, attr (node, "datetime"));
      else if (name_is (node, "script"))
        {
          g_autofree char *type = attr (node, "type");
          if (type && g_ascii_strcasecmp (type, "application/ld+json") == 0)
            read_json_ld (m, node);
        }
      else if (name_is (node, "article") && m->article == NULL)
        m->article = node;
      else if ((name_is (node, "main") || attr_is (node, "role", "main")) && m->main == NULL)
        m->main = node;
      else if (name_is (node, "body") && m->body == NULL)
        m->body = node;
    }
}

/* The paragraphs under root, furniture left out */
static char *
page_body (xmlNode *root)
{
  g_autoptr(GString) body = g_string_new (NULL);
  g_autoptr(GString) para = g_string_new (NULL);
  gboolean space = TRUE;
  xmlNode *node = root->children;

  while (node)
    {
      gboolean skip = FALSE;

      if (node->type == XML_ELEMENT_NODE)
        {
          if (is_skipped (node))
            skip = TRUE;
          else if (is_block (node) || name_is (node, "br"))
            {
              flush_paragraph (para, body);
              space = TRUE;
            }
        }
      else if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE)
        {
          if (node->content)
            append_collapsed (para, (const char *) node->content, strlen ((const char *) node->content), &space);
        }

      /* leaving blocks on the way up ends their paragraphs */
      if (!skip && node->type == XML_ELEMENT_NODE && node->children)
        {
          node = node->children;
          continue;
        }
      while (node && node != root)
        {
          if (node->next)
            {
              node = node->next;
              break;
            }
          node = node->parent;
          if (node && node != root && is_block (node))
            {
              flush_paragraph (para, body);
              space = TRUE;
            }
        }
      if (node == root)
        break;
    }
  flush_paragraph (para, body);
  return g_string_free (g_steal_pointer (&body), FALSE);
}

static NhsImportedArticle *
import_html (const char  *text,
             gsize        len,
             const char  *name,
             GError     **error)
{
  static gsize loader_set = 0;
  NhsImportedArticle *article;
  PageMeta m = { 0 };
  htmlParserCtxtPtr ctxt;
  xmlDoc *doc;
  xmlNode *root;

  if (g_once_init_enter (&loader_set))
    {
      /* No page may make the parser read a file or the network */
      xmlSetExternalEntityLoader (refuse_entity_cb);
      g_once_init_leave (&loader_set, 1);
    }

  if (len > G_MAXINT)
    len = G_MAXINT;
  ctxt = htmlNewParserCtxt ();
  if (ctxt == NULL)
    {
      g_set_error (error, NHS_ARTICLE_IMPORT_ERROR, NHS_ARTICLE_IMPORT_ERROR_READ,
                   _("Could not read “%s”: out of memory."), name);
      return NULL;
    }
  doc = htmlCtxtReadMemory (ctxt, text, (int) len, NULL, "UTF-8",
                            HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_NOERROR |
                            HTML_PARSE_NOWARNING | HTML_PARSE_NODEFDTD);
  /* libxml2 stops at 256 levels (without HTML_PARSE_HUGE): the rest of
   * such a page is lost, so none of it is taken */
  if (ctxt->lastError.code == XML_ERR_INTERNAL_ERROR && ctxt->lastError.message &&
      strstr (ctxt->lastError.message, "depth"))
    {
      if (doc)
        xmlFreeDoc (doc);
      htmlFreeParserCtxt (ctxt);
      g_set_error (error, NHS_ARTICLE_IMPORT_ERROR, NHS_ARTICLE_IMPORT_ERROR_TOO_DEEP,
                   _("“%s” is nested too deeply to be read as a web page (more than 256 levels of elements)."), name);
      return NULL;
    }
  htmlFreeParserCtxt (ctxt);
  if (doc == NULL || xmlDocGetRootElement (doc) == NULL)
    {
      if (doc)
        xmlFreeDoc (doc);
      g_set_error (error, NHS_ARTICLE_IMPORT_ERROR, NHS_ARTICLE_IMPORT_ERROR_EMPTY,
                   _("“%s” holds no web page that can be read."), name);
      return NULL;
    }

  read_meta (&m, doc);
  root = m.article ? m.article : m.main ? m.main : m.body ? m.body : xmlDocGetRootElement (doc);

  article = g_new0 (NhsImportedArticle, 1);
  article->body = page_body (root);
  article->title = g_strdup (m.og_title ? m.og_title : m.title ? m.title : m.h1 ? m.h1 : m.ld_headline);
  article->publisher = g_strdup (m.site_name ? m.site_name : m.ld_publisher);
  article->published = normalise_date (m.published_meta);
  if (article->published == NULL)
    article->published = normalise_date (m.ld_published);
  if (article->published == NULL)
    article->published = normalise_date (m.time_datetime);
  article->url = g_strdup (m.canonical ? m.canonical : m.og_url ? m.og_url : m.ld_url);
  page_meta_clear (&m);
  xmlFreeDoc (doc);

  if (article->body[0] == '\0')
    {
      nhs_imported_article_free (article);
      g_set_error (error, NHS_ARTICLE_IMPORT_ERROR, NHS_ARTICLE_IMPORT_ERROR_EMPTY,
                   _("“%s” holds no article text."), name);
      return NULL;
    }
  return article;
}

/* ---- entry points ------------------------------------------------------------ */

static gboolean
looks_like_html (const char *text,
                 gsize       len)
{
  gsize n = MIN (len, 2048);
  g_autofree char *head = g_ascii_strdown (text, n);

  while (*head && g_ascii_isspace (*head))
    memmove (head, head + 1, strlen (head));
  return g_str_has_prefix (head, "<!doctype html") || g_str_has_prefix (head, "<html") ||
         strstr (head, "<body") || strstr (head, "<head") ||
         (head[0] == '<' && (strstr (head, "<p>") || strstr (head, "<div")));
}

NhsImportedArticle *
nhs_article_import_bytes (GBytes            *bytes,
                          NhsArticleFormat   format,
                          const char        *name,
                          GError           **error)
{
  gsize len;
  const char *text = g_bytes_get_data (bytes, &len);
  const char *bad;
  NhsImportedArticle *article;

  if (name == NULL)
    name = _("the article");
  if (text == NULL)
    text = "";
  if (len > NHS_ARTICLE_IMPORT_MAX_BYTES)
    {
      g_autofree char *size = g_format_size (len);
      g_autofree char *limit = g_format_size (NHS_ARTICLE_IMPORT_MAX_BYTES);
      g_set_error (error, NHS_ARTICLE_IMPORT_ERROR, NHS_ARTICLE_IMPORT_ERROR_TOO_LARGE,
                   _("“%s” is too large to be an article (%s; the limit is %s)."), name, size, limit);
      return NULL;
    }
  if (memchr (text, '\0', len))
    {
      g_set_error (error, NHS_ARTICLE_IMPORT_ERROR, NHS_ARTICLE_IMPORT_ERROR_BINARY,
                   _("“%s” is not text or a web page: it holds binary data."), name);
      return NULL;
    }
  if (!g_utf8_validate_len (text, len, &bad))
    {
      g_set_error (error, NHS_ARTICLE_IMPORT_ERROR, NHS_ARTICLE_IMPORT_ERROR_INVALID_UTF8,
                   _("“%s” is not UTF-8 text (the first bad byte is at offset %lu); save it as UTF-8 and try again."),
                   name, (unsigned long) (bad - text));
      return NULL;
    }
  /* a byte-order mark is not part of the text */
  if (len >= 3 && memcmp (text, "\xEF\xBB\xBF", 3) == 0)
    {
      text += 3;
      len -= 3;
    }

  if (format == NHS_ARTICLE_FORMAT_AUTO)
    format = looks_like_html (text, len) ? NHS_ARTICLE_FORMAT_HTML : NHS_ARTICLE_FORMAT_TEXT;

  if (format == NHS_ARTICLE_FORMAT_HTML)
    return import_html (text, len, name, error);

  {
    g_autofree char *copy = g_strndup (text, len);
    g_autofree char *title = NULL;
    g_autofree char *body = NULL;

    g_strdelimit (copy, "\r", '\n');
    body = text_paragraphs (copy, format == NHS_ARTICLE_FORMAT_MARKDOWN, &title);
    if (body[0] == '\0')
      {
        g_set_error (error, NHS_ARTICLE_IMPORT_ERROR, NHS_ARTICLE_IMPORT_ERROR_EMPTY,
                     _("“%s” holds no article text."), name);
        return NULL;
      }
    article = g_new0 (NhsImportedArticle, 1);
    article->title = g_steal_pointer (&title);
    article->body = g_steal_pointer (&body);
    return article;
  }
}

static NhsArticleFormat
format_for_name (const char *name)
{
  g_autofree char *lower = g_ascii_strdown (name ? name : "", -1);

  if (g_str_has_suffix (lower, ".html") || g_str_has_suffix (lower, ".htm") || g_str_has_suffix (lower, ".xhtml"))
    return NHS_ARTICLE_FORMAT_HTML;
  if (g_str_has_suffix (lower, ".md") || g_str_has_suffix (lower, ".markdown"))
    return NHS_ARTICLE_FORMAT_MARKDOWN;
  if (g_str_has_suffix (lower, ".txt"))
    return NHS_ARTICLE_FORMAT_TEXT;
  return NHS_ARTICLE_FORMAT_AUTO;
}

static NhsImportedArticle *
read_stream (GInputStream  *stream,
             const char    *name,
             NhsArticleFormat format,
             GCancellable  *cancellable,
             GError       **error)
{
  g_autoptr(GByteArray) data = g_byte_array_new ();
  g_autoptr(GBytes) bytes = NULL;
  guint8 buf[65536];

  for (;;)
    {
      g_autoptr(GError) local = NULL;
      gssize n = g_input_stream_read (stream, buf, sizeof buf, cancellable, &local);

      if (n < 0)
        {
          g_set_error (error, NHS_ARTICLE_IMPORT_ERROR, NHS_ARTICLE_IMPORT_ERROR_READ,
                       _("Could not read “%s”: %s"), name, local->message);
          return NULL;
        }
      if (n == 0)
        break;
      g_byte_array_append (data, buf, n);
      if (data->len > NHS_ARTICLE_IMPORT_MAX_BYTES)
        {
          g_autofree char *limit = g_format_size (NHS_ARTICLE_IMPORT_MAX_BYTES);
          g_set_error (error, NHS_ARTICLE_IMPORT_ERROR, NHS_ARTICLE_IMPORT_ERROR_TOO_LARGE,
                       _("“%s” is too large to be an article (more than %s)."), name, limit);
          return NULL;
        }
    }
  bytes = g_byte_array_free_to_bytes (g_steal_pointer (&data));
  return nhs_article_import_bytes (bytes, format, name, error);
}

NhsImportedArticle *
nhs_article_import_stream (GInputStream  *stream,
                           const char    *name,
                           GCancellable  *cancellable,
                           GError       **error)
{
  return read_stream (stream, name ? name : _("standard input"), NHS_ARTICLE_FORMAT_AUTO, cancellable, error);
}

NhsImportedArticle *
nhs_article_import_file (GFile         *file,
                         GCancellable  *cancellable,
                         GError       **error)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GError) local = NULL;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NONE, cancellable, &local);
  if (info == NULL)
    {
      g_set_error (error, NHS_ARTICLE_IMPORT_ERROR, NHS_ARTICLE_IMPORT_ERROR_READ,
                   _("Could not open “%s”: %s"), name, local->message);
      return NULL;
    }
  if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
    {
      g_set_error (error, NHS_ARTICLE_IMPORT_ERROR, NHS_ARTICLE_IMPORT_ERROR_READ,
                   _("“%s” is a folder, not an article."), name);
      return NULL;
    }
  if (g_file_info_get_size (info) > NHS_ARTICLE_IMPORT_MAX_BYTES)
    {
      g_autofree char *size = g_format_size (g_file_info_get_size (info));
      g_autofree char *limit = g_format_size (NHS_ARTICLE_IMPORT_MAX_BYTES);
      g_set_error (error, NHS_ARTICLE_IMPORT_ERROR, NHS_ARTICLE_IMPORT_ERROR_TOO_LARGE,
                   _("“%s” is too large to be an article (%s; the limit is %s)."), name, size, limit);
      return NULL;
    }
  stream = g_file_read (file, cancellable, &local);
  if (stream == NULL)
    {
      g_set_error (error, NHS_ARTICLE_IMPORT_ERROR, NHS_ARTICLE_IMPORT_ERROR_READ,
                   _("Could not open “%s”: %s"), name, local->message);
      return NULL;
    }
  return read_stream (G_INPUT_STREAM (stream), name, format_for_name (name), cancellable, error);
}

/* ---- an article already there ------------------------------------------------ */

static char *
normalise_url (const char *url)
{
  g_autofree char *copy = NULL;
  char *p;
  char *host_end;

  if (url == NULL)
    return NULL;
  copy = g_strstrip (g_strdup (url));
  if ((p = strchr (copy, '#')))
    *p = '\0';
  while (strlen (copy) > 1 && copy[strlen (copy) - 1] == '/')
    copy[strlen (copy) - 1] = '\0';
  /* the scheme and the host are case-insensitive, the path is not */
  p = strstr (copy, "://");
  host_end = p ? strchr (p + 3, '/') : NULL;
  for (char *c = copy; *c && (host_end == NULL || c < host_end); c++)
    *c = g_ascii_tolower (*c);
  if (*copy == '\0')
    return NULL;
  return g_steal_pointer (&copy);
}

static char *
normalise_text (const char *text)
{
  GString *out = g_string_new (NULL);
  gboolean space = TRUE;

  append_collapsed (out, text ? text : "", text ? strlen (text) : 0, &space);
  while (out->len && out->str[out->len - 1] == ' ')
    g_string_truncate (out, out->len - 1);
  return g_string_free (out, FALSE);
}

NhsArticle *
nhs_imported_article_find_in (const NhsImportedArticle *article,
                              NhsDataset               *dataset)
{
  GListModel *articles = nhs_dataset_get_articles (dataset);
  g_autofree char *url = normalise_url (article->url);
  g_autofree char *text = normalise_text (article->body);

  for (guint i = 0; i < g_list_model_get_n_items (articles); i++)
    {
      g_autoptr(NhsArticle) existing = g_list_model_get_item (articles, i);
      g_autofree char *existing_url = normalise_url (nhs_article_get_url (existing));
      g_autofree char *existing_text = NULL;

      if (url && existing_url && strcmp (url, existing_url) == 0)
        return existing;
      existing_text = normalise_text (nhs_article_get_body (existing));
      if (text[0] && strcmp (text, existing_text) == 0)
        return existing;
    }
  return NULL;
}
