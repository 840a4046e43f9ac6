/* test-reader.c: the loader's own JSON reader against json-glib
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The loader reads strict JSON itself and leaves everything else to
 * json-glib. Whatever the text, the outcome must be the one json-glib alone
 * gives: the same objects, or the same error, word for word. Each case here
 * loads a text both ways and compares.
 */
#include "config.h"

#include <string.h>

#include "nhs-dataset-loader.h"
#include "nhs-dataset-private.h"
#include "test-dump.h"
#include "test-util.h"

/* Loads text with the reader (json_glib FALSE) or with json-glib alone */
static NhsDataset *
load_text (const char *text,
           gsize       len,
           gboolean    json_glib,
           GError    **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, len);
  NhsDataset *ds;

  _nhs_dataset_loader_set_json_glib_only (json_glib);
  ds = nhs_dataset_load_bytes (bytes, "case.json", NULL, NULL, NULL, error);
  _nhs_dataset_loader_set_json_glib_only (FALSE);
  return ds;
}

/* Both ways agree; returns whether the text loaded, and in *strict whether
 * the reader took it without json-glib */
static gboolean
assert_same (const char *text,
             gsize       len,
             gboolean   *strict)
{
  g_autoptr(GError) fast_error = NULL;
  g_autoptr(GError) glib_error = NULL;
  g_autoptr(NhsDataset) fast = load_text (text, len, FALSE, &fast_error);
  g_autoptr(NhsDataset) glib = load_text (text, len, TRUE, &glib_error);

  if (fast == NULL || glib == NULL)
    {
      if (fast != NULL || glib != NULL)
        g_error ("only one way loaded «%.*s»: %s", (int) MIN (len, 300), text,
                 fast_error ? fast_error->message : glib_error->message);
      g_assert_cmpuint (fast_error->domain, ==, glib_error->domain);
      g_assert_cmpint (fast_error->code, ==, glib_error->code);
      g_assert_cmpstr (fast_error->message, ==, glib_error->message);
      if (strict)
        *strict = FALSE;
      return FALSE;
    }
  else
    {
      test_assert_same_dataset (fast, glib);
      g_assert_true (glib->read_by_json_glib);
      if (strict)
        *strict = !fast->read_by_json_glib;
      return TRUE;
    }
}

static void
test_good_files (void)
{
  const char *names[] = { "fixture.json", "minimal.json", "synthetic-200.json" };
  g_autoptr(GBytes) bundled = g_resources_lookup_data (NHS_DATASET_BUNDLED_RESOURCE, 0, NULL);
  gboolean strict = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      gsize len;
      g_autofree char *text = test_read_data (names[i], &len);

      g_assert_true (assert_same (text, len, &strict));
      /* these are strict JSON: the comparison was not json-glib with itself */
      g_assert_true (strict);
    }
  g_assert_true (assert_same (g_bytes_get_data (bundled, NULL), g_bytes_get_size (bundled), &strict));
  g_assert_true (strict);
}

/* Each snippet stands in for the value of a key in a small dataset */
static const struct {
  const char *snippet;
  gboolean strict;            /* whether the reader takes it without json-glib */
} snippets[] = {
  { "\"plain\"", TRUE },
  { "\"caf\\u00e9 \\u00E9 \\u20ac\"", TRUE },
  { "\"\\ud83d\\ude00 pair\"", TRUE },
  { "\"\\ud83d lone high\"", FALSE },
  { "\"\\ude00 lone low\"", FALSE },
  { "\"nul \\u0000 inside\"", FALSE },
  { "\"\\b\\f\\n\\r\\t\\\"\\\\\\/\"", TRUE },
  { "\"bad escape \\x41\"", FALSE },
  { "\"raw\ttab\"", FALSE },
  { "\"ünïcødé “quotes” £\"", TRUE },
  { "1", TRUE },
  { "-0", TRUE },
  { "-0.0", TRUE },
  { "8.8", TRUE },
  { "1e5", TRUE },
  { "1E+5", TRUE },
  { "2.5e-3", TRUE },
  { "123456789012345678", TRUE },
  { "1234567890123456789", FALSE },
  { "123456789012345678901", FALSE },
  { "1e309", TRUE },
  { "0.1000000000000000055511151231257827", TRUE },
  { "01", FALSE },
  { ".5", FALSE },
  { "1.", FALSE },
  { "+1", FALSE },
  { "0x10", FALSE },
  { "true", TRUE },
  { "false", TRUE },
  { "null", TRUE },
  { "TRUE", FALSE },
  { "'single'", FALSE },
  { "[1, 2, ]", FALSE },
  { "[]", TRUE },
  { "{}", TRUE },
  { "{\"a\": [1, {\"b\": null}]}", TRUE },
  { "{\"\": 1}", TRUE },
  { "{\"a\": 1, \"a\": 2}", TRUE },
};

static const char *templates[] = {
  /* as the title: strings load, the rest are type errors */
  "{\"format\":\"nhs-dispute-dataset\",\"version\":1,\"title\":@,\"groups\":[{\"id\":\"a\",\"name\":\"A\"}],\"events\":[]}",
  /* as an unknown key at the top */
  "{\"format\":\"nhs-dispute-dataset\",\"version\":1,\"title\":\"T\",\"x\":@,\"groups\":[{\"id\":\"a\",\"name\":\"A\"}],\"events\":[]}",
  /* inside an event, as its summary */
  "{\"format\":\"nhs-dispute-dataset\",\"version\":1,\"title\":\"T\",\"groups\":[{\"id\":\"a\",\"name\":\"A\"}],"
  "\"events\":[{\"id\":\"e\",\"kind\":\"talks\",\"groups\":[\"a\"],\"start\":\"2024-01-01\",\"title\":\"E\",\"summary\":@}]}",
  /* a figure's value: numbers load */
  "{\"format\":\"nhs-dispute-dataset\",\"version\":1,\"title\":\"T\",\"groups\":[{\"id\":\"a\",\"name\":\"A\"}],\"events\":[],"
  "\"figures\":[{\"id\":\"f\",\"metric\":\"other\",\"date\":\"2024-01-01\",\"unit\":\"count\",\"value\":@}]}",
  /* the version */
  "{\"format\":\"nhs-dispute-dataset\",\"version\":@,\"title\":\"T\",\"groups\":[{\"id\":\"a\",\"name\":\"A\"}],\"events\":[]}",
  /* an element of a top-level array */
  "{\"format\":\"nhs-dispute-dataset\",\"version\":1,\"title\":\"T\",\"groups\":[{\"id\":\"a\",\"name\":\"A\"}],\"events\":[],\"sources\":[@]}",
};

