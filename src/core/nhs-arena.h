/* nhs-arena.h: memory handed out in chunks that are freed together
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For many small things that live and die together (a parsed document's
 * nodes and strings, the loader's dates and their texts): a free of each
 * of them, at the end of a large load, costs more than making them.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _NhsArenaChunk NhsArenaChunk;
struct _NhsArenaChunk
{
  NhsArenaChunk *next;
  gsize size;
  gsize used;
  gsize padding;              /* keeps the data that follows 16-byte aligned */
};

typedef struct
{
  NhsArenaChunk *head;
} NhsArena;

#define NHS_ARENA_CHUNK_SIZE (64 * 1024)

/* size bytes, 16-byte aligned, until the arena is reset or cleared */
static inline gpointer
nhs_arena_alloc (NhsArena *arena,
                 gsize     size)
{
  NhsArenaChunk *chunk = arena->head;
  gpointer mem;

  size = (size + 15) & ~(gsize) 15;
  if (chunk == NULL || chunk->size - chunk->used < size)
    {
      gsize chunk_size = MAX (NHS_ARENA_CHUNK_SIZE, size);

      chunk = g_malloc (sizeof (NhsArenaChunk) + chunk_size);
      chunk->size = chunk_size;
      chunk->used = 0;
      chunk->next = arena->head;
      arena->head = chunk;
    }
  mem = (char *) (chunk + 1) + chunk->used;
  chunk->used += size;
  return mem;
}

/* Frees all but the newest chunk, kept for reuse */
void nhs_arena_reset (NhsArena *arena);
void nhs_arena_clear (NhsArena *arena);

G_END_DECLS
