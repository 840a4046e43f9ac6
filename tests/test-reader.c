/* test-reader.c: the loader's JSON reader, against json-glib
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The loader reads strict JSON (RFC 8259) with its own reader. What it
 * takes, it must read as json-glib does (the same strings, the same
 * numbers); what json-glib refuses, it refuses too; and it refuses more:
 * json-glib's extensions (comments, single quotes, 01, 1., trailing
 * commas), a key given twice, a lone surrogate. Every refusal names the
 * file, the line and the column, in UTF-8.
 */
#include "config.h"

#include <json-glib/json-glib.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "nhs-dataset-loader.h"
#include "test-util.h"

static NhsDataset *
load_text (const char *text,
           gsize       len,
           GError    **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new_take (g_memdup2 (text, len), len);

  return nhs_dataset_load_bytes (bytes, "case.json", NULL, NULL, NULL, error);
}

/* json-glib's tree of the text, or NULL where json-glib refuses it */
static JsonNode *
json_glib_parse (const char *text,
                 gsize       len)
{
  g_autoptr(JsonParser) parser = json_parser_new ();

  if (!json_parser_load_from_data (parser, text, (gssize) len, NULL) || json_parser_get_root (parser) == NULL)
    return NULL;
  return json_node_copy (json_parser_get_root (parser));
}

/* A refusal in words: UTF-8, the file first, then where (when the text is
 * not even JSON: "case.json:LINE:COLUMN: ") */
static void
assert_refusal_in_words (GError *error)
{
  int line = 0, column = 0;

  g_assert_nonnull (error);
  g_assert_true (error->domain == NHS_DATASET_ERROR);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  g_assert_true (g_str_has_prefix (error->message, "case.json"));
  if (strcmp (error->message, "case.json: the file is empty") != 0)
    {
      g_assert_cmpint (sscanf (error->message, "case.json:%d:%d: ", &line, &column), ==, 2);
      g_assert_cmpint (line, >=, 1);
      g_assert_cmpint (column, >=, 1);
    }
}

/* The dataset's events are json-glib's: the same ids, titles, summaries */
static void
assert_events_as_json_glib_reads (NhsDataset *ds,
                                  JsonNode   *root)
{
  JsonArray *events = json_object_get_array_member (json_node_get_object (root), "events");

  g_assert_cmpuint (nhs_dataset_get_n_events (ds), ==, json_array_get_length (events));
  for (guint i = 0; i < json_array_get_length (events); i++)
    {
      JsonObject *obj = json_array_get_object_element (events, i);
      NhsEvent *event = nhs_dataset_lookup_event (ds, json_object_get_string_member (obj, "id"));

      g_assert_nonnull (event);
      g_assert_cmpstr (nhs_event_get_title (event), ==, json_object_get_string_member (obj, "title"));
      if (json_object_has_member (obj, "summary"))
        g_assert_cmpstr (nhs_event_get_summary (event), ==, json_object_get_string_member (obj, "summary"));
    }
  g_assert_cmpstr (nhs_dataset_get_title (ds), ==,
                   json_object_get_string_member (json_node_get_object (root), "title"));
}

static void
test_good_files (void)
{
  const char *names[] = { "fixture.json", "minimal.json", "synthetic-200.json" };
  g_autoptr(GBytes) bundled = g_resources_lookup_data (NHS_DATASET_BUNDLED_RESOURCE, 0, NULL);

  for (guint i = 0; i <= G_N_ELEMENTS (names); i++)
    {
      gsize len;
      g_autofree char *text = i < G_N_ELEMENTS (names)
        ? test_read_data (names[i], &len)
        : g_strndup (g_bytes_get_data (bundled, &len), g_bytes_get_size (bundled));
      g_autoptr(GError) error = NULL;
      g_autoptr(NhsDataset) ds = load_text (text, len, &error);
      g_autoptr(JsonNode) root = json_glib_parse (text, len);

      g_assert_no_error (error);
      g_assert_nonnull (root);
      assert_events_as_json_glib_reads (ds, root);
    }
}

