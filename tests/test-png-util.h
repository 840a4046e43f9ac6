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
