/* nhs-png-writer.c: a cairo image surface as PNG bytes
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * libpng, with two settings cairo_surface_write_to_png_stream () does not
 * make: every row gets the "Up" filter (a row like the one above becomes
 * zeros; cairo leaves libpng to try all five on every row) and zlib works at
 * level 3 (a chart is flat colour, lines and text: the default level costs
 * far more time for a few per cent of size; docs/benchmarks.md). An opaque
 * image is written as RGB, a translucent one as RGBA, un-premultiplied
 * exactly as cairo does. The text chunks go before the image data, so
 * readers see them first, and each is capped (NHS_PNG_TEXT_MAX_CHARS).
 */
#define G_LOG_DOMAIN "nhs-png-writer"

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n.h>
#include <png.h>
#include <string.h>

#include "nhs-json-reader.h"
#include "nhs-png-writer.h"

#define COMPRESSION_LEVEL 3

static gboolean
is_opaque (const guint8 *data,
           int           width,
           int           height,
           int           stride)
{
  for (int y = 0; y < height; y++)
    {
      const guint32 *row = (const guint32 *) (data + (gsize) y * stride);

      for (int x = 0; x < width; x++)
        if ((row[x] >> 24) != 0xff)
          return FALSE;
    }
  return TRUE;
}

/* One row of cairo's native-endian premultiplied ARGB as RGB or RGBA bytes */
static void
convert_row (const guint32 *in,
             guint8        *out,
             int            width,
             gboolean       alpha)
{
  for (int x = 0; x < width; x++)
    {
      guint32 v = in[x];
      guint a = v >> 24;
      guint r = (v >> 16) & 0xff, g = (v >> 8) & 0xff, b = v & 0xff;

      if (alpha)
        {
          if (a == 0)
            r = g = b = 0;
          else if (a != 0xff)
            {
              /* as cairo's own PNG writer rounds */
              r = (r * 255 + a / 2) / a;
              g = (g * 255 + a / 2) / a;
              b = (b * 255 + a / 2) / a;
            }
          out[0] = r;
          out[1] = g;
          out[2] = b;
          out[3] = a;
          out += 4;
        }
      else
        {
          out[0] = r;
          out[1] = g;
          out[2] = b;
          out += 3;
        }
    }
}

typedef struct
{
  GByteArray *out;
  char *message;              /* libpng's, when it fails */
} Writer;

static void
write_cb (png_structp png,
          png_bytep   data,
          png_size_t  len)
{
  Writer *w = png_get_io_ptr (png);

  g_byte_array_append (w->out, data, len);
}

static void
flush_cb (png_structp png)
{
}

static void
error_cb (png_structp     png,
          png_const_charp message)
{
  Writer *w = png_get_error_ptr (png);

  w->message = g_strdup (message);
  png_longjmp (png, 1);
}

static void
warning_cb (png_structp     png,
            png_const_charp message)
{
  g_debug ("libpng: %s", message);
}

/* text as a PNG text chunk carries it: at most NHS_PNG_TEXT_MAX_CHARS
 * characters, then "…" if there was more */
static char *
cap_text (const char *text)
{
  /* enough bytes for one character more than the cap: a 200 MB title is
   * not walked whole */
  gsize bytes = strnlen (text, (NHS_PNG_TEXT_MAX_CHARS + 1) * 4);

  return nhs_json_excerpt (text, bytes, NHS_PNG_TEXT_MAX_CHARS);
}

/* The chunks' texts, capped: tEXt where the text is Latin-1, else iTXt */
static png_text *
make_texts (const NhsPngText *texts,
            gsize             n_texts,
            GPtrArray        *strings)
{
  png_text *out = g_new0 (png_text, MAX (n_texts, 1));

  for (gsize i = 0; i < n_texts; i++)
    {
      char *capped = cap_text (texts[i].text);
      char *latin1 = g_convert (capped, -1, "ISO-8859-1", "UTF-8", NULL, NULL, NULL);

      g_ptr_array_add (strings, capped);
      out[i].key = (png_charp) texts[i].keyword;
      if (latin1 != NULL)
        {
          g_ptr_array_add (strings, latin1);
          out[i].compression = PNG_TEXT_COMPRESSION_NONE;
          out[i].text = latin1;
          out[i].text_length = strlen (latin1);
        }
      else
        {
          out[i].compression = PNG_ITXT_COMPRESSION_NONE;
          out[i].text = capped;
          out[i].itxt_length = strlen (capped);
          out[i].lang = NULL;
          out[i].lang_key = NULL;
        }
    }
  return out;
}

