/* test-filter.c: NhsEventFilter, table-driven over the fixture
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "nhs-enums.h"
#include "nhs-model-private.h"
#include "test-util.h"

typedef struct
{
  const char *name;
  const char *search;
  const char *only_groups;      /* space-separated, or NULL */
  guint kinds;
  const char *from;             /* YYYY-MM-DD or NULL */
  const char *to;
  const char *expected;         /* ids in dataset order */
} FilterCase;

#define K(k) NHS_EVENT_KIND_MASK (NHS_EVENT_KIND_##k)

static const FilterCase cases[] = {
  { "everything", NULL, NULL, 0, NULL, NULL,
    "ballot-rd award-2023 cons-a cons-b joint-2023-10 offer-cons rd-2024-01 talks-2024 rd-2024-02 sas-off sas-dst" },
  { "search-title-word", "walkout", NULL, 0, NULL, NULL, "joint-2023-10 rd-2024-01 rd-2024-02" },
  { "search-case-insensitive", "WALKOUT", NULL, 0, NULL, NULL, "joint-2023-10 rd-2024-01 rd-2024-02" },
  { "search-all-words-must-match", "walkout six", NULL, 0, NULL, NULL, "rd-2024-01" },
  { "search-evidence-quote", "february 24", NULL, 0, NULL, NULL, "rd-2024-02" },
  { "search-summary", "referendum", NULL, 0, NULL, NULL, "offer-cons" },
  { "search-outcome", "77.49", NULL, 0, NULL, NULL, "ballot-rd" },
  { "search-group-name", "sas doctors", NULL, 0, NULL, NULL, "award-2023 sas-off sas-dst" },
  { "search-kind", "pay-award", NULL, 0, NULL, NULL, "award-2023" },
  { "search-markup-literal", "<b>not</b>", NULL, 0, NULL, NULL, "talks-2024" },
  { "search-no-match", "nurses", NULL, 0, NULL, NULL, "" },
  { "search-whitespace-only", "   ", NULL, 0, NULL, NULL,
    "ballot-rd award-2023 cons-a cons-b joint-2023-10 offer-cons rd-2024-01 talks-2024 rd-2024-02 sas-off sas-dst" },
  { "group-consultant", NULL, "consultant", 0, NULL, NULL, "award-2023 cons-a cons-b joint-2023-10 offer-cons" },
  { "group-two", NULL, "consultant sas", 0, NULL, NULL, "award-2023 cons-a cons-b joint-2023-10 offer-cons sas-off sas-dst" },
  { "kind-strike", NULL, NULL, K (STRIKE), NULL, NULL,
    "cons-a cons-b joint-2023-10 rd-2024-01 rd-2024-02 sas-off sas-dst" },
  { "kind-offers-and-deals", NULL, NULL, K (OFFER) | K (DEAL), NULL, NULL, "offer-cons" },
  { "group-and-kind", NULL, "consultant", K (STRIKE), NULL, NULL, "cons-a cons-b joint-2023-10" },
  { "range-2024", NULL, NULL, 0, "2024-01-01", "2024-12-31", "rd-2024-01 talks-2024 rd-2024-02 sas-off sas-dst" },
  /* the strike ends 07:00 on 9 Jan: it overlaps 9 Jan */
  { "range-overlap-end", NULL, NULL, K (STRIKE), "2024-01-09", "2024-01-09", "rd-2024-01" },
  /* the mandate runs Feb–Aug 2023: it overlaps June */
  { "range-overlap-long", NULL, NULL, 0, "2023-06-01", "2023-06-30", "ballot-rd" },
  /* a strike ending 00:00 on 10 Jan (date-only end 9 Jan) does not overlap 10 Jan */
  { "range-open-from", NULL, NULL, 0, "2024-03-01", NULL, "sas-off sas-dst" },
  { "range-open-to", NULL, NULL, 0, NULL, "2023-07-13", "ballot-rd award-2023" },
  { "everything-combined", "strike", "consultant", K (STRIKE), "2023-07-01", "2023-07-31", "cons-a cons-b" },
};

static GDateTime *
day (NhsDataset *ds, const char *text)
{
  int y, m, d;

  if (text == NULL)
    return NULL;
  g_assert_cmpint (sscanf (text, "%d-%d-%d", &y, &m, &d), ==, 3);
  return g_date_time_new (nhs_dataset_get_timezone (ds), y, m, d, 0, 0, 0);
}

