package app.thaw.review.ui;

import org.jspecify.annotations.Nullable;

import app.thaw.review.CaseDetail;

/**
 * The case as last read and the sections showing it. Each action reads again only the parts it changed and
 * redraws only their sections; the answers are read (and decrypted) once, when the case is opened.
 */
final class ShownCase {
    CaseDetail detail;
    final CaseHeader header;
    final ScoresPanel scores;
    final AnswersPanel answers;
    @Nullable RiskPanel risk;
    /** The sections beside the answers; none while an urgent case waits for its risk review. */
    @Nullable CaseSections sections;
    /** Take the case on or hand it over; none while an urgent case waits for its risk review. */
    @Nullable CaseActionBar actions;

    ShownCase(CaseDetail detail) {
        this.detail = detail;
        this.header = new CaseHeader(detail);
        this.scores = new ScoresPanel(detail.intake(), detail.partner());
        this.answers = new AnswersPanel(detail.intake(), detail.partner(), detail.mostDifferentItems());
    }

    boolean locked() {
        return detail.state().needsRiskReview(detail.intake().urgent());
    }
}
