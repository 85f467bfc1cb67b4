package app.thaw.privacy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.lang.Contract;

/**
 * Replaces every mention of a couple's partner in free text with "[partner]": full name, preferred name,
 * first name, email address, phone number and reference, in any letter case. It errs towards hiding too
 * much (a partner called May also hides the month) rather than too little.
 */
final class PartnerRedaction {

    private static final PartnerRedaction NONE = new PartnerRedaction(null);

    private final @Nullable Pattern mentions;

    private PartnerRedaction(@Nullable Pattern mentions) {
        this.mentions = mentions;
    }

    static PartnerRedaction none() {
        return NONE;
    }

    static PartnerRedaction of(String fullName, @Nullable String preferredName, String email, String phone,
                               String reference) {
        List<String> terms = new ArrayList<>();
        add(terms, fullName);
        add(terms, preferredName);
        String[] words = fullName.strip().split("\\s+");
        if (words.length > 1) {
            add(terms, words[0]);
        }
        add(terms, email);
        add(terms, phone);
        String digits = phone.replaceAll("[^0-9+]", "");
        if (digits.length() >= 6) {
            add(terms, digits);
        }
        add(terms, reference);
        if (terms.isEmpty()) {
            return NONE;
        }
        // longest first, so "Sam Rivers" goes as a whole before "Sam" is looked for
        String alternatives = terms.stream().distinct().sorted(Comparator.comparingInt(String::length).reversed())
                .map(Pattern::quote).collect(Collectors.joining("|"));
        return new PartnerRedaction(Pattern.compile("(?<![\\p{L}\\p{N}])(?:" + alternatives + ")(?![\\p{L}\\p{N}])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
    }

    private static void add(List<String> terms, @Nullable String term) {
        if (term != null && term.strip().length() >= 2) {
            terms.add(term.strip());
        }
    }

    boolean active() {
        return mentions != null;
    }

    @Contract("!null -> !null")
    @Nullable String apply(@Nullable String text) {
        if (text == null || mentions == null) {
            return text;
        }
        return mentions.matcher(text).replaceAll(java.util.regex.Matcher.quoteReplacement(SubjectAccessExport.PARTNER));
    }

    List<String> apply(List<String> texts) {
        return mentions == null ? texts : texts.stream().map(this::apply).toList();
    }
}
