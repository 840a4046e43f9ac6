/* test-png-util.h: PNG bytes read back by libpng, through cairo
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib.h>
#include <string.h>

typedef struct
{
  const guint8 *data;
  gsize len;
  gsize pos;
} TestPngReader;

static inline cairo_status_t
test_png_read_cb (void          *closure,
                  unsigned char *data,
                  unsigned int   length)
{
  TestPngReader *r = closure;

  if (r->pos + length > r->len)
    return CAIRO_STATUS_READ_ERROR;
  memcpy (data, r->data + r->pos, length);
  r->pos += length;
  return CAIRO_STATUS_SUCCESS;
}

/* The image in len bytes of PNG; asserts that libpng reads it */
static inline cairo_surface_t *
test_png_decode (const guint8 *data,
                 gsize         len)
{
  TestPngReader r = { data, len, 0 };
  cairo_surface_t *surface = cairo_image_surface_create_from_png_stream (test_png_read_cb, &r);

  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  return surface;
}

/* The CRC of a PNG chunk's type and data, bit by bit (the writer uses a
 * table) */
static inline guint32
test_png_crc32 (const guint8 *data,
                gsize         len)
{
  guint32 crc = 0xffffffffu;

  for (gsize i = 0; i < len; i++)
    {
      crc ^= data[i];
      for (int k = 0; k < 8; k++)
        crc = (crc & 1) ? (crc >> 1) ^ 0xedb88320u : crc >> 1;
    }
  return ~crc;
}
