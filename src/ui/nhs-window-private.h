/* nhs-window-private.h: the window's struct, shared by its files
 * (nhs-window.c, -document.c, -export.c, -import.c), and what the window
 * tests reach into
 *
 * Copyright 2026 The NHS Dispute Explorer authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "nhs-adaptive-bin.h"
#include "nhs-article-reader.h"
#include "nhs-chart-view.h"
#include "nhs-document.h"
#include "nhs-event-list.h"
#include "nhs-add-article-dialog.h"
#include "nhs-inspector.h"
#include "nhs-review-panel.h"
#include "nhs-window.h"

G_BEGIN_DECLS

/* how long a toast stays: long enough to read a sentence and reach its
 * button */
#define TOAST_SECONDS 6

typedef struct
{
  NhsWindow *window;          /* strong: the window outlives its loads */
  GCancellable *cancellable;
  GFile *file;
  gboolean at_start;          /* reopening the last dataset at start */
} LoadData;

struct _NhsWindow
{
  GtkApplicationWindow parent_instance;

  NhsDataset *dataset;
  NhsEventFilter *filter;
  GSettings *settings;
  /* size, maximized and panes: delayed, written when the window closes */
  GSettings *state_settings;
  GtkFileChooserNative *chooser;

  LoadData *load;             /* the load under way, or NULL */
  guint progress_timeout_id;
  /* A dataset loaded, being handed to the views a frame at a time
   * (nhs-window-handover.c) */
  NhsDataset *handing_over;
  guint handover_step;
  guint handover_limit;       /* the rows allowed in the list being filled */
  guint handover_tick_id;
  guint handover_watchdog_id;
  guint handover_watched_step;
  gconstpointer handover_chart_model; /* the chart's model at the last step,
                                         compared, never used */

  guint toast_timeout_id;
  GFile *toast_folder;        /* the file whose folder Open Folder shows */
  guint layout_idle_id;

  GMenu *recent_section;
  GtkLabel *title_label;
  GtkLabel *subtitle_label;
  GtkWidget *open_button;
  GtkWidget *export_button;
  GtkRevealer *toast_revealer;
  GtkLabel *toast_label;
  GtkButton *toast_button;
  NhsAdaptiveBin *layout_bin;
  GtkStack *view_stack;
  GtkBox *chart_slot;
  GtkBox *list_slot;
  GtkBox *reader_slot;
  GtkRevealer *progress_revealer;
  GtkLabel *progress_label;
  GtkProgressBar *progress_bar;
  GtkPaned *chart_paned;
  GtkPaned *list_paned;
  NhsChartView *chart_view;
  NhsEventList *event_list;
  NhsArticleReader *reader;
  NhsReviewPanel *review_panel; /* Add Article's review (nhs-window-import.c) */

  /* Editing (see "Editing" below) */
  NhsDocument *document;      /* over dataset, made at the first edit */
  GSignalGroup *document_signals;
  GCancellable *preparing;    /* the document being made in a thread */
  guint prepare_threshold;    /* at this many events and more, it is
                                 (NHS_WINDOW_PREPARE_IN_THREAD) */
  GtkRevealer *inspector_revealer;
  NhsInspector *inspector;
  GMenu *primary_menu;
  GMenu *edit_section;
  GFile *pending_open;        /* to open once unsaved changes are settled */
  gboolean close_after_save;
  gboolean discarding;        /* closing without saving, as asked */
  guint recovery_timeout_id;
  GCancellable *recovery_cancellable;   /* a recovery text being written */
  gboolean recovery_again;              /* changed meanwhile: write it again */
  GFileMonitor *monitor;      /* the dataset's file */
  char *disk_etag;            /* its etag when opened or last saved */
  gboolean asking_reload;
};

/* Datasets of this many events and more are made editable in a thread when
 * the inspector opens (nhs-window-document.c) */
#define NHS_WINDOW_PREPARE_IN_THREAD 20000

/* Shared by the window's files */
void              _nhs_window_show_toast      (NhsWindow  *self,
                                               const char *text,
                                               GFile      *folder,
                                               guint       seconds);
void              _nhs_window_show_notice     (NhsWindow  *self,
                                               const char *text);
char             *_nhs_window_file_display_name (GFile    *file);
GtkFileChooserNative *_nhs_window_new_chooser (NhsWindow            *self,
                                               const char           *title,
                                               GtkFileChooserAction  action,
                                               const char           *accept,
                                               const char           *filter_name,
                                               const char           *mime_type,
                                               const char           *pattern);
void              _nhs_window_update_header   (NhsWindow  *self);
void              _nhs_window_activate_event  (NhsWindow  *self,
                                               NhsEvent   *event);
void              _nhs_window_load_file       (NhsWindow  *self,
                                               GFile      *file,
                                               gboolean    at_start);
