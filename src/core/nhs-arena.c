/* nhs-arena.c: memory handed out in chunks that are freed together
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "nhs-arena.h"

void
nhs_arena_reset (NhsArena *arena)
{
  NhsArenaChunk *chunk = arena->head;

  if (chunk == NULL)
    return;
  while (chunk->next != NULL)
    {
      NhsArenaChunk *next = chunk->next->next;
      g_free (chunk->next);
      chunk->next = next;
    }
  chunk->used = 0;
}

void
nhs_arena_clear (NhsArena *arena)
{
  while (arena->head != NULL)
    {
      NhsArenaChunk *next = arena->head->next;
      g_free (arena->head);
      arena->head = next;
    }
}
