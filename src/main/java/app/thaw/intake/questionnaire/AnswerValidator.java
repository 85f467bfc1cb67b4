package app.thaw.intake.questionnaire;

import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.Period;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Server-side checks of the client's answers. Returns, per item id, one plain and kind message
 * to show next to the field. Hidden items are never checked. Pure: {@code today} is passed in
 * (Europe/London date at the time of the request).
 */
public final class AnswerValidator {

    public static final int ADULT_AGE = 18;
    public static final int OLDEST_PLAUSIBLE_AGE = 120;

    static final String ONE_ANSWER = "Please give just one answer here";
    static final String NOT_AN_OPTION = "Please choose one of the options shown";
    static final String HIDDEN_CHARACTERS = app.thaw.base.domain.StorableText.REFUSAL;
    static final String ONE_LINE = "Please keep this to a single line";
    static final String NOT_EMAIL = "This doesn't look like an email address — please check it";
    static final String NOT_UK_PHONE = "Please enter a UK phone number, for example 07700 900123";
    static final String BORN_IN_FUTURE = "Your date of birth can't be in the future — please check it";
    static final String UNDER_18 =
            "You need to be 18 or over to use this form — please contact your GP or call NHS 111 for support";
    static final String OVER_120 = "Please check the year — this date of birth would make you over 120";
    static final String DUPLICATE_CHOICE = "Please choose each option only once";

    private AnswerValidator() {
    }

    /** Problems with the visible items of one section, in question order; empty when all is well. */
    public static Map<String, String> validate(QuestionnaireDefinition definition, Section section,
                                               Answers answers, LocalDate today) {
        Visibility visibility = Visibility.of(definition);
        Map<String, String> errors = new LinkedHashMap<>();
        for (Item item : visibility.visibleItems(section, answers)) {
            check(definition, item, answers, today).ifPresent(m -> errors.put(item.id(), m));
        }
        return Collections.unmodifiableMap(errors);
    }

