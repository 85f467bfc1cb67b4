package app.thaw.intake.questionnaire;

import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import app.thaw.base.PracticeTime;

import org.jspecify.annotations.Nullable;

/**
 * Dates as people in the UK write them: day, month and year typed in three boxes (the GOV.UK date input), or
 * one line such as 14/03/1986, 14.03.1986, 14-03-1986, 14 March 1986, 14 Mar 1986 or 1986-03-14. Anything else
 * gets a message saying what is wrong and what to type. A stored date answer is ISO (yyyy-MM-dd) once it reads
 * as a date, otherwise the three parts as typed, joined with "/".
 */
public final class DateAnswers {

    /** Which box a problem is in, so the form can mark just that one. */
    public enum Part { DAY, MONTH, YEAR }

    /**
     * What a typed date says: a date, nothing at all, or a message.
     *
     * @param wrongParts the boxes to mark; all three when the whole date is the problem
     */
    public record Reading(@Nullable LocalDate date, @Nullable String problem, Set<Part> wrongParts) {

        static final Reading EMPTY = new Reading(null, null, Set.of());

        public Reading {
            wrongParts = Set.copyOf(wrongParts);
        }

        public boolean isEmpty() {
            return date == null && problem == null;
        }
    }

    private static final List<String> MONTHS = List.of("january", "february", "march", "april", "may", "june", "july",
            "august", "september", "october", "november", "december");
    private static final Pattern ISO = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})");
    private static final Pattern EIGHT_DIGITS = Pattern.compile("(\\d{2})(\\d{2})(\\d{4})");
    private static final Pattern THREE_BOXES = Pattern.compile("([^/]*)/([^/]*)/([^/]*)");
    private static final Pattern ORDINAL = Pattern.compile("(\\d{1,2})(st|nd|rd|th)?", Pattern.CASE_INSENSITIVE);
    private static final DateTimeFormatter DAY_MONTH = PracticeTime.DAY_MONTH;

    private DateAnswers() {
    }

    /** Reads a stored or typed date; {@code subject} names it in messages, e.g. "Your date of birth". */
    public static Reading read(String raw, String subject) {
        String s = raw == null ? "" : Normalizer.normalize(raw, Normalizer.Form.NFKC).strip();
        if (s.isEmpty()) {
            return Reading.EMPTY;
        }
        Matcher boxes = THREE_BOXES.matcher(s);
        if (boxes.matches()) {
            return fromParts(boxes.group(1), boxes.group(2), boxes.group(3), subject);
        }
        return parts(s).map(p -> fromParts(p.get(0), p.get(1), p.get(2), subject))
                .orElseGet(() -> new Reading(null, subject + " must be a real date, written as day, month and year "
                        + "— for example 14 3 1986 or 14 March 1986", EnumSet.allOf(Part.class)));
    }

    /**
     * Day, month and year as written in one line (14.03.1986, 14 March 1986, March 14 1986, 1986-03-14, 14031986),
     * for a date pasted into one box; empty when the line doesn't have that shape.
     */
    public static Optional<List<String>> parts(String line) {
        String s = line == null ? "" : Normalizer.normalize(line, Normalizer.Form.NFKC).strip();
        Matcher iso = ISO.matcher(s);
        if (iso.matches()) {
            return Optional.of(List.of(iso.group(3), iso.group(2), iso.group(1)));
        }
        Matcher digits = EIGHT_DIGITS.matcher(s);
        if (digits.matches()) {
            return Optional.of(List.of(digits.group(1), digits.group(2), digits.group(3)));
        }
        String[] tokens = s.replaceAll("^[\\s/.,-]+|[\\s/.,-]+$", "").split("[\\s/.,-]+");
        if (tokens.length != 3) {
            return Optional.empty();
        }
        if (isWord(tokens[0]) && !isWord(tokens[1])) {
            return Optional.of(List.of(tokens[1], tokens[0], tokens[2]));
        }
        if (tokens[0].matches("\\d{4}") && !isWord(tokens[1])) {
            return Optional.of(List.of(tokens[2], tokens[1], tokens[0]));
        }
        return Optional.of(List.of(tokens[0], tokens[1], tokens[2]));
    }

    /** Reads the three boxes of the date input. */
    public static Reading fromParts(String day, String month, String year, String subject) {
        String d = clean(day);
        String m = clean(month);
        String y = clean(year);
        if (d.isEmpty() && m.isEmpty() && y.isEmpty()) {
            return Reading.EMPTY;
        }
        Set<Part> missing = EnumSet.noneOf(Part.class);
        if (d.isEmpty()) {
            missing.add(Part.DAY);
        }
        if (m.isEmpty()) {
            missing.add(Part.MONTH);
        }
        if (y.isEmpty()) {
            missing.add(Part.YEAR);
        }
        if (!missing.isEmpty()) {
            List<String> names = missing.stream().map(p -> p.name().toLowerCase(Locale.ROOT)).toList();
            return new Reading(null, subject + " must include a " + String.join(" and ", names), missing);
        }
        Matcher dayDigits = ORDINAL.matcher(d);
        int dayNumber = dayDigits.matches() ? Integer.parseInt(dayDigits.group(1)) : -1;
        if (dayNumber < 1 || dayNumber > 31) {
            return problem(subject + " must be a real date — the day must be a number from 1 to 31", Part.DAY);
        }
        int monthNumber = month(m);
        if (monthNumber < 1) {
            String hint = m.matches("\\d{1,2}") && Integer.parseInt(m) <= 31 && dayNumber <= 12
                    ? " — there's no month " + Integer.parseInt(m) + ". Please put the day first, for example "
                            + m + "/" + dayNumber + "/" + y
                    : " — the month must be a number from 1 to 12, or its name, for example 3 or March";
            return problem(subject + " must be a real date" + hint, Part.MONTH);
        }
        if (!y.matches("\\d{4}")) {
            return problem(y.matches("\\d{1,2}") ? "Please write the year in full, for example 1986"
                    : "The year must have 4 numbers, for example 1986", Part.YEAR);
        }
        try {
            return new Reading(LocalDate.of(Integer.parseInt(y), monthNumber, dayNumber), null, Set.of());
        } catch (DateTimeException noSuchDay) {
            String which = DAY_MONTH.format(LocalDate.of(2000, monthNumber, 1)).replaceFirst("^1 ", dayNumber + " ");
            String suffix = monthNumber == 2 && dayNumber == 29 ? " " + y : "";
            return new Reading(null, subject + " must be a real date — " + which + suffix + " doesn't exist",
                    EnumSet.of(Part.DAY, Part.MONTH));
        }
    }

    /** The answer to keep for three typed boxes: ISO once they make a date, "" when all are empty. */
    public static String join(String day, String month, String year) {
        Optional<List<String>> pasted = strip(month).isEmpty() && strip(year).isEmpty() ? parts(day) : Optional.empty();
        if (pasted.isPresent()) {
            return join(pasted.get().get(0), pasted.get().get(1), pasted.get().get(2));
        }
        Reading reading = fromParts(day, month, year, "The date");
        if (reading.date() != null) {
            return reading.date().toString();
        }
        if (reading.isEmpty()) {
            return "";
        }
        return strip(day) + "/" + strip(month) + "/" + strip(year);
    }

    /** Day, month and year to put back into the three boxes for a kept answer. */
    public static List<String> split(String value) {
        if (value == null || value.isBlank()) {
            return List.of("", "", "");
        }
        Matcher iso = ISO.matcher(value.strip());
        if (iso.matches()) {
            return List.of(String.valueOf(Integer.parseInt(iso.group(3))), String.valueOf(Integer.parseInt(iso.group(2))),
                    iso.group(1));
        }
        Matcher boxes = THREE_BOXES.matcher(value);
        if (boxes.matches()) {
            return List.of(boxes.group(1), boxes.group(2), boxes.group(3));
        }
        return List.of(value, "", "");
    }

    private static Reading problem(String message, Part part) {
        return new Reading(null, message, EnumSet.of(part));
    }

    private static int month(String m) {
        if (m.matches("\\d{1,2}")) {
            int number = Integer.parseInt(m);
            return number >= 1 && number <= 12 ? number : -1;
        }
        String word = m.toLowerCase(Locale.UK).replaceAll("\\.$", "");
        if (word.length() < 3) {
            return -1;
        }
        List<Integer> found = new ArrayList<>();
        for (int i = 0; i < MONTHS.size(); i++) {
            if (MONTHS.get(i).startsWith(word)) {
                found.add(i + 1);
            }
        }
        return found.size() == 1 ? found.getFirst() : -1;
    }

    private static boolean isWord(String token) {
        return token.codePoints().allMatch(Character::isLetter) && !token.isEmpty();
    }

    private static String clean(String part) {
        return part == null ? "" : Normalizer.normalize(part, Normalizer.Form.NFKC).strip();
    }

    private static String strip(String part) {
        return part == null ? "" : part.strip().replace("/", " ");
    }
}