/* Each snippet stands in for a value in a small dataset. -1: strict JSON
 * (it loads where the type fits); otherwise the code of the refusal, and
 * words it gives. */
static const struct {
  const char *snippet;
  int code;
  const char *says;
} snippets[] = {
  { "\"plain\"", -1, NULL },
  { "\"caf\\u00e9 \\u00E9 \\u20ac\"", -1, NULL },
  { "\"\\ud83d\\ude00 pair\"", -1, NULL },
  { "\"\\ud83d lone high\"", NHS_DATASET_ERROR_ENCODING, "half of a UTF-16 surrogate pair" },
  { "\"\\ude00 lone low\"", NHS_DATASET_ERROR_ENCODING, "half of a UTF-16 surrogate pair" },
  { "\"nul \\u0000 inside\"", NHS_DATASET_ERROR_ENCODING, "U+0000" },
  { "\"\\b\\f\\n\\r\\t\\\"\\\\\\/\"", -1, NULL },
  { "\"bad escape \\x41\"", NHS_DATASET_ERROR_SYNTAX, "a backslash in text must start an escape" },
  { "\"\\u12\"", NHS_DATASET_ERROR_SYNTAX, "four hexadecimal digits" },
  { "\"raw\ttab\"", NHS_DATASET_ERROR_SYNTAX, "a control character (U+0009)" },
  { "\"ünïcødé “quotes” £\"", -1, NULL },
  { "1", -1, NULL },
  { "-0", -1, NULL },
  { "-0.0", -1, NULL },
  { "8.8", -1, NULL },
  { "1e5", -1, NULL },
  { "1E+5", -1, NULL },
  { "2.5e-3", -1, NULL },
  { "123456789012345678", -1, NULL },
  { "1234567890123456789", -1, NULL },
  { "-9223372036854775808", -1, NULL },
  { "9223372036854775808", NHS_DATASET_ERROR_VALUE, "the whole number 9223372036854775808 is too large" },
  { "123456789012345678901", NHS_DATASET_ERROR_VALUE, "is too large" },
  { "1e309", -1, NULL },
  { "0.1000000000000000055511151231257827", -1, NULL },
  { "01", NHS_DATASET_ERROR_SYNTAX, "“01” is not a number JSON allows: a number may not start with 0" },
  { "-012", NHS_DATASET_ERROR_SYNTAX, "“-012” is not a number JSON allows" },
  { ".5", NHS_DATASET_ERROR_SYNTAX, "“.5” is not a number JSON allows: a number must start with a digit" },
  { "1.", NHS_DATASET_ERROR_SYNTAX, "“1.” is not a number JSON allows: a decimal point must be followed by a digit" },
  { "1.e5", NHS_DATASET_ERROR_SYNTAX, "a decimal point must be followed by a digit" },
  { "+1", NHS_DATASET_ERROR_SYNTAX, "“+1” is not a number JSON allows: a number may not start with “+”" },
  { "1e", NHS_DATASET_ERROR_SYNTAX, "“1e” is not a number JSON allows: an exponent must have digits" },
  { "1e+", NHS_DATASET_ERROR_SYNTAX, "an exponent must have digits" },
  { "-", NHS_DATASET_ERROR_SYNTAX, "“-” must be followed by a digit" },
  { "0x10", NHS_DATASET_ERROR_SYNTAX, "“x” has no place here" },
  { "true", -1, NULL },
  { "false", -1, NULL },
  { "null", -1, NULL },
  { "TRUE", NHS_DATASET_ERROR_SYNTAX, "“TRUE” is not a value" },
  { "nul", NHS_DATASET_ERROR_SYNTAX, "“nul” is not a value" },
  { "'single'", NHS_DATASET_ERROR_SYNTAX, "strings must be in double quotes" },
  { "/* c */ 1", NHS_DATASET_ERROR_SYNTAX, "comments are not allowed" },
  { "[1, 2, ]", NHS_DATASET_ERROR_SYNTAX, "a comma must be followed by another value" },
  { "{\"a\": 1, }", NHS_DATASET_ERROR_SYNTAX, "a comma must be followed by another member" },
  { "{\"a\" 1}", NHS_DATASET_ERROR_SYNTAX, "“1” has no place here (expected “:” after the key)" },
  { "{a: 1}", NHS_DATASET_ERROR_SYNTAX, "“a” has no place here (expected a key in double quotes)" },
  { "[1 2]", NHS_DATASET_ERROR_SYNTAX, "“2” has no place here (expected “,” or “]”)" },
  { "[]", -1, NULL },
  { "{}", -1, NULL },
  { "{\"a\": [1, {\"b\": null}]}", -1, NULL },
  { "{\"\": 1}", -1, NULL },
  { "{\"a\": 1, \"a\": 2}", NHS_DATASET_ERROR_DUPLICATE, "the key “a” is given twice in one object" },
  { "{\"a\": 1, \"\\u0061\": 2}", NHS_DATASET_ERROR_DUPLICATE, "the key “a” is given twice in one object" },
  { "{\"a\": 1, \"b\": {\"a\": 2}}", -1, NULL },
};

