package app.thaw.intake;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import app.thaw.intake.questionnaire.Answers;

/**
 * A complete, valid, low-risk intake (the current questionnaire, intake-v2) as a client might give it, email safe
 * to use; tests change only what they are about.
 */
public final class IntakeFixtures {

    private IntakeFixtures() {
    }

    public static Answers completeAnswers(String fullName) {
        Map<String, List<String>> a = new LinkedHashMap<>();
        a.put("about.full_name", List.of(fullName));
        a.put("about.date_of_birth", List.of("1985-03-14"));
        a.put("about.email", List.of("client@example.org"));
        a.put("about.phone", List.of("07700 900123"));
        a.put("about.contact_safe", List.of("email", "phone", "voicemail"));
        a.put("presenting.what_brings_you", List.of("I haven't been able to cry since my dad died last spring."));
        a.put("presenting.duration", List.of("6_12m"));
        for (String id : List.of("numbness.numb", "numbness.cant_cry", "numbness.guilt", "numbness.chest_pressure",
                "numbness.stuck")) {
            a.put(id, List.of("2"));
        }
        for (String id : List.of("burnout.exhaustion", "burnout.detached", "burnout.concentration",
                "burnout.small_tasks", "burnout.motivation", "burnout.responsibilities")) {
            a.put(id, List.of("1"));
        }
        for (String id : List.of("suppression.stay_strong", "suppression.unsafe_vulnerable",
                "suppression.emotional_neglect", "suppression.hide_to_avoid_conflict")) {
            a.put(id, List.of("1"));
        }
        for (String id : List.of("mood.flat", "mood.head_not_body", "mood.pressure_to_react",
                "mood.avoid_conversations", "mood.lost_interest")) {
            a.put(id, List.of("1"));
        }
        for (int i = 1; i <= 9; i++) {
            a.put("phq9." + i, List.of(i == 9 ? "0" : "1"));
        }
        for (int i = 1; i <= 7; i++) {
            a.put("gad7." + i, List.of("1"));
        }
        a.put("medication.current", List.of("no"));
        a.put("relationship.in_relationship", List.of("no"));
        a.put("safety.safe_now", List.of("yes"));
        a.put("preferences.session_type", List.of("individual"));
        a.put("preferences.format", List.of("either"));
        a.put("consent.privacy", List.of("true"));
        a.put("consent.contact", List.of("true"));
        a.put("consent.age18", List.of("true"));
        return Answers.of(a);
    }

    /** In a relationship, asking for couples work, with no fear of the partner. */
    public static Answers couplesAnswers(String fullName) {
        Answers answers = completeAnswers(fullName)
                .with("relationship.in_relationship", "yes")
                .with("relationship.length", "5_10y")
                .with("safety.partner_fear", "no")
                .with("preferences.session_type", "couples");
        for (String id : List.of("relationship.communication_gaps", "relationship.misunderstood",
                "relationship.empathy", "relationship.shame", "relationship.distance",
                "relationship.partner_reads_calm")) {
            answers = answers.with(id, "2");
        }
        return answers;
    }
}
