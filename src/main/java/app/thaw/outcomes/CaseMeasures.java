package app.thaw.outcomes;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import app.thaw.care.CourseOfCare;

/**
 * A case's measures as its therapist reads them: one line per client (each partner their own for a couple), the NHS
 * Talking Therapies state of each, alerts from repeat measures, and what the case is asked. Clinical content.
 */
public record CaseMeasures(long intakeId, String reference, List<ClientLine> clients, List<AlertView> alerts,
                           Set<Measure> plan, boolean clientProgress, CourseOfCare course) {

    /** One client's measures: the case's own client first, then the partner. */
    public record ClientLine(long intakeId, String reference, String name, boolean partner, List<Point> points,
                             TalkingTherapiesOutcome outcome) {
    }

    /** One answered set; a null score was not asked. {@code source}: "INTAKE" for the form's own answers. */
    public record Point(Instant at, String source, @Nullable Integer phq9, @Nullable Integer gad7,
                        @Nullable Integer csi4, @Nullable Integer feelings, boolean risk) {

        public @Nullable Integer score(Measure measure) {
            return switch (measure) {
                case PHQ9 -> phq9;
                case GAD7 -> gad7;
                case CSI4 -> csi4;
                case FEELINGS -> feelings;
                case PARTNER_SAFETY -> null;
            };
        }
    }

    /** A risk answer on a repeat measure; {@code rules} in plain words, never the answers themselves. */
    public record AlertView(long id, String clientReference, List<String> rules, Instant raisedAt,
                            @Nullable Instant acknowledgedAt) {

        public boolean open() {
            return acknowledgedAt == null;
        }
    }

    public boolean hasOpenAlert() {
        return alerts.stream().anyMatch(AlertView::open);
    }
}