void              _nhs_window_stop_progress   (NhsWindow  *self);
gboolean          _nhs_window_take_dataset    (NhsWindow  *self,
                                               NhsDataset *dataset);
void              _nhs_window_dataset_shown   (NhsWindow  *self);

/* Handing a loaded dataset over (nhs-window-handover.c) */
void              _nhs_window_hand_over       (NhsWindow  *self,
                                               NhsDataset *dataset);
gboolean          _nhs_window_handing_over    (NhsWindow  *self,
                                               NhsDataset *dataset);
void              _nhs_window_finish_hand_over (NhsWindow *self);
void              _nhs_window_stop_hand_over  (NhsWindow  *self);

/* Editing, saving and recovery (nhs-window-document.c) */
void              _nhs_window_document_class_init (GtkWidgetClass *widget_class);
void              _nhs_window_update_edit_actions (NhsWindow *self);
gboolean          _nhs_window_ask_to_save     (NhsWindow  *self);
void              _nhs_window_remove_recovery (NhsWindow  *self);
void              _nhs_window_write_recovery  (NhsWindow  *self);
void              _nhs_window_offer_recovery  (NhsWindow  *self);
void              _nhs_window_drop_document   (NhsWindow  *self);
void              _nhs_window_watch_file      (NhsWindow  *self);
gboolean          _nhs_window_ensure_document (NhsWindow  *self,
                                               gboolean    quiet);
/* the document for the inspector: made at once, or in a thread for a large
 * dataset */
void              _nhs_window_open_document   (NhsWindow  *self);
void              _nhs_window_stop_preparing  (NhsWindow  *self);

/* Exports (nhs-window-export.c) */
void              _nhs_window_export_class_init (GtkWidgetClass *widget_class);


NhsEventList     *nhs_window_get_event_list   (NhsWindow  *self);
NhsArticleReader *nhs_window_get_reader       (NhsWindow  *self);
NhsEventFilter   *nhs_window_get_filter       (NhsWindow  *self);
GtkLabel         *nhs_window_get_title_label  (NhsWindow  *self);
/* The notice bar's label while it shows, else NULL */
GtkLabel         *nhs_window_get_notice_label (NhsWindow  *self);
/* The file chooser the window shows (Open, Export Events as CSV…) while it
 * waits for an answer, or NULL */
GtkFileChooserNative *nhs_window_get_file_chooser (NhsWindow *self);
/* Open Recent's items: the bundled dataset, then the last ones opened */
GMenuModel       *nhs_window_get_recent_menu  (NhsWindow  *self);
/* The paned of the chart (TRUE) or of the list and the reader */
GtkPaned         *nhs_window_get_paned        (NhsWindow  *self,
                                               gboolean    chart);
/* Whether chart, events and article are views of their own */
gboolean          nhs_window_is_narrow        (NhsWindow  *self);
/* The narrow layout's button for "chart", "events" or "article" */
GtkWidget        *nhs_window_get_view_button  (NhsWindow  *self,
                                               const char *view);
/* What Export Events as CSV… writes, without the file chooser */
gboolean          nhs_window_export_csv       (NhsWindow  *self,
                                               GFile      *file,
                                               GError    **error);
NhsInspector     *nhs_window_get_inspector    (NhsWindow  *self);
/* NULL until the first edit */
NhsDocument      *nhs_window_get_document     (NhsWindow  *self);
NhsChartView     *nhs_window_get_chart_view   (NhsWindow  *self);

/* Add Article (nhs-window-import.c) */
void              _nhs_window_import_class_init (GtkWidgetClass *widget_class);
void              _nhs_window_import_init     (NhsWindow  *self);
/* New, Duplicate and Delete Figure (nhs-window-figures.c) */
void              _nhs_window_figures_class_init (GtkWidgetClass *widget_class);
/* The form of Add Article while it shows, else NULL */
NhsAddArticleDialog *nhs_window_get_add_article_dialog (NhsWindow *self);
NhsReviewPanel   *nhs_window_get_review_panel (NhsWindow  *self);
/* Makes the document (at the first edit); FALSE, with the reason shown,
 * when the dataset cannot be edited */
gboolean          nhs_window_ensure_document  (NhsWindow  *self);
void              nhs_window_show_error       (NhsWindow  *self,
                                               const char *primary,
                                               const char *secondary);
/* Selects the event in the list and, with open_inspector, shows it in the
 * inspector */
void              nhs_window_inspect_event    (NhsWindow  *self,
                                               NhsEvent   *event,
                                               gboolean    open_inspector);

/* New Event from Selection (nhs-window-evidence.c) */
void              _nhs_window_evidence_class_init (GtkWidgetClass *widget_class);
void              _nhs_window_evidence_init   (NhsWindow  *self);

G_END_DECLS
