package app.thaw.outcomes;

import org.jspecify.annotations.Nullable;

/**
 * A course's outcome by the NHS Talking Therapies definitions, from its first and last paired PHQ-9/GAD-7 measures.
 * Sources: NHS England, "The NHS Talking Therapies Manual" (v7, 2024), section on outcome measurement; NHS Digital,
 * "NHS Talking Therapies, for anxiety and depression, Annual reports", glossary and appendix on outcome measures.
 * <ul>
 *   <li><b>Caseness</b>: PHQ-9 of 10 or more, or GAD-7 of 8 or more (above the clinical cut-off on one or both).</li>
 *   <li><b>Reliable change</b>: PHQ-9 changes by 6 or more, GAD-7 by 4 or more (the measures' reliable change
 *   indices).</li>
 *   <li><b>Reliable improvement</b>: a reliable fall on at least one measure and no reliable rise on the other.</li>
 *   <li><b>Reliable deterioration</b>: a reliable rise on at least one measure and no reliable fall on the other.</li>
 *   <li><b>Recovery</b>: a case at the first measure and below caseness on both at the last.</li>
 *   <li><b>Reliable recovery</b>: recovered and reliably improved.</li>
 * </ul>
 * Reported only for a finished course of treatment (two or more attended treatment sessions) with a first and a last
 * measure taken at different times ("paired"); recovery only for those who were a case at the start.
 */
public record TalkingTherapiesOutcome(boolean paired, boolean caseAtStart, boolean recovered,
                                      boolean reliableImprovement, boolean reliableDeterioration,
                                      boolean reliableRecovery, @Nullable Integer phq9Change,
                                      @Nullable Integer gad7Change) {

    public static final int PHQ9_CASENESS = 10;
    public static final int GAD7_CASENESS = 8;
    public static final int PHQ9_RELIABLE_CHANGE = 6;
    public static final int GAD7_RELIABLE_CHANGE = 4;

    /** One PHQ-9 and GAD-7 pair, answered together. */
    public record Scores(int phq9, int gad7) {
    }

    public static final TalkingTherapiesOutcome UNPAIRED =
            new TalkingTherapiesOutcome(false, false, false, false, false, false, null, null);

    public static boolean isCase(Scores scores) {
        return scores.phq9() >= PHQ9_CASENESS || scores.gad7() >= GAD7_CASENESS;
    }

    /**
     * @param first  the first measure of the course (the intake's, or the first one answered); null when missing
     * @param last   the last measure; null when missing
     * @param paired whether first and last are different measures (a single measure is its own first and last)
     */
    public static TalkingTherapiesOutcome of(@Nullable Scores first, @Nullable Scores last, boolean paired) {
        if (first == null || last == null || !paired) {
            return first == null ? UNPAIRED
                    : new TalkingTherapiesOutcome(false, isCase(first), false, false, false, false, null, null);
        }
        int phq9 = last.phq9() - first.phq9();
        int gad7 = last.gad7() - first.gad7();
        boolean phq9Better = phq9 <= -PHQ9_RELIABLE_CHANGE;
        boolean gad7Better = gad7 <= -GAD7_RELIABLE_CHANGE;
        boolean phq9Worse = phq9 >= PHQ9_RELIABLE_CHANGE;
        boolean gad7Worse = gad7 >= GAD7_RELIABLE_CHANGE;
        boolean improved = (phq9Better || gad7Better) && !phq9Worse && !gad7Worse;
        boolean deteriorated = (phq9Worse || gad7Worse) && !phq9Better && !gad7Better;
        boolean caseAtStart = isCase(first);
        boolean recovered = caseAtStart && !isCase(last);
        return new TalkingTherapiesOutcome(true, caseAtStart, recovered, improved, deteriorated,
                recovered && improved, phq9, gad7);
    }

    /** The state in a therapist's words, as the case's chart shows it. */
    public String summary() {
        if (!paired) {
            return caseAtStart ? "One measure so far (a case at the start): no change to judge yet."
                    : "Not enough measures yet to judge change.";
        }
        if (reliableRecovery) {
            return "Reliable recovery: reliably improved and now below caseness on both measures.";
        }
        if (recovered) {
            return "Recovered (below caseness on both), though the change is not reliable.";
        }
        if (reliableImprovement) {
            return "Reliable improvement.";
        }
        if (reliableDeterioration) {
            return "Reliable deterioration.";
        }
        return caseAtStart ? "No reliable change yet; still a case." : "No reliable change (not a case at the start).";
    }
}