#define HEAD "{\"format\":\"nhs-dispute-dataset\",\"version\":1,\"title\":\"T\",\"groups\":[{\"id\":\"a\",\"name\":\"A\"}],"

static const char *templates[] = {
  /* as the title: strings load, the rest are type errors */
  "{\"format\":\"nhs-dispute-dataset\",\"version\":1,\"title\":@,\"groups\":[{\"id\":\"a\",\"name\":\"A\"}],\"events\":[]}",
  /* as an unknown key at the top */
  HEAD "\"x\":@,\"events\":[]}",
  /* inside an event, as its summary */
  HEAD "\"events\":[{\"id\":\"e\",\"kind\":\"talks\",\"groups\":[\"a\"],\"start\":\"2024-01-01\",\"title\":\"E\",\"summary\":@}]}",
  /* a figure's value: numbers load */
  HEAD "\"events\":[],\"figures\":[{\"id\":\"f\",\"metric\":\"other\",\"date\":\"2024-01-01\",\"unit\":\"count\",\"value\":@}]}",
  /* an element of a top-level array */
  HEAD "\"events\":[],\"sources\":[@]}",
};

static void
test_snippets (void)
{
  for (guint t = 0; t < G_N_ELEMENTS (templates); t++)
    for (guint i = 0; i < G_N_ELEMENTS (snippets); i++)
      {
        g_auto(GStrv) halves = g_strsplit (templates[t], "@", 2);
        g_autofree char *text = g_strconcat (halves[0], snippets[i].snippet, halves[1], NULL);
        g_autofree char *alone = g_strdup_printf ("[%s]", snippets[i].snippet);
        g_autoptr(GError) error = NULL;
        g_autoptr(NhsDataset) ds = NULL;
        g_autoptr(JsonNode) parsed = json_glib_parse (alone, strlen (alone));
        JsonNode *value;

        g_autofree char *shown = g_strescape (text, NULL);

        g_test_message ("%s", shown);
        ds = load_text (text, strlen (text), &error);
        if (snippets[i].code >= 0)
          {
            g_assert_null (ds);
            assert_refusal_in_words (error);
            g_assert_cmpint (error->code, ==, snippets[i].code);
            if (strstr (error->message, snippets[i].says) == NULL)
              g_error ("“%s” does not say “%s”", error->message, snippets[i].says);
            continue;
          }
        /* strict JSON: json-glib reads it too, and so does the loader
         * where the type is the one it wants */
        g_assert_nonnull (parsed);
        value = json_array_get_element (json_node_get_array (parsed), 0);
        if (t == 0 && JSON_NODE_HOLDS_VALUE (value) && json_node_get_value_type (value) == G_TYPE_STRING)
          {
            g_assert_no_error (error);
            g_assert_cmpstr (nhs_dataset_get_title (ds), ==, json_node_get_string (value));
          }
        else if (t == 3 && JSON_NODE_HOLDS_VALUE (value) &&
                 (json_node_get_value_type (value) == G_TYPE_INT64 || json_node_get_value_type (value) == G_TYPE_DOUBLE) &&
                 isfinite (json_node_get_double (value)))
          {
            g_assert_no_error (error);
            g_assert_cmpfloat (nhs_figure_get_value (nhs_dataset_lookup_figure (ds, "f")), ==, json_node_get_double (value));
          }
        else if (t == 1 || (t == 2 && JSON_NODE_HOLDS_VALUE (value) && json_node_get_value_type (value) == G_TYPE_STRING) ||
                 (t == 2 && JSON_NODE_HOLDS_NULL (value)))
          g_assert_no_error (error);
        else if (ds == NULL)
          {
            /* the wrong type for the place, said with its path */
            assert_refusal_in_words (error);
            g_assert_nonnull (strstr (error->message, ": $."));
          }
      }
}

