package app.thaw.bench.data;

import tools.jackson.databind.json.JsonMapper;

import app.thaw.outcomes.Measure;
import app.thaw.outcomes.MeasureCatalog;
import app.thaw.outcomes.SampleAnswers;

/**
 * The repeat measures a client answers the morning before each attended session (issue 16), for the bench data: one
 * set per PHQ-9 score from 0 to 27, individual or a partner's in couples work, answered and scored once by the real
 * definitions and scorer ({@link SampleAnswers}) and shared by every row with that score. Scores sit at each client's
 * own level or up to six points below it.
 */
final class MeasurePool {

    /** One answered set as its rows store it. */
    record Stored(String measures, String versions, String answersJson, int phq9, int gad7, Integer csi4,
                  int feelings) {
    }

    private final Stored[][] sets = new Stored[2][28];

    MeasurePool(JsonMapper json) {
        var catalog = new MeasureCatalog();
        for (int couple = 0; couple < 2; couple++) {
            for (int phq9 = 0; phq9 <= 27; phq9++) {
                var set = SampleAnswers.forPhq9(catalog, phq9, couple == 1);
                var scores = set.scores();
                sets[couple][phq9] = new Stored(Measure.store(set.measures()), String.join(",", set.versions()),
                        json.writeValueAsString(set.given()), scores.get("phq9"), scores.get("gad7"),
                        scores.get("csi4"), scores.get("feelings"));
            }
        }
    }

    /**
     * The set a client answered before a session: their own level (8–21, from their id) less up to six points, the
     * same on every run (a resumed load writes the same rows).
     */
    Stored answeredBefore(long intakeId, long appointmentId, boolean couple) {
        int level = 8 + (int) Math.floorMod(intakeId * 0x9E3779B97F4A7C15L >>> 40, 14L);
        int better = (int) Math.floorMod(appointmentId * 0xC2B2AE3D27D4EB4FL >>> 40, 7L);
        return sets[couple ? 1 : 0][Math.max(0, level - better)];
    }
}