static void
test_snippets (void)
{
  for (guint t = 0; t < G_N_ELEMENTS (templates); t++)
    for (guint i = 0; i < G_N_ELEMENTS (snippets); i++)
      {
        g_auto(GStrv) halves = g_strsplit (templates[t], "@", 2);
        g_autofree char *text = g_strconcat (halves[0], snippets[i].snippet, halves[1], NULL);
        gboolean strict = FALSE;
        gboolean loaded;

        g_test_message ("%s", text);
        loaded = assert_same (text, strlen (text), &strict);
        /* where it loaded, the reader took it itself, or left it to json-glib */
        if (loaded)
          g_assert_cmpint (strict, ==, snippets[i].strict);
      }
}

/* Odd whole texts: empty, blank, not an object, trailing text, too deep */
static void
test_whole_texts (void)
{
  const char *texts[] = {
    "", "   \n\t", "[]", "\"x\"", "42", "null",
    "{\"format\":\"nhs-dispute-dataset\",\"version\":1,\"title\":\"T\",\"groups\":[{\"id\":\"a\",\"name\":\"A\"}],\"events\":[]} {}",
    "{\"format\":\"nhs-dispute-dataset\",\"version\":1,\"title\":\"T\",\"groups\":[{\"id\":\"a\",\"name\":\"A\"}],\"events\":[]} x",
    "\xef\xbb\xbf{\"format\":\"nhs-dispute-dataset\",\"version\":1,\"title\":\"T\",\"groups\":[{\"id\":\"a\",\"name\":\"A\"}],\"events\":[]}",
    "{\"format\":\"nhs-dispute-dataset\",\"version\":1,\"title\":\"T\",\"groups\":[{\"id\":\"a\",\"name\":\"A\"}],\"events\":[]",
    "{\"format\":\"nhs-dispute-dataset\"",
    "{",
    "{\"a\":\"\xff\"}",
    "{\"a\":\"\xc0\x80\"}",
    "{\"a\":\"\xed\xa0\x80\"}",
    "{\"a\":\"\xf4\x90\x80\x80\"}",
    "/* comment */ {}",
  };
  g_autoptr(GString) deep = g_string_new ("{\"x\":");

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    assert_same (texts[i], strlen (texts[i]), NULL);

  /* 64 levels are allowed, 65 are not */
  for (guint depth = 63; depth <= 64; depth++)
    {
      g_string_truncate (deep, 5);
      for (guint i = 1; i < depth; i++)
        g_string_append_c (deep, '[');
      for (guint i = 1; i < depth; i++)
        g_string_append_c (deep, ']');
      g_string_append_c (deep, '}');
      assert_same (deep->str, deep->len, NULL);
    }
  /* text that stops short, not NUL-terminated: a copy of exactly len bytes */
  {
    const char *text = "{\"format\":\"nhs-dispute-dataset\",\"version\":1,\"title\":\"T\"";
    for (gsize len = 0; len < strlen (text); len++)
      assert_same (text, len, NULL);
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
        gboolean strict = FALSE;

        for (guint i = 0; i < 24; i++)
          {
            if (i == at)
              g_string_append (text, specials[k]);
            g_string_append_c (text, 'a' + i);
          }
        g_string_append (text, "\",\"groups\":[{\"id\":\"a\",\"name\":\"A\"}],\"events\":[]}");
        assert_same (text->str, text->len, &strict);
      }
}

/* Random damage to the fixture: bytes changed, dropped, repeated, the text
 * cut short. Every variant must come out the same both ways. */
static void
test_mutations (void)
{
  static const char alphabet[] = "{}[],:\"\\ 0123456789-+.eEtrufalsn\n\x80\xc3\xa9\xff";
  gsize len;
  g_autofree char *fixture = test_read_data ("fixture.json", &len);
  g_autoptr(GRand) rand = g_rand_new_with_seed (20260101);
  guint n_loaded = 0, n_strict = 0;
  guint n = g_test_slow () ? 20000 : 2000;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GString) text = g_string_new_len (fixture, len);
      guint n_changes = 1 + g_rand_int_range (rand, 0, 3);
      gboolean strict = FALSE;

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
      if (assert_same (text->str, text->len, &strict))
        n_loaded++, n_strict += strict;
    }
  g_test_message ("%u of %u variants loaded, %u of them read strictly", n_loaded, n, n_strict);
  /* the damage leaves some variants loadable, most of them strict JSON */
  g_assert_cmpuint (n_loaded, >, n / 20);
  g_assert_cmpuint (n_strict, >, n_loaded / 2);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/reader/good-files", test_good_files);
  g_test_add_func ("/reader/snippets", test_snippets);
  g_test_add_func ("/reader/whole-texts", test_whole_texts);
  g_test_add_func ("/reader/string-runs", test_string_runs);
  g_test_add_func ("/reader/mutations", test_mutations);

  return g_test_run ();
}
