/* nhs-export-dialog.h: Export Chart…
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "nhs-chart-view.h"

G_BEGIN_DECLS

#define NHS_TYPE_EXPORT_DIALOG (nhs_export_dialog_get_type ())
G_DECLARE_FINAL_TYPE (NhsExportDialog, nhs_export_dialog, NHS, EXPORT_DIALOG, GtkWindow)

/* Asks for size, scale, background and parts, then a file; exports exactly
 * what the chart view shows. Errors are shown in plain words. */
NhsExportDialog *nhs_export_dialog_present (GtkWindow      *parent,
                                            NhsDataset     *dataset,
                                            NhsEventFilter *filter,
                                            NhsChartView   *view);

/* Exports start in the folder of the last one (export-folder), when it
 * still is one */
void nhs_export_folder_restore  (GtkFileChooser *chooser,
                                 GSettings      *settings);
void nhs_export_folder_remember (GFile          *file,
                                 GSettings      *settings);

NhsExportDialog *nhs_export_dialog_new (GtkWindow      *parent,
                                        NhsDataset     *dataset,
                                        NhsEventFilter *filter,
                                        NhsChartView   *view);

/* The options the dialog would export with: the view's range, mode and
 * series, the size, scale, background and parts chosen here */
void     nhs_export_dialog_get_options (NhsExportDialog       *self,
                                        NhsChartExportOptions *options);

/* Exports to the file, adding ".png" when its name says no format; FALSE
 * with an error in plain words on failure, and no file written. What the
 * file chooser's answer calls (and shows the error of); public for tests. */
gboolean nhs_export_dialog_save        (NhsExportDialog *self,
                                        GFile           *file,
                                        GError         **error);

G_END_DECLS