static void
test_case (gconstpointer data)
{
  const FilterCase *c = data;
  g_autoptr(NhsDataset) ds = test_load_fixture ("fixture.json");
  g_autoptr(NhsEventFilter) filter = nhs_event_filter_new ();
  g_autoptr(GDateTime) from = day (ds, c->from);
  g_autoptr(GDateTime) to = day (ds, c->to);
  g_autofree char *ids = NULL;

  nhs_event_filter_set_search (filter, c->search);
  if (c->only_groups)
    {
      g_auto(GStrv) groups = g_strsplit (c->only_groups, " ", -1);
      nhs_event_filter_set_only_groups (filter, ds, (const char * const *) groups);
    }
  nhs_event_filter_set_kinds (filter, c->kinds);
  nhs_event_filter_set_range (filter, from, to);

  ids = test_matching_ids (ds, filter);
  g_assert_cmpstr (ids, ==, c->expected);

  /* a copy (the chart builds from one in a thread) asks for the same, and
   * stays so when the original changes */
  {
    g_autoptr(NhsEventFilter) copy = nhs_event_filter_copy (filter);
    g_autofree char *copy_ids = test_matching_ids (ds, copy);
    g_autofree char *described = nhs_event_filter_describe (filter);
    g_autofree char *copy_described = nhs_event_filter_describe (copy);
    g_autofree char *after_reset = NULL;

    g_assert_cmpstr (copy_ids, ==, c->expected);
    g_assert_cmpstr (copy_described, ==, described);
    nhs_event_filter_reset (filter);
    after_reset = test_matching_ids (ds, copy);
    g_assert_cmpstr (after_reset, ==, c->expected);
  }
}

static void
changed_cb (NhsEventFilter  *filter,
            NhsFilterChange  change,
            GArray          *changes)
{
  g_array_append_val (changes, change);
}

static void
test_strictness_hints (void)
{
  g_autoptr(NhsDataset) ds = test_load_fixture ("fixture.json");
  g_autoptr(NhsEventFilter) filter = nhs_event_filter_new ();
  g_autoptr(GArray) changes = g_array_new (FALSE, FALSE, sizeof (NhsFilterChange));
  const NhsFilterChange expected[] = {
    NHS_FILTER_CHANGE_MORE_STRICT,   /* "" → "s" */
    NHS_FILTER_CHANGE_MORE_STRICT,   /* "s" → "st" */
    NHS_FILTER_CHANGE_MORE_STRICT,   /* "st" → "st jan" */
    NHS_FILTER_CHANGE_LESS_STRICT,   /* → "st" */
    NHS_FILTER_CHANGE_DIFFERENT,     /* → "pay" */
    NHS_FILTER_CHANGE_MORE_STRICT,   /* group off */
    NHS_FILTER_CHANGE_LESS_STRICT,   /* group on */
    NHS_FILTER_CHANGE_MORE_STRICT,   /* kinds: all → strike */
    NHS_FILTER_CHANGE_LESS_STRICT,   /* strike → strike + ballot */
    NHS_FILTER_CHANGE_DIFFERENT,     /* → offer */
    NHS_FILTER_CHANGE_MORE_STRICT,   /* range set */
    NHS_FILTER_CHANGE_LESS_STRICT,   /* range cleared */
    NHS_FILTER_CHANGE_LESS_STRICT,   /* reset */
  };
  g_autoptr(GDateTime) from = day (ds, "2024-01-01");

  g_signal_connect (filter, "changed", G_CALLBACK (changed_cb), changes);
  nhs_event_filter_set_search (filter, "s");
  nhs_event_filter_set_search (filter, "st");
  nhs_event_filter_set_search (filter, "St  Jan");
  nhs_event_filter_set_search (filter, "st");
  nhs_event_filter_set_search (filter, "st");      /* no change, no signal */
  nhs_event_filter_set_search (filter, "pay");
  nhs_event_filter_set_group_enabled (filter, "sas", FALSE);
  nhs_event_filter_set_group_enabled (filter, "sas", FALSE);   /* no change */
  nhs_event_filter_set_group_enabled (filter, "sas", TRUE);
  nhs_event_filter_set_kinds (filter, NHS_EVENT_KIND_MASK (NHS_EVENT_KIND_STRIKE));
  nhs_event_filter_set_kinds (filter, NHS_EVENT_KIND_MASK (NHS_EVENT_KIND_STRIKE) | NHS_EVENT_KIND_MASK (NHS_EVENT_KIND_BALLOT));
  nhs_event_filter_set_kinds (filter, NHS_EVENT_KIND_MASK (NHS_EVENT_KIND_OFFER));
  nhs_event_filter_set_range (filter, from, NULL);
  nhs_event_filter_set_range (filter, NULL, NULL);
  g_assert_false (nhs_event_filter_is_empty (filter));
  nhs_event_filter_reset (filter);
  g_assert_true (nhs_event_filter_is_empty (filter));

  for (guint i = 0; i < changes->len; i++)
    g_test_message ("change %u: %d", i, g_array_index (changes, NhsFilterChange, i));
  g_assert_cmpuint (changes->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < changes->len; i++)
    g_assert_cmpint (g_array_index (changes, NhsFilterChange, i), ==, expected[i]);
}

