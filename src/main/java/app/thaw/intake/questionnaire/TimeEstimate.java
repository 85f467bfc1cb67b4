package app.thaw.intake.questionnaire;

import java.util.List;

/**
 * How long the rest of the form is likely to take, from the questions still to come (as the answers so far show
 * them): a few seconds a choice, longer for anything typed, a minute to check everything at the end.
 */
public final class TimeEstimate {

    static final int READING_AN_INTRO = 10;
    static final int CHECKING_ANSWERS = 60;

    private TimeEstimate() {
    }

    /** Seconds from the start of step {@code fromSection} (0-based; the sections' count is the review step). */
    public static int secondsLeft(QuestionnaireDefinition definition, Answers answers, int fromSection) {
        Visibility visibility = Visibility.of(definition);
        List<Section> sections = definition.sections();
        int seconds = CHECKING_ANSWERS;
        for (int i = Math.max(0, fromSection); i < sections.size(); i++) {
            seconds += READING_AN_INTRO;
            for (Item item : visibility.visibleItems(sections.get(i), answers)) {
                seconds += seconds(item);
            }
        }
        return seconds;
    }

    /** "about 9 minutes left", rounded up to whole minutes. */
    public static String wording(int seconds) {
        int minutes = (seconds + 59) / 60;
        return minutes <= 1 ? "about a minute left" : "about " + minutes + " minutes left";
    }

    static int seconds(Item item) {
        return switch (item.kind()) {
            case SCALE -> 7;
            case SINGLE_CHOICE -> 8;
            case MULTI_CHOICE, CONSENT -> 12;
            case TEXT, EMAIL, PHONE, DATE -> 20;
            case LONG_TEXT -> item.required() ? 90 : 45;
        };
    }
}
