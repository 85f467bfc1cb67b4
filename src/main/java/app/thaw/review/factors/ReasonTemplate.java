package app.thaw.review.factors;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Fills {name} placeholders in a reason; values only ever come from numbers and the definition's labels. */
final class ReasonTemplate {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");

    private ReasonTemplate() {
    }

    static Set<String> placeholders(String template) {
        Set<String> names = new LinkedHashSet<>();
        Matcher m = PLACEHOLDER.matcher(template);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /** Unknown placeholders are left as written; the loader rejects them before this runs. */
    static String render(String template, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(value != null ? value : m.group()));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** "More than half the days" reads "more than half the days" mid-sentence; "I'm…" and "GP…" stay. */
    static String midSentence(String label) {
        if (label == null || label.isEmpty() || !Character.isUpperCase(label.charAt(0))) {
            return label;
        }
        int end = 1;
        while (end < label.length() && Character.isLetter(label.charAt(end))) {
            end++;
        }
        String firstWord = label.substring(0, end);
        boolean keep = firstWord.equals("I") || (firstWord.length() > 1 && Character.isUpperCase(firstWord.charAt(1)));
        return keep ? label : Character.toLowerCase(label.charAt(0)) + label.substring(1);
    }
}