/* FALSE when libpng fails (and leaves by longjmp to here) */
static gboolean
write_image (png_structp       png,
             png_infop         info,
             cairo_surface_t  *surface,
             gboolean          alpha,
             png_text         *texts,
             gsize             n_texts,
             guint8           *row)
{
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  int stride = cairo_image_surface_get_stride (surface);
  const guint8 *data = cairo_image_surface_get_data (surface);

  if (setjmp (png_jmpbuf (png)))
    return FALSE;
  png_set_IHDR (png, info, width, height, 8, alpha ? PNG_COLOR_TYPE_RGB_ALPHA : PNG_COLOR_TYPE_RGB,
                PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
  png_set_filter (png, PNG_FILTER_TYPE_BASE, PNG_FILTER_UP);
  png_set_compression_level (png, COMPRESSION_LEVEL);
  if (n_texts > 0)
    png_set_text (png, info, texts, (int) n_texts);
  png_write_info (png, info);
  for (int y = 0; y < height; y++)
    {
      convert_row ((const guint32 *) (data + (gsize) y * stride), row, width, alpha);
      png_write_row (png, row);
    }
  png_write_end (png, NULL);
  return TRUE;
}

/**
 * nhs_png_encode:
 * @surface: an ARGB32 image surface
 * @texts: (array length=n_texts): text chunks
 * @n_texts: their number
 * @error: return location for an error
 *
 * Returns: (transfer full) (nullable): the PNG file's bytes
 */
GBytes *
nhs_png_encode (cairo_surface_t  *surface,
                const NhsPngText *texts,
                gsize             n_texts,
                GError          **error)
{
  int width, height, stride;
  const guint8 *data;
  gboolean alpha;
  g_autoptr(GPtrArray) strings = g_ptr_array_new_with_free_func (g_free);
  g_autofree png_text *text_chunks = NULL;
  g_autofree guint8 *row = NULL;
  Writer w = { NULL, NULL };
  png_structp png;
  png_infop info;

  g_return_val_if_fail (cairo_surface_get_type (surface) == CAIRO_SURFACE_TYPE_IMAGE, NULL);
  g_return_val_if_fail (cairo_image_surface_get_format (surface) == CAIRO_FORMAT_ARGB32, NULL);

  cairo_surface_flush (surface);
  width = cairo_image_surface_get_width (surface);
  height = cairo_image_surface_get_height (surface);
  stride = cairo_image_surface_get_stride (surface);
  data = cairo_image_surface_get_data (surface);
  if (width <= 0 || height <= 0 || data == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("Could not make the PNG image: it has no pixels."));
      return NULL;
    }

  alpha = !is_opaque (data, width, height, stride);
  text_chunks = make_texts (texts, n_texts, strings);
  row = g_malloc ((gsize) width * 4);
  w.out = g_byte_array_sized_new ((gsize) width * height / 8 + 4096);

  png = png_create_write_struct (PNG_LIBPNG_VER_STRING, &w, error_cb, warning_cb);
  info = png ? png_create_info_struct (png) : NULL;
  if (info != NULL)
    png_set_write_fn (png, &w, write_cb, flush_cb);
  if (info == NULL || !write_image (png, info, surface, alpha, text_chunks, n_texts, row))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not make the PNG image: %s"),
                   w.message ? w.message : _("out of memory"));
      png_destroy_write_struct (&png, &info);
      g_byte_array_unref (w.out);
      g_free (w.message);
      return NULL;
    }
  png_destroy_write_struct (&png, &info);
  return g_byte_array_free_to_bytes (w.out);
}
