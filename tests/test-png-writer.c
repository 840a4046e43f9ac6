/* test-png-writer.c: the PNG writer, read back by libpng (through cairo)
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>
#include <string.h>

#include "nhs-png-writer.h"
#include "test-png-util.h"

static cairo_status_t
write_cb (void                *closure,
          const unsigned char *data,
          unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* A surface of random premultiplied pixels; opaque: every alpha 255 */
static cairo_surface_t *
random_surface (int      width,
                int      height,
                gboolean opaque,
                GRand   *rand)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  guint8 *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);

  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        guint a = opaque ? 255 : (guint) g_rand_int_range (rand, 0, 4) == 0 ? 0 : (guint) g_rand_int_range (rand, 0, 256);
        guint r = g_rand_int_range (rand, 0, a + 1), g = g_rand_int_range (rand, 0, a + 1), b = g_rand_int_range (rand, 0, a + 1);
        guint32 v = (a << 24) | (r << 16) | (g << 8) | b;

        /* runs and repeated rows, as a chart has */
        if (x > 0 && g_rand_int_range (rand, 0, 3) == 0)
          memcpy (&v, data + (gsize) y * stride + 4 * (x - 1), 4);
        else if (y > 0 && g_rand_int_range (rand, 0, 3) == 0)
          memcpy (&v, data + (gsize) (y - 1) * stride + 4 * x, 4);
        memcpy (data + (gsize) y * stride + 4 * x, &v, 4);
      }
  cairo_surface_mark_dirty (surface);
  return surface;
}

static void
assert_same_pixels (cairo_surface_t *a,
                    cairo_surface_t *b)
{
  int width = cairo_image_surface_get_width (a);
  int height = cairo_image_surface_get_height (a);

  g_assert_cmpint (cairo_image_surface_get_width (b), ==, width);
  g_assert_cmpint (cairo_image_surface_get_height (b), ==, height);
  cairo_surface_flush (a);
  cairo_surface_flush (b);
  for (int y = 0; y < height; y++)
    {
      const guint32 *ra = (const guint32 *) (cairo_image_surface_get_data (a) + (gsize) y * cairo_image_surface_get_stride (a));
      const guint32 *rb = (const guint32 *) (cairo_image_surface_get_data (b) + (gsize) y * cairo_image_surface_get_stride (b));

      for (int x = 0; x < width; x++)
        if (ra[x] != rb[x])
          g_error ("pixel %d,%d: %08x, expected %08x", x, y, rb[x], ra[x]);
    }
}

/* What cairo's own writer and reader make of the surface */
static cairo_surface_t *
cairo_round_trip (cairo_surface_t *surface,
                  gsize           *size)
{
  g_autoptr(GByteArray) png = g_byte_array_new ();

  g_assert_cmpint (cairo_surface_write_to_png_stream (surface, write_cb, png), ==, CAIRO_STATUS_SUCCESS);
  *size = png->len;
  return test_png_decode (png->data, png->len);
}

static void
check_round_trip (gboolean opaque)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (opaque ? 7 : 11);
  cairo_surface_t *surface = random_surface (301, 97, opaque, rand);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) png = nhs_png_encode (surface, NULL, 0, &error);
  const guint8 *data;
  gsize len, cairo_len;
  cairo_surface_t *ours, *theirs;

  g_assert_no_error (error);
  data = g_bytes_get_data (png, &len);
  g_assert_cmpmem (data, 8, "\x89PNG\r\n\x1a\n", 8);
  g_assert_cmpmem (data + 12, 4, "IHDR", 4);
  /* colour type: RGB when every pixel is opaque, else RGBA */
  g_assert_cmpuint (data[25], ==, opaque ? 2 : 6);

  /* libpng reads back, through cairo, exactly what cairo's own writer
   * would have given: the same un-premultiplying */
  ours = test_png_decode (data, len);
  theirs = cairo_round_trip (surface, &cairo_len);
  assert_same_pixels (theirs, ours);
  if (opaque)
    assert_same_pixels (surface, ours);

  cairo_surface_destroy (ours);
  cairo_surface_destroy (theirs);
  cairo_surface_destroy (surface);
}

static void
test_opaque (void)
{
  check_round_trip (TRUE);
}

static void
test_translucent (void)
{
  check_round_trip (FALSE);
}

/* Text chunks come after the header and before the image, each with its
 * CRC; the image compresses (flat colour to a small file) */
