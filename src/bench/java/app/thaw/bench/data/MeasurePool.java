package app.thaw.bench.data;

import tools.jackson.databind.json.JsonMapper;

import app.thaw.outcomes.Measure;
import app.thaw.outcomes.MeasureCatalog;
import app.thaw.outcomes.SampleAnswers;

/**
 * The repeat measures a client answers the morning before each attended session (issue 16), for the bench data: one
 * set per PHQ-9 score from 0 to 27, individual or a partner's in couples work, answered and scored once by the real
 * definitions and scorer ({@link SampleAnswers}) and shared by every row with that score. Scores sit at each client's
 * own level and, for most clients, fall over their weeks in care.
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
     * The set a client answered before a session {@code daysInCare} after their intake: their own level (8–21, from
     * their id), and for two clients in three (the ones who respond to therapy) half a point lower a week until three
     * points are left, give or take two points a session. The same on every run (a resumed load writes the same rows).
     */
    Stored answeredBefore(long intakeId, long appointmentId, boolean couple, int daysInCare) {
        long client = intakeId * 0x9E3779B97F4A7C15L >>> 40;
        int level = 8 + (int) Math.floorMod(client, 14L);
        boolean responds = Math.floorMod(client >>> 4, 3L) != 0;
        int better = responds ? Math.min(level - 3, Math.max(0, daysInCare) / 14) : 0;
        int noise = (int) Math.floorMod(appointmentId * 0xC2B2AE3D27D4EB4FL >>> 40, 5L) - 2;
        return sets[couple ? 1 : 0][Math.clamp(level - better + noise, 1, 23)];
    }
}