/* Odd whole texts: refused in words, at the right place */
static void
test_whole_texts (void)
{
  const struct { const char *text; int code; const char *where; } texts[] = {
    { "", NHS_DATASET_ERROR_SYNTAX, "case.json: the file is empty" },
    { "   \n\t", NHS_DATASET_ERROR_SYNTAX, "case.json: the file is empty" },
    { "[]", NHS_DATASET_ERROR_NOT_OBJECT, "case.json:1:1: $: " },
    { "\n \"x\"", NHS_DATASET_ERROR_NOT_OBJECT, "case.json:2:2: $: " },
    { "42", NHS_DATASET_ERROR_NOT_OBJECT, "case.json:1:1: $: " },
    { "[01]", NHS_DATASET_ERROR_SYNTAX, "case.json:1:2: the file is not valid JSON: " },
    { HEAD "\"events\":[]} {}", NHS_DATASET_ERROR_SYNTAX, "case.json:1:103: the file is not valid JSON: there is more text" },
    { HEAD "\"events\":[]} x", NHS_DATASET_ERROR_SYNTAX, "case.json:1:103: the file is not valid JSON: there is more text" },
    { HEAD "\"events\":[]", NHS_DATASET_ERROR_SYNTAX, "case.json:1:101: the file is not valid JSON: the text ends" },
    { "{\"format\":\"nhs-dispute-dataset\"", NHS_DATASET_ERROR_SYNTAX, "case.json:1:32: the file is not valid JSON: the text ends" },
    { "{", NHS_DATASET_ERROR_SYNTAX, "case.json:1:2: the file is not valid JSON: " },
    { "{\"a\":\"abc", NHS_DATASET_ERROR_SYNTAX, "case.json:1:6: the file is not valid JSON: the text ends inside this string" },
    { "{\"a\":\"\xff\"}", NHS_DATASET_ERROR_ENCODING, "case.json:1:7: the file is not valid UTF-8 text" },
    { "{\"a\":\"\xc0\x80\"}", NHS_DATASET_ERROR_ENCODING, "case.json:1:7: the file is not valid UTF-8 text" },
    { "{\"a\":\"\xed\xa0\x80\"}", NHS_DATASET_ERROR_ENCODING, "case.json:1:7: the file is not valid UTF-8 text" },
    { "{\"a\":\"\xf4\x90\x80\x80\"}", NHS_DATASET_ERROR_ENCODING, "case.json:1:7: the file is not valid UTF-8 text" },
    { "{\"a\":1,\n \xc3\xa9}", NHS_DATASET_ERROR_SYNTAX, "case.json:2:2: the file is not valid JSON: “é” has no place here" },
    { "/* comment */ {}", NHS_DATASET_ERROR_SYNTAX, "case.json:1:1: the file is not valid JSON: comments are not allowed" },
    /* the top level twice, and a key twice inside an event */
    { HEAD "\"events\":[],\n\"events\":[]}", NHS_DATASET_ERROR_DUPLICATE, "case.json:2:1: $.events: the key “events” is given twice" },
    { HEAD "\"events\":[{\"id\":\"e\",\"kind\":\"talks\",\n\"id\":\"f\"}]}", NHS_DATASET_ERROR_DUPLICATE,
      "case.json:2:1: $.events[0].id: the key “id” is given twice" },
  };
  g_autoptr(GString) deep = g_string_new ("{\"x\":");

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(NhsDataset) ds = load_text (texts[i].text, strlen (texts[i].text), &error);

      g_autofree char *shown = g_strescape (texts[i].text, NULL);

      g_test_message ("%s", shown);
      g_assert_null (ds);
      assert_refusal_in_words (error);
      g_assert_cmpint (error->code, ==, texts[i].code);
      if (!g_str_has_prefix (error->message, texts[i].where))
        g_error ("“%s” does not start with “%s”", error->message, texts[i].where);
    }

  /* a byte order mark is not content */
  {
    const char *text = "\xef\xbb\xbf" HEAD "\"events\":[]}";
    g_autoptr(GError) error = NULL;
    g_autoptr(NhsDataset) ds = load_text (text, strlen (text), &error);

    g_assert_no_error (error);
  }

  /* 64 levels are allowed, 65 are not */
  for (guint depth = 64; depth <= 65; depth++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(NhsDataset) ds = NULL;

      g_string_truncate (deep, 5);
      for (guint i = 1; i < depth; i++)
        g_string_append_c (deep, '[');
      for (guint i = 1; i < depth; i++)
        g_string_append_c (deep, ']');
      g_string_append_c (deep, '}');
      ds = load_text (deep->str, deep->len, &error);
      assert_refusal_in_words (error);
      if (depth == 64)
        g_assert_cmpint (error->code, ==, NHS_DATASET_ERROR_FORMAT);
      else
        g_assert_nonnull (strstr (error->message, "case.json:1:69: the JSON is nested more than 64 levels deep"));
    }

  /* text that stops short, not NUL-terminated: a copy of exactly len bytes */
  {
    const char *text = "{\"format\":\"nhs-dispute-dataset\",\"version\":1,\"title\":\"T\"";
    for (gsize len = 0; len < strlen (text); len++)
      {
        g_autoptr(GError) error = NULL;
        g_autoptr(NhsDataset) ds = load_text (text, len, &error);

        g_assert_null (ds);
        assert_refusal_in_words (error);
        g_assert_cmpint (error->code, ==, NHS_DATASET_ERROR_SYNTAX);
      }
  }
}

