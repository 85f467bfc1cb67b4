package app.thaw.bench.data;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import app.thaw.intake.questionnaire.AnswerValidator;
import app.thaw.intake.questionnaire.Answers;
import app.thaw.intake.questionnaire.Item;
import app.thaw.intake.questionnaire.Option;
import app.thaw.intake.questionnaire.QuestionnaireDefinition;
import app.thaw.intake.questionnaire.Visibility;

/**
 * Plausible answers to the questionnaire as asked: every item of the definition answered by its kind, scale
 * answers following one overall level of distress, hidden items removed, and the whole checked by the app's own
 * validator. What is stored passes long answers through {@link FreeText} ({@link #forStorage}).
 */
public final class IntakeAnswers {

    /** Why an intake is urgent, if it is: the risk rules of intake-v1 and v2 (the same). */
    public enum Risk { NONE, PHQ9_ITEM9, NOT_SAFE_NOW, PARTNER_FEAR }

    /** What the generator decided about one client before their answers are written. */
    public record Profile(String fullName, boolean couples, boolean partnered, Risk risk) {
    }

    private static final List<String> FIRST = List.of("Olivia", "Jack", "Amelia", "Harry", "Isla", "Mohammed",
            "Sophie", "Daniel", "Grace", "Thomas", "Chloe", "Samuel", "Ella", "Oliver", "Lily", "George", "Freya",
            "Noah", "Ava", "Leo", "Mia", "Arthur", "Zara", "Oscar", "Hannah", "Ethan", "Ruby", "Jacob", "Evie",
            "Callum", "Aisha", "Priya", "Kwame", "Siobhan", "Rhys", "Niamh", "Tomasz", "Agnieszka", "Yusuf", "Fatima",
            "Chen", "Mei", "Ravi", "Anjali", "Declan", "Bethan", "Imran", "Layla", "Joseph", "Emily");
    private static final List<String> LAST = List.of("Hughes", "Whitworth", "Patel", "Nolan", "Campbell", "Rahman",
            "Barker", "Okoro", "Lindqvist", "Ashworth", "Fairbairn", "Idowu", "Marsden", "Byrne", "Chen", "Kowalski",
            "Doherty", "Ferreira", "Sutcliffe", "Mensah", "Gallagher", "Pennington", "Hussain", "Whitehead",
            "Brierley", "Oduya", "Walsh", "Ellison", "Ramsden", "Moss", "Khan", "Evans", "Jones", "Williams", "Taylor",
            "Davies", "Brown", "Wilson", "Thomas", "Roberts", "Johnson", "Lewis", "Walker", "Robinson", "Wood",
            "Thompson", "White", "Watson", "Jackson", "Wright", "Green", "Harris", "Cooper", "King", "Lee", "Martin",
            "Clarke", "James", "Morgan", "Hall");
    private static final List<String> REASONS = List.of(
            "Since my mum died last year I haven't cried once, and I feel like something is wrong with me.",
            "Work has been relentless for two years. I feel flat all the time and my partner says I'm not there.",
            "My partner thinks I don't care because I stay calm when we argue. I do care, I just can't show it.",
            "After our baby was born I stopped feeling much at all. I love them but it's like watching from outside.",
            "I grew up being told to stop crying. Now I can't, even when I want to.",
            "We keep having the same fight. I go quiet and she gets more upset. We want to fix this together.",
            "I was signed off with stress in the spring. Back at work now but everything feels muted.",
            "My dad was ill for a long time and I held everyone together. Now it's over I feel nothing.");
    private static final List<String> HELPED = List.of("Long walks help a bit.", "Talking to my sister sometimes.",
            "Nothing really, which is why I'm here.", "Running used to help before my knee injury.",
            "Music, occasionally. Sad films used to.");
    private static final List<String> EXTRA = List.of("I work shifts so evenings vary.",
            "I would prefer a woman therapist if possible.", "Please don't call me at work.",
            "Step-free access needed.");
    private static final List<String> GPS = List.of("Ancoats Urban Village Medical Practice", "Robert Darbishire Practice",
            "Chorlton Family Practice", "Didsbury Medical Centre", "Levenshulme Health Centre");

    private final QuestionnaireDefinition definition;
    private final Visibility visibility;
    private final LocalDate today;

    public IntakeAnswers(QuestionnaireDefinition definition, LocalDate today) {
        this.definition = definition;
        this.visibility = Visibility.of(definition);
        this.today = today;
    }

    public static String randomName(Random random) {
        return FIRST.get(random.nextInt(FIRST.size())) + " " + LAST.get(random.nextInt(LAST.size()));
    }

