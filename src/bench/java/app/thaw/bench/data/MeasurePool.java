package app.thaw.bench.data;

import java.util.EnumSet;

import tools.jackson.databind.json.JsonMapper;

import app.thaw.outcomes.Measure;
import app.thaw.outcomes.MeasureCatalog;
import app.thaw.outcomes.SampleAnswers;

/**
 * The repeat measures a client answers the morning before each attended session (issue 16), for the bench data: one
 * set per PHQ-9 score from 0 to 27, individual or a partner's in couples work, answered and scored once by the real
 * definitions and scorer ({@link SampleAnswers}) and shared by every row with that score. Scores sit at each client's
 * own level (their intake's PHQ-9) and, for most clients, fall over their weeks in care. Before a client's first
 * session (any session asked before an attended one was on record) nothing the intake measured is asked again, as the
 * app's measure links do: an individual client is asked nothing, a partner in couples work only the relationship and
 * safety questions.
 */
final class MeasurePool {

    /** One answered set as its rows store it (null scores: not asked). */
    record Stored(String measures, String versions, String answersJson, Integer phq9, Integer gad7, Integer csi4,
                  Integer feelings) {

        /** Whether the set holds the PHQ-9/GAD-7 pair that follows a course (EpisodeStore.measured). */
        boolean paired() {
            return phq9 != null && gad7 != null;
        }
    }

    private final Stored[][] sets = new Stored[2][28];
    /** A couple's partner before their first session: what the intake did not measure (CSI-4, safety). */
    private final Stored[] firstCouples = new Stored[28];

    MeasurePool(JsonMapper json) {
        var catalog = new MeasureCatalog();
        var notFromIntake = EnumSet.copyOf(Measure.COUPLES);
        notFromIntake.removeAll(Measure.FROM_INTAKE);
        for (int phq9 = 0; phq9 <= 27; phq9++) {
            for (int couple = 0; couple < 2; couple++) {
                sets[couple][phq9] = stored(SampleAnswers.forPhq9(catalog, phq9, couple == 1), json);
            }
            firstCouples[phq9] = stored(SampleAnswers.forPhq9(catalog, phq9, notFromIntake), json);
        }
    }

    private static Stored stored(SampleAnswers.AnsweredSet set, JsonMapper json) {
        var scores = set.scores();
        return new Stored(Measure.store(set.measures()), String.join(",", set.versions()),
                json.writeValueAsString(set.given()), scores.get("phq9"), scores.get("gad7"), scores.get("csi4"),
                scores.get("feelings"));
    }

    /**
     * The set a client answered before a session {@code daysInCare} after their intake, at their own {@code level}
     * (their intake's PHQ-9): for two clients in three (the ones who respond to therapy) half a point lower a week
     * until three points are left, give or take two points a session; null when nothing was asked (an individual
     * client's first session, whose measure is the intake's). The same on every run (a resumed load writes the same
     * rows).
     */
    Stored answeredBefore(long intakeId, long appointmentId, boolean couple, int level, int daysInCare,
                          boolean firstSession) {
        if (firstSession && !couple) {
            return null;
        }
        long client = intakeId * 0x9E3779B97F4A7C15L >>> 40;
        boolean responds = Math.floorMod(client >>> 4, 3L) != 0;
        int better = responds ? Math.clamp(Math.max(0, daysInCare) / 14, 0, Math.max(0, level - 3)) : 0;
        int noise = (int) Math.floorMod(appointmentId * 0xC2B2AE3D27D4EB4FL >>> 40, 5L) - 2;
        int phq9 = Math.clamp(level - better + noise, 1, 23);
        return firstSession ? firstCouples[phq9] : sets[couple ? 1 : 0][phq9];
    }
}
