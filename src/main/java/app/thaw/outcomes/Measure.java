package app.thaw.outcomes;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * One measure a client can be asked, each a versioned questionnaire definition under {@code questionnaire/measures}.
 * PHQ-9 and GAD-7 are the NHS Talking Therapies pair; CSI-4 follows a couple's relationship; the feelings repeat
 * follows the presenting problem; the partner-safety question has no score and exists for its risk rule.
 *
 * @param caseness the score at which a client counts as a clinical case (null: no caseness defined)
 * @param higherIsBetter CSI-4 counts satisfaction, the others symptoms
 */
public enum Measure {
    PHQ9("PHQ-9 (low mood)", "Low mood", "questionnaire/measures/phq9-v1.yaml", "phq9", 27, 10.0, false),
    GAD7("GAD-7 (anxiety)", "Anxiety", "questionnaire/measures/gad7-v1.yaml", "gad7", 21, 8.0, false),
    CSI4("CSI-4 (relationship satisfaction)", "Your relationship", "questionnaire/measures/csi4-v2.yaml", "csi4", 21,
            13.5, true),
    FEELINGS("Numbness and crying", "Numbness and crying", "questionnaire/measures/feelings-v1.yaml", "feelings", 15,
            null, false),
    PARTNER_SAFETY("Feeling safe with the partner", "Feeling safe", "questionnaire/measures/partner-safety-v1.yaml",
            null, 0, null, false);

    /** What an individual course is asked by default. */
    public static final Set<Measure> INDIVIDUAL = EnumSet.of(PHQ9, GAD7, FEELINGS);
    /** What each partner of a couple is asked by default: their own measures, the relationship, and safety. */
    public static final Set<Measure> COUPLES = EnumSet.of(PHQ9, GAD7, FEELINGS, CSI4, PARTNER_SAFETY);
    /** What the intake's own answers already measure ({@link IntakeMeasure}): not asked again before a first session. */
    public static final Set<Measure> FROM_INTAKE = EnumSet.of(PHQ9, GAD7, FEELINGS);

    private final String label;
    private final String clientLabel;
    private final String resource;
    private final @Nullable String scoreId;
    private final int max;
    private final @Nullable Double caseness;
    private final boolean higherIsBetter;

    Measure(String label, String clientLabel, String resource, @Nullable String scoreId, int max,
            @Nullable Double caseness, boolean higherIsBetter) {
        this.label = label;
        this.clientLabel = clientLabel;
        this.resource = resource;
        this.scoreId = scoreId;
        this.max = max;
        this.caseness = caseness;
        this.higherIsBetter = higherIsBetter;
    }

    public String label() {
        return label;
    }

    /** The plain name a client sees. */
    public String clientLabel() {
        return clientLabel;
    }

    public String resource() {
        return resource;
    }

    public @Nullable String scoreId() {
        return scoreId;
    }

    public boolean scored() {
        return scoreId != null;
    }

    public int max() {
        return max;
    }

    public @Nullable Double caseness() {
        return caseness;
    }

    public boolean higherIsBetter() {
        return higherIsBetter;
    }

    /** "PHQ9,GAD7": how a set is stored (the database checks the names). */
    public static String store(Set<Measure> measures) {
        return measures.stream().sorted().map(Enum::name).collect(Collectors.joining(","));
    }

    public static Set<Measure> parse(String stored) {
        Set<Measure> found = EnumSet.noneOf(Measure.class);
        if (stored != null && !stored.isBlank()) {
            Arrays.stream(stored.split(",")).map(String::strip).map(Measure::valueOf).forEach(found::add);
        }
        return found;
    }

    public static List<Measure> scoredMeasures() {
        return Arrays.stream(values()).filter(Measure::scored).toList();
    }
}