/* Many keys in one object (past the point where they go into a set): a
 * repeat is still found, however far apart */
static void
test_many_keys (void)
{
  for (guint n = 10; n <= 1000; n *= 10)
    {
      g_autoptr(GString) text = g_string_new (HEAD "\"events\":[],\"x\":{");
      g_autoptr(GError) error = NULL;
      g_autoptr(NhsDataset) ds = NULL;

      for (guint i = 0; i < n; i++)
        g_string_append_printf (text, "\"k%u\":%u,", i, i);
      g_string_append (text, "\"k1\":0}}");
      ds = load_text (text->str, text->len, &error);
      g_assert_null (ds);
      g_assert_error (error, NHS_DATASET_ERROR, NHS_DATASET_ERROR_DUPLICATE);
      g_assert_nonnull (strstr (error->message, ": $.x.k1: the key “k1” is given twice"));

      /* and without the repeat, it loads */
      g_string_truncate (text, text->len - strlen (",\"k1\":0}}"));
      g_string_append (text, "}}");
      g_clear_error (&error);
      g_clear_object (&ds);
      ds = load_text (text->str, text->len, &error);
      g_assert_no_error (error);
    }
}

/* The reader skips plain runs of a string eight bytes at a time: put each
 * kind of byte that ends a run at every place in the word */
