/* kw-finding.h: one improvement finding from an investigation.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "kw-estimates.h"

G_BEGIN_DECLS

typedef enum {
  KW_STATUS_OPEN,
  KW_STATUS_IN_PROGRESS,
  KW_STATUS_DONE,
} KwStatus;

#define KW_N_STATUSES 3

#define KW_TYPE_STATUS (kw_status_get_type ())
GType       kw_status_get_type  (void) G_GNUC_CONST;
const char *kw_status_to_id     (KwStatus    status);
gboolean    kw_status_from_id   (const char *id,
                                 KwStatus   *status);
const char *kw_status_get_label (KwStatus    status);

/* The free-text fields of a finding, for code that treats them alike
 * (the file format, the CSV importer, the details editor). */
typedef enum {
  KW_FINDING_TEXT_TITLE,
  KW_FINDING_TEXT_DESCRIPTION,
  KW_FINDING_TEXT_OWNER,
  KW_FINDING_TEXT_SOURCE,
  KW_FINDING_TEXT_DROP_REASON,
  KW_FINDING_TEXT_DUE_DATE,     /* ISO date or "" */
  KW_FINDING_TEXT_REVIEW_DATE,  /* ISO date or "" */
} KwFindingText;

#define KW_N_FINDING_TEXTS 7

#define KW_TYPE_FINDING (kw_finding_get_type ())
G_DECLARE_FINAL_TYPE (KwFinding, kw_finding, KW, FINDING, GObject)

KwFinding          *kw_finding_new             (const char     *title);
KwFinding          *kw_finding_new_with_id     (const char     *id,
                                                const char     *title);
gboolean            kw_finding_id_is_valid     (const char     *id);

const char         *kw_finding_get_id          (KwFinding      *self);

const char         *kw_finding_get_text        (KwFinding      *self,
                                                KwFindingText   which);
void                kw_finding_set_text        (KwFinding      *self,
                                                KwFindingText   which,
                                                const char     *text);

const char         *kw_finding_get_title       (KwFinding      *self);
void                kw_finding_set_title       (KwFinding      *self,
                                                const char     *title);
const char         *kw_finding_get_description (KwFinding      *self);
void                kw_finding_set_description (KwFinding      *self,
                                                const char     *description);
const char         *kw_finding_get_owner       (KwFinding      *self);
void                kw_finding_set_owner       (KwFinding      *self,
                                                const char     *owner);
const char         *kw_finding_get_source      (KwFinding      *self);
void                kw_finding_set_source      (KwFinding      *self,
                                                const char     *source);
const char         *kw_finding_get_drop_reason (KwFinding      *self);
void                kw_finding_set_drop_reason (KwFinding      *self,
                                                const char     *drop_reason);
const char         *kw_finding_get_due_date    (KwFinding      *self);
void                kw_finding_set_due_date    (KwFinding      *self,
                                                const char     *iso_date);
const char         *kw_finding_get_review_date (KwFinding      *self);
void                kw_finding_set_review_date (KwFinding      *self,
                                                const char     *iso_date);

gboolean            kw_finding_get_placed      (KwFinding      *self);
double              kw_finding_get_impact      (KwFinding      *self);
double              kw_finding_get_effort      (KwFinding      *self);
void                kw_finding_place           (KwFinding      *self,
                                                double          impact,
                                                double          effort);
void                kw_finding_unplace         (KwFinding      *self);

KwStatus            kw_finding_get_status      (KwFinding      *self);
void                kw_finding_set_status      (KwFinding      *self,
                                                KwStatus        status);

const char * const *kw_finding_get_tags        (KwFinding      *self);
void                kw_finding_set_tags        (KwFinding      *self,
                                                const char * const *tags);
gboolean            kw_finding_has_tag         (KwFinding      *self,
                                                const char     *tag);

GDateTime          *kw_finding_get_created     (KwFinding      *self);
void                kw_finding_set_created     (KwFinding      *self,
                                                GDateTime      *created);
GDateTime          *kw_finding_get_modified    (KwFinding      *self);
void                kw_finding_set_modified    (KwFinding      *self,
                                                GDateTime      *modified);

/* Participants' estimates (kw-estimates.h), by participant id, in the
 * order they were first given. A board keeps only the estimates of its
 * own participants (kw_board_remove_participant()). Signal
 * "estimates-changed" follows every real change, which also stamps the
 * finding's modified time. */
gboolean            kw_finding_get_estimate        (KwFinding        *self,
                                                    const char       *participant_id,
                                                    KwEstimate       *estimate);
/* Scores are kept in tenths (kw_score_normalize()); NULL removes the
 * participant's estimate. */
void                kw_finding_set_estimate        (KwFinding        *self,
                                                    const char       *participant_id,
                                                    const KwEstimate *estimate);
/* One participant's estimate, or its removal (given FALSE), for
 * kw_finding_set_estimates(). */
typedef struct {
  const char *participant_id;
  gboolean    given;
  KwEstimate  estimate;
} KwEstimateEntry;

/* Sets (or removes) n participants' estimates at once, as
 * kw_finding_set_estimate() would one by one, but with one stamp and one
 * "estimates-changed" for them all (a round's reveal sets thousands).
 * Returns how many changed. */
guint               kw_finding_set_estimates       (KwFinding             *self,
                                                    const KwEstimateEntry *entries,
                                                    guint                  n);
guint               kw_finding_get_n_estimates     (KwFinding        *self);
/* The i-th estimate; returns its participant's id. */
const char         *kw_finding_get_nth_estimate    (KwFinding        *self,
                                                    guint             i,
                                                    KwEstimate       *estimate);
/* kw_estimates_summarize() of all the finding's estimates. */
gboolean            kw_finding_summarize_estimates (KwFinding         *self,
                                                    KwEstimateSummary *summary);
/* Whether two estimates say the same, in tenths. */
gboolean            kw_estimate_equal              (const KwEstimate *a,
                                                    const KwEstimate *b);

G_END_DECLS
