package app.thaw.dev;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.jspecify.annotations.Nullable;

import app.thaw.intake.questionnaire.Answers;

/** The demo clients' names and realistic answers (a fixed seed, so every fresh demo is the same practice). */
final class DemoAnswers {

    private static final List<String> NAMES = List.of("Olivia Hughes", "Jack Whitworth", "Amelia Patel",
            "Harry Nolan", "Isla Campbell", "Mohammed Rahman", "Sophie Barker", "Daniel Okoro", "Grace Lindqvist",
            "Thomas Ashworth", "Chloe Fairbairn", "Samuel Idowu", "Ella Marsden", "Oliver Byrne", "Lily Chen",
            "George Kowalski", "Freya Doherty", "Noah Ferreira", "Ava Sutcliffe", "Leo Mensah", "Mia Gallagher",
            "Arthur Pennington", "Zara Hussain", "Oscar Whitehead", "Hannah Brierley", "Ethan Oduya", "Ruby Walsh",
            "Jacob Ellison", "Evie Ramsden", "Callum Moss");
    private static final List<String> REASONS = List.of(
            "Since my mum died last year I haven't cried once, and I feel like something is wrong with me.",
            "Work has been relentless for two years. I feel flat all the time and my partner says I'm not there.",
            "My partner thinks I don't care because I stay calm when we argue. I do care, I just can't show it.",
            "After our baby was born I stopped feeling much at all. I love them but it's like watching from outside.",
            "I grew up being told to stop crying. Now I can't, even when I want to.",
            "We keep having the same fight. I go quiet and she gets more upset. We want to fix this together.");

    private DemoAnswers() {
    }

    static int count() {
        return NAMES.size();
    }

    static String name(int index) {
        return NAMES.get(index);
    }

    /** {@code burden} (0–3) sets how hard the scales are answered; null lets the seed choose. */
    static Answers answers(String name, Random random, boolean couples, boolean urgent, @Nullable Integer burden) {
        Map<String, List<String>> a = new LinkedHashMap<>();
        String first = name.substring(0, name.indexOf(' ')).toLowerCase(java.util.Locale.ROOT);
        a.put("about.full_name", List.of(name));
        a.put("about.date_of_birth", List.of((1965 + random.nextInt(38)) + "-0" + (1 + random.nextInt(9)) + "-1"
                + random.nextInt(9)));
        a.put("about.email", List.of(first + "@example.org"));
        a.put("about.phone", List.of("07700 900" + (100 + random.nextInt(899))));
        a.put("about.contact_safe", List.of(List.of("email", "phone", "text"), List.of("email", "phone"),
                List.of("phone", "voicemail"), List.of("none")).get(random.nextInt(4) == 0 ? 2 + random.nextInt(2)
                : random.nextInt(2)));
        a.put("about.gp_practice", List.of("Ancoats Urban Village Medical Practice"));
        a.put("presenting.what_brings_you", List.of(REASONS.get(random.nextInt(REASONS.size()))));
        a.put("presenting.duration", List.of(List.of("under_1m", "1_6m", "6_12m", "over_1y").get(random.nextInt(4))));
        int seeded = random.nextInt(4);
        int level = burden == null ? seeded : burden;
        for (String id : List.of("numbness.numb", "numbness.cant_cry", "numbness.guilt", "numbness.chest_pressure",
                "numbness.stuck", "burnout.exhaustion", "burnout.detached", "burnout.concentration",
                "burnout.small_tasks", "burnout.motivation", "burnout.responsibilities", "suppression.stay_strong",
                "suppression.unsafe_vulnerable", "suppression.emotional_neglect", "suppression.hide_to_avoid_conflict",
                "mood.flat", "mood.head_not_body", "mood.pressure_to_react", "mood.avoid_conversations",
                "mood.lost_interest")) {
            a.put(id, List.of(String.valueOf(Math.clamp(level + random.nextInt(3) - 1, 0, 3))));
        }
        for (int i = 1; i <= 9; i++) {
            a.put("phq9." + i, List.of(i == 9 ? (urgent ? "1" : "0")
                    : String.valueOf(Math.clamp(level + random.nextInt(3) - 1, 0, 3))));
        }
        for (int i = 1; i <= 7; i++) {
            a.put("gad7." + i, List.of(String.valueOf(Math.clamp(level + random.nextInt(3) - 1, 0, 3))));
        }
        boolean medicated = random.nextInt(4) == 0;
        a.put("medication.current", List.of(medicated ? "yes" : "no"));
        if (medicated) {
            a.put("medication.details", List.of("Sertraline 50mg since last spring"));
        }
        boolean partnered = couples || random.nextBoolean();
        a.put("relationship.in_relationship", List.of(partnered ? "yes" : "no"));
        if (partnered) {
            a.put("relationship.length", List.of("5_10y"));
            for (String id : List.of("relationship.communication_gaps", "relationship.misunderstood",
                    "relationship.empathy", "relationship.shame", "relationship.distance",
                    "relationship.partner_reads_calm")) {
                a.put(id, List.of(String.valueOf(random.nextInt(4))));
            }
            a.put("safety.partner_fear", List.of("no"));
        }
        a.put("safety.safe_now", List.of(urgent && random.nextBoolean() ? "no" : "yes"));
        a.put("preferences.session_type", List.of(couples ? "couples" : random.nextBoolean() ? "individual" : "not_sure"));
        a.put("preferences.format", List.of(List.of("in_person", "online", "either").get(random.nextInt(3))));
        a.put("preferences.days", List.of("tuesday", "thursday"));
        a.put("preferences.times", List.of("evening"));
        a.put("consent.privacy", List.of("true"));
        a.put("consent.contact", List.of("true"));
        a.put("consent.age18", List.of("true"));
        return Answers.of(a);
    }
}
