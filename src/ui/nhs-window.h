/* nhs-window.h
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "nhs-application.h"
#include "nhs-dataset.h"

G_BEGIN_DECLS

#define NHS_TYPE_WINDOW (nhs_window_get_type ())
G_DECLARE_FINAL_TYPE (NhsWindow, nhs_window, NHS, WINDOW, GtkApplicationWindow)

NhsWindow  *nhs_window_new           (NhsApplication *application);
NhsDataset *nhs_window_get_dataset   (NhsWindow      *self);
/* Shows dataset; the previous one is dropped */
void        nhs_window_set_dataset   (NhsWindow      *self,
                                      NhsDataset     *dataset);
void        nhs_window_load_bundled  (NhsWindow      *self);
/* Loads in the background; on failure shows the error and keeps what is
 * shown now */
void        nhs_window_open_file     (NhsWindow      *self,
                                      GFile          *file);
/* At start: reopens the last dataset opened, or else (or when that fails,
 * with a notice saying why) shows the bundled one */
void        nhs_window_load_initial  (NhsWindow      *self);
gboolean    nhs_window_is_loading    (NhsWindow      *self);
/* Selects the event with this id everywhere (list, chart, reader); FALSE
 * when the dataset has none */
gboolean    nhs_window_show_event    (NhsWindow      *self,
                                      const char     *event_id);

/* Whether closing would lose edits (the window asks first) */
gboolean    nhs_window_has_unsaved_changes (NhsWindow *self);

G_END_DECLS