static void
test_string_runs (void)
{
  const char *specials[] = { "\\\"", "\\n", "\\u00e9", "\x01", "\x7f", "\xc3\xa9", "\xe2\x80\x9c", "\xff", "\x80", "\"" };

  for (guint k = 0; k < G_N_ELEMENTS (specials); k++)
    for (guint at = 0; at < 20; at++)
      {
        g_autoptr(GString) text = g_string_new ("{\"format\":\"nhs-dispute-dataset\",\"version\":1,\"title\":\"");
        g_autoptr(GError) error = NULL;
        g_autoptr(NhsDataset) ds = NULL;
        g_autoptr(JsonNode) root = NULL;

        for (guint i = 0; i < 24; i++)
          {
            if (i == at)
              g_string_append (text, specials[k]);
            g_string_append_c (text, 'a' + i);
          }
        g_string_append (text, "\",\"groups\":[{\"id\":\"a\",\"name\":\"A\"}],\"events\":[]}");
        ds = load_text (text->str, text->len, &error);
        root = json_glib_parse (text->str, text->len);
        if (ds != NULL)
          assert_events_as_json_glib_reads (ds, root);
        else
          assert_refusal_in_words (error);
        /* what loads is what json-glib reads; only the control characters,
         * the bytes that are not UTF-8 and the early quote are refused */
        g_assert_true ((ds != NULL) == (k < 3 || k == 4 || k == 5 || k == 6));
      }
}

/* Random damage to the fixture: bytes changed, dropped, repeated, the text
 * cut short. What json-glib refuses, the reader refuses; what the reader
 * takes, json-glib reads the same; every refusal is in words. */
static void
test_mutations (void)
{
  static const char alphabet[] = "{}[],:\"\\ 0123456789-+.eEtrufalsn\n\x80\xc3\xa9\xff";
  gsize len;
  g_autofree char *fixture = test_read_data ("fixture.json", &len);
  g_autoptr(GRand) rand = g_rand_new_with_seed (20260101);
  guint n_loaded = 0;
  guint n = g_test_slow () ? 20000 : 2000;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GString) text = g_string_new_len (fixture, len);
      guint n_changes = 1 + g_rand_int_range (rand, 0, 3);
      g_autoptr(GError) error = NULL;
      g_autoptr(NhsDataset) ds = NULL;
      g_autoptr(JsonNode) root = NULL;

      for (guint c = 0; c < n_changes; c++)
        {
          gsize at = g_rand_int_range (rand, 0, MAX (1, (gint32) text->len));

          switch (g_rand_int_range (rand, 0, 5))
            {
            case 0:
              if (text->len)
                text->str[at] = alphabet[g_rand_int_range (rand, 0, sizeof alphabet - 1)];
              break;
            case 1:
              {
                gsize drop = g_rand_int_range (rand, 1, 8);
                g_string_erase (text, at, MIN (text->len - at, drop));
              }
              break;
            case 2:
              g_string_insert_c (text, at, alphabet[g_rand_int_range (rand, 0, sizeof alphabet - 1)]);
              break;
            case 3:
              {
                gsize from = g_rand_int_range (rand, 0, MAX (1, (gint32) text->len));
                g_autofree char *piece = g_strndup (text->str + from, MIN (40, text->len - from));
                g_string_insert (text, at, piece);
              }
              break;
            default:
              g_string_truncate (text, at);
            }
        }
      ds = load_text (text->str, text->len, &error);
      root = json_glib_parse (text->str, text->len);
      if (ds != NULL)
        {
          n_loaded++;
          g_assert_nonnull (root);
          assert_events_as_json_glib_reads (ds, root);
        }
      else
        assert_refusal_in_words (error);
    }
  g_test_message ("%u of %u variants loaded", n_loaded, n);
  /* the damage leaves some variants loadable */
  g_assert_cmpuint (n_loaded, >, n / 20);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/reader/good-files", test_good_files);
  g_test_add_func ("/reader/snippets", test_snippets);
  g_test_add_func ("/reader/whole-texts", test_whole_texts);
  g_test_add_func ("/reader/many-keys", test_many_keys);
  g_test_add_func ("/reader/string-runs", test_string_runs);
  g_test_add_func ("/reader/mutations", test_mutations);

  return g_test_run ();
}