    /** Answers for one client; throws if the app's validator would refuse them. */
    public Answers answers(Profile profile, long serial, Random random) {
        Map<String, List<String>> a = new LinkedHashMap<>();
        int level = random.nextInt(4);
        for (Item item : definition.items()) {
            List<String> value = switch (item.kind()) {
                case SCALE -> List.of(scale(item, level, random));
                case SINGLE_CHOICE -> List.of(pick(definition.optionsFor(item), random).value());
                case MULTI_CHOICE -> multi(definition.optionsFor(item), item.required(), random);
                case CONSENT -> List.of("true");
                case TEXT, LONG_TEXT, DATE, EMAIL, PHONE -> text(item, profile, serial, random);
            };
            if (!value.isEmpty()) {
                a.put(item.id(), value);
            }
        }
        a.put("relationship.in_relationship", List.of(profile.partnered() ? "yes" : "no"));
        a.put("preferences.session_type", List.of(profile.couples() ? "couples"
                : random.nextInt(3) == 0 ? "not_sure" : "individual"));
        a.put("phq9.9", List.of(profile.risk() == Risk.PHQ9_ITEM9 ? String.valueOf(1 + random.nextInt(3)) : "0"));
        a.put("safety.safe_now", List.of(profile.risk() == Risk.NOT_SAFE_NOW ? "no" : "yes"));
        a.put("safety.partner_fear", List.of(profile.risk() == Risk.PARTNER_FEAR ? "yes"
                : random.nextInt(20) == 0 ? "prefer_not_say" : "no"));
        if (profile.risk() == Risk.PARTNER_FEAR) {
            a.put("safety.partner_fear_detail", List.of("He checks my phone and I'm scared of what "
                    + "happens if I say no."));
        }
        Answers answers = visibility.visibleOnly(Answers.of(a));
        Map<String, String> problems = AnswerValidator.validateAll(definition, answers, today);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Generated answers the app would refuse: " + problems);
        }
        return answers;
    }

    /** The answers as the intake row keeps them: long free text through {@link FreeText#store}. */
    public Map<String, List<String>> forStorage(Answers answers) {
        Map<String, List<String>> stored = new LinkedHashMap<>();
        answers.asMap().forEach((itemId, values) -> stored.put(itemId, definition.item(itemId)
                .filter(item -> item.kind() == app.thaw.intake.questionnaire.ItemKind.LONG_TEXT)
                .map(item -> values.stream().map(value -> FreeText.store(value, "intake.answers#" + itemId)).toList())
                .orElse(values)));
        return stored;
    }

    private String scale(Item item, int level, Random random) {
        List<Option> options = definition.optionsFor(item);
        return options.get(Math.clamp(level + random.nextInt(3) - 1, 0, options.size() - 1)).value();
    }

    private static Option pick(List<Option> options, Random random) {
        return options.get(random.nextInt(options.size()));
    }

    private static List<String> multi(List<Option> options, boolean required, Random random) {
        if (!required && random.nextInt(3) == 0) {
            return List.of();
        }
        List<String> chosen = new ArrayList<>();
        for (Option option : options) {
            if (!option.exclusive() && random.nextInt(3) == 0) {
                chosen.add(option.value());
            }
        }
        if (chosen.isEmpty()) {
            Option any = pick(options, random);
            chosen.add(any.value());
        }
        return chosen;
    }

    private List<String> text(Item item, Profile profile, long serial, Random random) {
        String[] name = profile.fullName().split(" ", 2);
        return switch (item.id()) {
            case "about.full_name" -> List.of(profile.fullName());
            case "about.preferred_name" -> random.nextInt(4) == 0 ? List.of(name[0].substring(0, Math.min(3, name[0].length())))
                    : List.of();
            case "about.date_of_birth" -> List.of(today.minusYears(19 + random.nextInt(55)).minusDays(random.nextInt(365))
                    .toString());
            case "about.email" -> List.of((name[0] + "." + name[1]).toLowerCase(Locale.ROOT) + serial + "@example.org");
            case "about.phone" -> List.of(String.format(Locale.ROOT, "07700 9%05d", serial % 100_000));
            case "about.gp_practice" -> List.of(GPS.get(random.nextInt(GPS.size())));
            case "presenting.what_brings_you" -> List.of(REASONS.get(random.nextInt(REASONS.size())));
            case "presenting.what_helped" -> random.nextBoolean() ? List.of(HELPED.get(random.nextInt(HELPED.size())))
                    : List.of();
            case "medication.details" -> List.of("Sertraline 50mg since last spring");
            case "medication.hormonal_other" -> List.of("Endometriosis treatment");
            case "preferences.anything_else" -> random.nextInt(4) == 0
                    ? List.of(EXTRA.get(random.nextInt(EXTRA.size()))) : List.of();
            default -> List.of();
        };
    }
}
