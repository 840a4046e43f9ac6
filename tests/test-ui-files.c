/* test-ui-files.c: every .ui file under data/ builds
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * gtk4-builder-tool validate cannot know the app's own widget types or
 * template callbacks, so each file is checked twice: by gtk4-builder-tool
 * where it names neither (its own template class aside), and always in this
 * process, which links the app's widgets: a template by creating its widget
 * (GTK builds the template then, and a bad one is a critical that fails the
 * test), any other file with GtkBuilder. The files are found on disk, so a
 * new one is checked without anyone listing it.
 */
#include "config.h"

#include <gtk/gtk.h>

typedef struct
{
  char *template_class;
  char *template_parent;
  GPtrArray *classes; /* every <object class=…> */
  gboolean has_callbacks; /* <signal handler=…> or <closure function=…> */
} UiFile;

static void
ui_file_free (UiFile *ui)
{
  g_free (ui->template_class);
  g_free (ui->template_parent);
  g_ptr_array_unref (ui->classes);
  g_free (ui);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (UiFile, ui_file_free)

static void
start_element (GMarkupParseContext  *context,
               const char           *element,
               const char          **names,
               const char          **values,
               gpointer              user_data,
               GError              **error)
{
  UiFile *ui = user_data;

  if (g_str_equal (element, "signal") || g_str_equal (element, "closure"))
    ui->has_callbacks = TRUE;
  for (guint i = 0; names[i]; i++)
    {
      if (g_str_equal (element, "template") && g_str_equal (names[i], "class"))
        ui->template_class = g_strdup (values[i]);
      else if (g_str_equal (element, "template") && g_str_equal (names[i], "parent"))
        ui->template_parent = g_strdup (values[i]);
      else if (g_str_equal (element, "object") && g_str_equal (names[i], "class"))
        g_ptr_array_add (ui->classes, g_strdup (values[i]));
    }
}

static UiFile *
ui_file_read (const char *path)
{
  static const GMarkupParser parser = { start_element, NULL, NULL, NULL, NULL };
  g_autoptr(UiFile) ui = g_new0 (UiFile, 1);
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autofree char *text = NULL;
  gsize length;
  g_autoptr(GError) error = NULL;

  ui->classes = g_ptr_array_new_with_free_func (g_free);
  g_file_get_contents (path, &text, &length, &error);
  g_assert_no_error (error);
  context = g_markup_parse_context_new (&parser, 0, ui, NULL);
  g_markup_parse_context_parse (context, text, length, &error);
  g_assert_no_error (error);
  g_markup_parse_context_end_parse (context, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&ui);
}

/* gtk4-builder-tool knows GTK's types and fakes the template's own class,
 * but cannot know the app's types or its template callbacks */
static gboolean
builder_tool_can_check (UiFile *ui)
{
  if (ui->has_callbacks)
    return FALSE;
  for (guint i = 0; i < ui->classes->len; i++)
    if (g_str_has_prefix (g_ptr_array_index (ui->classes, i), "Nhs"))
      return FALSE;
  return ui->template_parent == NULL || !g_str_has_prefix (ui->template_parent, "Nhs");
}

static void
validate_with_builder_tool (const char *path)
{
  g_autofree char *tool = g_find_program_in_path ("gtk4-builder-tool");
  const char *argv[] = { NULL, "validate", path, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if (tool == NULL)
    {
      g_test_message ("gtk4-builder-tool is not installed (libgtk-4-bin); checking in-process only");
      return;
    }
  argv[0] = tool;
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL) || *err || *out)
    g_error ("gtk4-builder-tool validate %s:\n%s%s", path, out, err);
}

static void
build_in_process (const char *path,
                  UiFile     *ui)
{
  g_autoptr(GtkBuilder) builder = gtk_builder_new ();
  g_autoptr(GError) error = NULL;
  GSList *objects;

  if (ui->template_class != NULL)
    {
      /* resolves nhs_<thing>_get_type () from this program, as GTK does */
      GType type = gtk_builder_get_type_from_name (builder, ui->template_class);
      GObject *widget;

      g_assert_true (g_type_is_a (type, GTK_TYPE_WIDGET));
      widget = g_object_ref_sink (g_object_new (type, NULL));
      g_assert_nonnull (gtk_widget_get_first_child (GTK_WIDGET (widget)));
      if (GTK_IS_WINDOW (widget))
        gtk_window_destroy (GTK_WINDOW (widget));
      g_object_unref (widget);
      return;
    }

  gtk_builder_add_from_file (builder, path, &error);
  g_assert_no_error (error);
  objects = gtk_builder_get_objects (builder);
  g_assert_nonnull (objects);
  for (GSList *l = objects; l; l = l->next)
    if (GTK_IS_WINDOW (l->data))
      gtk_window_destroy (l->data);
  g_slist_free (objects);
}

static void
test_ui_file (gconstpointer data)
{
  const char *path = data;
  g_autoptr(UiFile) ui = ui_file_read (path);

  if (builder_tool_can_check (ui))
    validate_with_builder_tool (path);
  else
    g_test_message ("%s uses the app's own types or callbacks: built in-process only", path);
  build_in_process (path, ui);
}

static void
find_ui_files (const char *dir,
               GPtrArray  *found)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  if (d == NULL)
    return;
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        find_ui_files (path, found);
      else if (g_str_has_suffix (name, ".ui"))
        g_ptr_array_add (found, g_steal_pointer (&path));
    }
}

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char **) a, *(const char **) b);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *data_dir = NULL;

  gtk_test_init (&argc, &argv, NULL);

  data_dir = g_test_build_filename (G_TEST_DIST, "..", "data", NULL);
  find_ui_files (data_dir, files);
  g_ptr_array_sort (files, compare_paths);
  g_assert_cmpuint (files->len, >=, 3);

  for (guint i = 0; i < files->len; i++)
    {
      const char *path = g_ptr_array_index (files, i);
      g_autofree char *name = g_path_get_basename (path);
      g_autofree char *test_path = g_strconcat ("/ui-files/", name, NULL);

      g_test_add_data_func (test_path, path, test_ui_file);
    }

  return g_test_run ();
}