    /** Problems across every section, in questionnaire order. */
    public static Map<String, String> validateAll(QuestionnaireDefinition definition, Answers answers,
                                                  LocalDate today) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (Section section : definition.sections()) {
            errors.putAll(validate(definition, section, answers, today));
        }
        return Collections.unmodifiableMap(errors);
    }

    /** The message for one item (empty if fine or hidden), e.g. for checking a field as the client leaves it. */
    public static Optional<String> validateItem(QuestionnaireDefinition definition, Item item, Answers answers,
                                                LocalDate today) {
        if (!Visibility.of(definition).isVisible(item, answers)) {
            return Optional.empty();
        }
        return check(definition, item, answers, today);
    }

    private static Optional<String> check(QuestionnaireDefinition d, Item item, Answers answers, LocalDate today) {
        List<String> values = answers.multi(item.id());
        if (item.kind().isSingleValued() && values.size() > 1) {
            return Optional.of(ONE_ANSWER);
        }
        boolean consentGiven = item.kind() == ItemKind.CONSENT && values.contains("true");
        boolean missing = item.kind() == ItemKind.CONSENT ? !consentGiven : !answers.isAnswered(item.id());
        if (missing && item.required()) {
            return Optional.of(requiredMessage(item));
        }
        if (!answers.isAnswered(item.id())) {
            return Optional.empty();
        }
        String value = values.getFirst();
        return switch (item.kind()) {
            case TEXT, LONG_TEXT, EMAIL, PHONE -> checkText(item, value);
            case DATE -> checkDate(item, value, today);
            case SINGLE_CHOICE, SCALE -> d.option(item, value).isPresent() ? Optional.empty() : Optional.of(NOT_AN_OPTION);
            case MULTI_CHOICE -> checkMulti(d, item, values);
            case CONSENT -> value.equals("true") || value.equals("false") ? Optional.empty() : Optional.of(NOT_AN_OPTION);
        };
    }

    private static Optional<String> checkText(Item item, String value) {
        int length = ContactFormats.length(value);
        int max = item.effectiveMaxLength();
        if (length > max) {
            return Optional.of(tooLong(max, length));
        }
        if (!ContactFormats.hasOnlyStorableCharacters(value)) {
            return Optional.of(HIDDEN_CHARACTERS);
        }
        if (item.kind() != ItemKind.LONG_TEXT && ContactFormats.hasLineBreak(value)) {
            return Optional.of(ONE_LINE);
        }
        if (item.kind() == ItemKind.EMAIL && !ContactFormats.isEmail(value)) {
            return Optional.of(NOT_EMAIL);
        }
        if (item.kind() == ItemKind.PHONE && !ContactFormats.isUkPhone(value)) {
            return Optional.of(NOT_UK_PHONE);
        }
        return Optional.empty();
    }

    private static Optional<String> checkDate(Item item, String value, LocalDate today) {
        DateAnswers.Reading reading = DateAnswers.read(value, dateSubject(item));
        if (reading.problem() != null) {
            return Optional.of(reading.problem());
        }
        LocalDate date = reading.date();
        if (date == null || !item.adultOnly()) {
            return Optional.empty();
        }
        if (date.isAfter(today)) {
            return Optional.of(BORN_IN_FUTURE);
        }
        if (age(date, today) < ADULT_AGE) {
            return Optional.of(UNDER_18);
        }
        if (age(date, today) > OLDEST_PLAUSIBLE_AGE) {
            return Optional.of(OVER_120);
        }
        return Optional.empty();
    }

    /**
     * True when a visible date-of-birth answer reads as a real date that makes the client younger than 18: the
     * form is refused and nothing they typed is kept.
     */
    public static boolean isUnderAge(QuestionnaireDefinition definition, Answers answers, LocalDate today) {
        return underAgeBirthDate(definition, answers, today).isPresent();
    }

    /** The visible date of birth that makes the client younger than 18, if there is one. */
    public static Optional<LocalDate> underAgeBirthDate(QuestionnaireDefinition definition, Answers answers,
                                                         LocalDate today) {
        Visibility visibility = Visibility.of(definition);
        for (Item item : definition.items()) {
            if (item.adultOnly() && visibility.isVisible(item, answers)) {
                LocalDate born = answers.single(item.id()).map(v -> DateAnswers.read(v, "").date()).orElse(null);
                if (born != null && !born.isAfter(today) && age(born, today) < ADULT_AGE) {
                    return Optional.of(born);
                }
            }
        }
        return Optional.empty();
    }

    /** Whole years old on {@code today}. */
    public static int ageOn(LocalDate born, LocalDate today) {
        return age(born, today);
    }

    // Period counts whole years the UK way: a 29 February birthday comes of age on 1 March.
    private static int age(LocalDate born, LocalDate today) {
        return Period.between(born, today).getYears();
    }

    /** How messages name a date question: "Your date of birth must include a month". */
    static String dateSubject(Item item) {
        return item.adultOnly() ? "Your date of birth" : "The date";
    }

    private static Optional<String> checkMulti(QuestionnaireDefinition d, Item item, List<String> values) {
        Set<String> seen = new HashSet<>();
        for (String value : values) {
            if (d.option(item, value).isEmpty()) {
                return Optional.of(NOT_AN_OPTION);
            }
            if (!seen.add(value)) {
                return Optional.of(DUPLICATE_CHOICE);
            }
        }
        if (values.size() > 1) {
            for (Option option : d.optionsFor(item)) {
                if (option.exclusive() && seen.contains(option.value())) {
                    return Optional.of("‘" + option.label() + "’ can't be chosen together with other options"
                            + " — please choose one or the other");
                }
            }
        }
        return Optional.empty();
    }

    /** Over-long text is never cut: the client is told how much to shorten it. */
    public static String tooLong(int max, int length) {
        NumberFormat uk = NumberFormat.getIntegerInstance(Locale.UK);
        return "Please shorten this to " + uk.format(max) + " characters or fewer — it has " + uk.format(length)
                + " (" + uk.format(length - max) + " too many)";
    }

    private static String requiredMessage(Item item) {
        if (item.requiredMessage() != null && !item.requiredMessage().isBlank()) {
            return item.requiredMessage();
        }
        return switch (item.kind()) {
            case TEXT, LONG_TEXT -> "Please fill this in";
            case EMAIL -> "Please tell us your email address";
            case PHONE -> "Please tell us your phone number";
            case DATE -> item.adultOnly() ? "Please tell us your date of birth" : "Please enter a date";
            case SINGLE_CHOICE, SCALE -> "Please choose an answer";
            case MULTI_CHOICE -> "Please choose at least one option";
            case CONSENT -> "Please tick this box to continue";
        };
    }
}