static void
test_chunks (void)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 800, 600);
  cairo_t *cr = cairo_create (surface);
  const NhsPngText texts[] = {
    { "Title", "Strike days <b>&amp;</b> pay" },
    { "Comment", "Grève — ‘quotes’ and ✓" },
  };
  g_autoptr(GBytes) png = NULL;
  g_autoptr(GError) error = NULL;
  const guint8 *data;
  gsize len, pos = 8;
  guint n_text = 0;
  gboolean seen_idat = FALSE, seen_iend = FALSE;
  GString *found = g_string_new (NULL);
  g_autofree char *found_text = NULL;

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_set_source_rgb (cr, 0.1, 0.44, 0.85);
  cairo_rectangle (cr, 100, 100, 300, 200);
  cairo_fill (cr);
  cairo_destroy (cr);

  png = nhs_png_encode (surface, texts, G_N_ELEMENTS (texts), &error);
  g_assert_no_error (error);
  data = g_bytes_get_data (png, &len);
  /* 1.4 MB of pixels in less than 16 KB (about 8 KB here) */
  g_assert_cmpuint (len, <, 16384);
  while (pos + 12 <= len)
    {
      guint32 n = ((guint32) data[pos] << 24) | ((guint32) data[pos + 1] << 16) | ((guint32) data[pos + 2] << 8) | data[pos + 3];
      const guint8 *type = data + pos + 4;
      const guint8 *crc = data + pos + 8 + n;
      guint32 want = ((guint32) crc[0] << 24) | ((guint32) crc[1] << 16) | ((guint32) crc[2] << 8) | crc[3];

      g_assert_cmpuint (pos + 12 + n, <=, len);
      g_assert_cmpuint (test_png_crc32 (type, n + 4), ==, want);
      if (memcmp (type, "IDAT", 4) == 0)
        seen_idat = TRUE;
      if (memcmp (type, "IEND", 4) == 0)
        seen_iend = TRUE;
      if (memcmp (type, "tEXt", 4) == 0 || memcmp (type, "iTXt", 4) == 0)
        {
          g_assert_false (seen_idat);
          /* type, then the chunk's data with its NUL separators as ':' */
          g_string_append_printf (found, "%.4s ", type);
          for (guint32 i = 0; i < n; i++)
            g_string_append_c (found, type[4 + i] ? (char) type[4 + i] : ':');
          g_string_append_c (found, '|');
          n_text++;
        }
      pos += 12 + n;
    }
  g_assert_cmpuint (pos, ==, len);
  g_assert_true (seen_idat && seen_iend);
  g_assert_cmpuint (n_text, ==, 2);
  /* Latin-1 text as tEXt; text beyond it as iTXt with its four header bytes */
  found_text = g_string_free (found, FALSE);
  g_assert_cmpstr (found_text, ==, "tEXt Title:Strike days <b>&amp;</b> pay|"
                                   "iTXt Comment:::::Grève — ‘quotes’ and ✓|");
  cairo_surface_destroy (surface);
}

/* The text chunk whose keyword is given: its type ("tEXt", "iTXt") and its
 * text (after the keyword, and for iTXt the four header bytes) */
static char *
text_chunk (GBytes     *png,
            const char *keyword,
            char        type[5])
{
  gsize len, pos = 8;
  const guint8 *data = g_bytes_get_data (png, &len);

  while (pos + 12 <= len)
    {
      guint32 n = ((guint32) data[pos] << 24) | ((guint32) data[pos + 1] << 16) | ((guint32) data[pos + 2] << 8) | data[pos + 3];
      const char *body = (const char *) data + pos + 8;

      if ((memcmp (data + pos + 4, "tEXt", 4) == 0 || memcmp (data + pos + 4, "iTXt", 4) == 0) &&
          n > strlen (keyword) && strcmp (body, keyword) == 0)
        {
          gsize skip = strlen (keyword) + 1 + (data[pos + 4] == 'i' ? 4 : 0);

          memcpy (type, data + pos + 4, 4);
          type[4] = '\0';
          return g_strndup (body + skip, n - skip);
        }
      pos += 12 + n;
    }
  return NULL;
}

/* Issue 13: a title of many megabytes gave a text chunk as large. Chunks
 * are capped at NHS_PNG_TEXT_MAX_CHARS characters, cut between characters,
 * with "…" */
static void
test_text_capped (void)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 16, 16);
  g_autofree char *huge = g_strnfill (8 * 1024 * 1024, 'a');
  g_autoptr(GString) accents = g_string_new (NULL);
  g_autofree char *at_cap = g_strnfill (NHS_PNG_TEXT_MAX_CHARS, 'b');
  g_autoptr(GBytes) png = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *comment = NULL;
  g_autofree char *whole = NULL;
  char type[5];
  NhsPngText texts[3] = { { "Title", huge }, { "Comment", NULL }, { "Source", at_cap } };

  /* 2-byte characters, so that a cut by bytes could split one */
  for (guint i = 0; i < NHS_PNG_TEXT_MAX_CHARS + 500; i++)
    g_string_append (accents, "é");
  texts[1].text = accents->str;
  png = nhs_png_encode (surface, texts, G_N_ELEMENTS (texts), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_bytes_get_size (png), <, 16384);

  title = text_chunk (png, "Title", type);
  g_assert_cmpuint (g_utf8_strlen (title, -1), ==, NHS_PNG_TEXT_MAX_CHARS + 1);
  g_assert_true (g_str_has_suffix (title, "…"));
  g_assert_true (strspn (title, "a") == NHS_PNG_TEXT_MAX_CHARS);
  /* "…" is not Latin-1: the capped text goes as UTF-8 */
  g_assert_cmpstr (type, ==, "iTXt");

  comment = text_chunk (png, "Comment", type);
  g_assert_true (g_utf8_validate (comment, -1, NULL));
  g_assert_cmpuint (g_utf8_strlen (comment, -1), ==, NHS_PNG_TEXT_MAX_CHARS + 1);
  g_assert_cmpuint (strlen (comment), ==, 2 * NHS_PNG_TEXT_MAX_CHARS + strlen ("…"));
  g_assert_true (g_str_has_suffix (comment, "é…"));

  /* at the cap, a text stays whole */
  whole = text_chunk (png, "Source", type);
  g_assert_cmpstr (whole, ==, at_cap);
  g_assert_cmpstr (type, ==, "tEXt");
  cairo_surface_destroy (surface);
}

static void
test_empty (void)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 0, 0);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) png = nhs_png_encode (surface, NULL, 0, &error);

  g_assert_null (png);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  cairo_surface_destroy (surface);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/png-writer/opaque", test_opaque);
  g_test_add_func ("/png-writer/translucent", test_translucent);
  g_test_add_func ("/png-writer/chunks", test_chunks);
  g_test_add_func ("/png-writer/empty", test_empty);
  g_test_add_func ("/png-writer/text-capped", test_text_capped);
  return g_test_run ();
}