static void
test_describe (void)
{
  g_autoptr(NhsDataset) ds = test_load_fixture ("fixture.json");
  g_autoptr(NhsEventFilter) filter = nhs_event_filter_new ();
  g_autofree char *empty = nhs_event_filter_describe (filter);
  g_autofree char *text = NULL;

  g_assert_cmpstr (empty, ==, "");
  nhs_event_filter_set_search (filter, "strike");
  nhs_event_filter_set_group_enabled (filter, "sas", FALSE);
  nhs_event_filter_set_kinds (filter, NHS_EVENT_KIND_MASK (NHS_EVENT_KIND_STRIKE));
  text = nhs_event_filter_describe (filter);
  g_assert_cmpstr (text, ==, "search “strike”; kinds: strike; groups hidden: sas");
}

/* The search text is folded fast where it is ASCII; the result must be
 * g_utf8_casefold's, whatever the mix */
static void
test_fold_like_glib (void)
{
  static const gunichar specials[] = { 0xDF, 0x130, 0x131, 0x3A3, 0x3C2, 0xFB03, 0xC5, 0x212B, 0x301,
                                       0x1F600, 0x2019, 0xA3, 0x1E9E, 0x10400, 0x41, 0x5A, 0x61, 0x7A };
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GString) folded = g_string_new (NULL);

  for (guint round = 0; round < 2000; round++)
    {
      g_autofree char *expected = NULL;
      guint n = g_rand_int_range (rand, 0, 40);

      g_string_truncate (text, 0);
      for (guint i = 0; i < n; i++)
        {
          gunichar c;

          switch (g_rand_int_range (rand, 0, 4))
            {
            case 0: c = specials[g_rand_int_range (rand, 0, G_N_ELEMENTS (specials))]; break;
            case 1: c = g_rand_int_range (rand, 0x80, 0x3000); break;
            default: c = g_rand_int_range (rand, 0x20, 0x7F);
            }
          if (g_unichar_validate (c))
            g_string_append_unichar (text, c);
        }
      expected = g_utf8_casefold (text->str, text->len);
      g_string_truncate (folded, 0);
      _nhs_append_folded (folded, text->str);
      g_assert_cmpstr (folded->str, ==, expected);
    }
}

/* The filter rules events out by signature before it searches their text:
 * it must never rule out one whose text holds the word. Words are pieces
 * of the events' own texts, so most of them match something. */
static void
test_search_agrees_with_substring (void)
{
  g_autoptr(NhsDataset) ds = test_load_fixture ("synthetic-200.json");
  g_autoptr(NhsEventFilter) filter = nhs_event_filter_new ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (11);
  guint n = nhs_dataset_get_n_events (ds);
  guint total_matches = 0;

  for (guint round = 0; round < 400; round++)
    {
      const char *text = nhs_event_get_search_text (nhs_dataset_get_event (ds, g_rand_int_range (rand, 0, n)));
      glong chars = g_utf8_strlen (text, -1);
      glong from = g_rand_int_range (rand, 0, chars);
      glong len = g_rand_int_range (rand, 1, 10);
      g_autofree char *piece = g_utf8_substring (text, from, MIN (chars, from + len));
      g_auto(GStrv) words = g_strsplit_set (piece, " \t\r\n", -1);
      g_autofree char *word = NULL;
      guint matches = 0;

      if (words[0] == NULL || *words[0] == '\0')
        continue;
      word = g_utf8_casefold (words[0], -1);
      nhs_event_filter_set_search (filter, words[0]);
      for (guint i = 0; i < n; i++)
        {
          NhsEvent *event = nhs_dataset_get_event (ds, i);
          gboolean expected = strstr (nhs_event_get_search_text (event), word) != NULL;

          g_assert_cmpint (nhs_event_filter_match (filter, event), ==, expected);
          matches += expected;
        }
      g_assert_cmpuint (matches, >, 0);
      total_matches += matches;
    }
  g_assert_cmpuint (total_matches, >, 0);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/filter/%s", cases[i].name);
      g_test_add_data_func (path, &cases[i], test_case);
    }
  g_test_add_func ("/filter/strictness-hints", test_strictness_hints);
  g_test_add_func ("/filter/describe", test_describe);
  g_test_add_func ("/filter/fold-like-glib", test_fold_like_glib);
  g_test_add_func ("/filter/search-agrees-with-substring", test_search_agrees_with_substring);

  return g_test_run ();
}
