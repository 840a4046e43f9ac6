/* test-event-kinds.c: everything about a kind comes from the one table
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * src/core/nhs-event-kinds.h is the only list of kinds: the enum's GType,
 * the labels, the kind menu, the settings schema's choices (written at
 * build time) and the command line's help and errors must all agree with
 * it.
 */
#include "config.h"

#include <gio/gio.h>
#include <string.h>

#include "nhs-types.h"
#include "test-util.h"

static const struct { const char *nick; const char *menu; const char *chart_row; } table[] = {
#define ROW(NAME, nick, label, icon, menu, menu_label, chart_row) { nick, menu, chart_row },
  NHS_EVENT_KINDS (ROW)
#undef ROW
};

static void
test_enum (void)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (NHS_TYPE_EVENT_KIND);

  g_assert_cmpuint (klass->n_values, ==, G_N_ELEMENTS (table));
  g_assert_cmpuint (NHS_EVENT_KIND_N, ==, G_N_ELEMENTS (table));
  g_assert_cmpint (NHS_EVENT_KIND_STRIKE, ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (table); i++)
    {
      int value = -1;

      g_assert_true (nhs_enum_from_nick (NHS_TYPE_EVENT_KIND, table[i].nick, &value));
      g_assert_cmpint (value, ==, i);
      g_assert_cmpstr (nhs_enum_to_nick (NHS_TYPE_EVENT_KIND, i), ==, table[i].nick);
      g_assert_cmpstr (nhs_event_kind_to_label (i), !=, "");
      g_assert_true (g_str_has_suffix (nhs_event_kind_to_icon_name (i), "-symbolic"));
      /* a row of the chart's markers where the table names one, and only there */
      g_assert_cmpint (nhs_event_kind_to_chart_row (i) != NULL, ==, table[i].chart_row != NULL);
    }
  g_assert_cmpstr (nhs_event_kind_to_chart_row (NHS_EVENT_KIND_VOTE), ==, "Votes");
  g_assert_null (nhs_event_kind_to_chart_row (NHS_EVENT_KIND_STRIKE));
  g_assert_null (nhs_event_kind_to_chart_row (NHS_EVENT_KIND_PAY_AWARD));
  g_assert_cmpstr (nhs_enum_to_nick (NHS_TYPE_EVENT_KIND, NHS_EVENT_KIND_PAY_AWARD), ==, "pay-award");
  g_assert_cmpstr (nhs_event_kind_to_label (NHS_EVENT_KIND_PAY_AWARD), ==, "Pay award");
}

/* "All kinds", then each menu entry the table names, with every kind of
 * that entry in its mask */
static void
test_menu (void)
{
  guint n = nhs_kind_choice_get_n_choices ();
  guint covered = 0;

  g_assert_cmpstr (nhs_kind_choice_get_nick (0), ==, "all");
  g_assert_cmpstr (nhs_kind_choice_get_label (0), ==, "All kinds");
  g_assert_cmpuint (nhs_kind_choice_get_mask (0), ==, 0);
  g_assert_cmpuint (n, ==, 7);
  for (guint c = 1; c < n; c++)
    {
      guint expected = 0;

      for (guint k = 0; k < G_N_ELEMENTS (table); k++)
        if (g_strcmp0 (table[k].menu, nhs_kind_choice_get_nick (c)) == 0)
          expected |= NHS_EVENT_KIND_MASK (k);
      g_assert_cmpuint (nhs_kind_choice_get_mask (c), ==, expected);
      g_assert_cmpuint (covered & expected, ==, 0);
      covered |= expected;
      g_assert_cmpuint (nhs_kind_choice_from_mask (expected), ==, c);
      g_assert_cmpuint (nhs_kind_choice_from_nick (nhs_kind_choice_get_nick (c)), ==, c);
      g_assert_cmpstr (nhs_kind_choice_get_label (c), !=, "");
    }
  g_assert_cmpuint (nhs_kind_choice_get_mask (nhs_kind_choice_from_nick ("ballots")), ==,
                    NHS_EVENT_KIND_MASK (NHS_EVENT_KIND_BALLOT) | NHS_EVENT_KIND_MASK (NHS_EVENT_KIND_VOTE));
  g_assert_cmpstr (nhs_kind_choice_get_label (nhs_kind_choice_from_nick ("statements")), ==,
                   "Statements and announcements");
  /* every kind but "other" has an entry of its own */
  g_assert_cmpuint (covered, ==, NHS_EVENT_KIND_MASK_ALL & ~NHS_EVENT_KIND_MASK (NHS_EVENT_KIND_OTHER));
  g_assert_cmpuint (nhs_kind_choice_from_nick ("no-such-entry"), ==, 0);
}

/* The compiled schema's choices for filter-kinds are the menu's nicks */
static void
test_schema (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = g_settings_schema_source_lookup (source, "org.example.NhsDispute", TRUE);
  g_autoptr(GSettingsSchemaKey) key = NULL;
  g_autoptr(GVariant) range = NULL;
  g_autoptr(GVariant) values = NULL;
  const char *type;

  g_assert_nonnull (schema);
  key = g_settings_schema_get_key (schema, "filter-kinds");
  range = g_settings_schema_key_get_range (key);
  g_variant_get (range, "(&sv)", &type, &values);
  g_assert_cmpstr (type, ==, "enum");
  g_assert_cmpuint (g_variant_n_children (values), ==, nhs_kind_choice_get_n_choices ());
  for (guint c = 0; c < nhs_kind_choice_get_n_choices (); c++)
    {
      g_autoptr(GVariant) value = g_variant_get_child_value (values, c);
      g_assert_cmpstr (g_variant_get_string (value, NULL), ==, nhs_kind_choice_get_nick (c));
    }
}

/* --help and an unknown --kind list every kind */
static void
test_cli (void)
{
  const char *help_args[] = { "--help", NULL };
  const char *bad_args[] = { "--list-events", "--kind=riot", NULL };
  g_autofree char *help = NULL;
  g_autofree char *err = NULL;
  g_autofree char *nicks = nhs_event_kind_list_nicks ();

  g_assert_cmpint (test_run_cli (NULL, help_args, &help, NULL), ==, 0);
  g_assert_cmpint (test_run_cli (NULL, bad_args, NULL, &err), ==, 2);
  for (guint i = 0; i < G_N_ELEMENTS (table); i++)
    {
      g_assert_nonnull (strstr (nicks, table[i].nick));
      g_assert_nonnull (strstr (help, table[i].nick));
      g_assert_nonnull (strstr (err, table[i].nick));
    }
  g_assert_nonnull (strstr (err, "unknown kind “riot” (use one of: strike, ballot, vote,"));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/event-kinds/enum", test_enum);
  g_test_add_func ("/event-kinds/menu", test_menu);
  g_test_add_func ("/event-kinds/schema", test_schema);
  g_test_add_func ("/event-kinds/cli", test_cli);

  return g_test_run ();
}
