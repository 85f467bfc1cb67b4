package app.thaw.security;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Collection;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The one rule for staff passwords, after NCSC and NIST SP 800-63B: long enough, not a common password, not
 * about the person. No composition rules, which only push people towards "Password1!". Pure code.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 128;
    /** Shipped lists; sources and licences in {@code security/PASSWORD-LISTS.md}. */
    static final String[] BUNDLED_LISTS = {"security/common-passwords.txt", "security/common-passwords-long.txt"};

    // digits, punctuation, symbols and spaces people add around a common password to pass a check
    private static final Pattern DECORATION = Pattern.compile("^[\\p{N}\\p{P}\\p{S}\\p{Z}]+|[\\p{N}\\p{P}\\p{S}\\p{Z}]+$");
    private static final Pattern SEPARATORS = Pattern.compile("[\\p{Z}\\s._\\-+@]+");
    private static final int USERNAME_MIN_TO_MATCH = 3;
    /** Fewer different characters than this is a pattern ("abababababab"), whatever its length. */
    static final int MIN_DISTINCT = 5;
    // keyboard punctuation, signs and spaces; emoji (other symbols) are left alone, being as varied as letters
    private static final Pattern KEYBOARD_MARKS = Pattern.compile("[\\p{P}\\p{Z}\\s\\p{Sm}\\p{Sc}\\p{Sk}]+");

    /** Who the password is for: it must not be about them. */
    public record Person(String username, String displayName, String email) {
    }

    private final Set<String> common;

    public PasswordPolicy(Collection<String> commonPasswords) {
        var keys = new HashSet<String>(commonPasswords.size() * 2);
        for (String entry : commonPasswords) {
            if (!entry.isBlank()) {
                keys.add(key(entry.strip()));
            }
        }
        this.common = Set.copyOf(keys);
    }

    /** The policy with the lists shipped in the jar. */
    public static PasswordPolicy bundled() {
        var entries = new java.util.ArrayList<String>();
        for (String list : BUNDLED_LISTS) {
            var stream = PasswordPolicy.class.getClassLoader().getResourceAsStream(list);
            if (stream == null) {
                throw new IllegalStateException("The common-password list " + list + " is missing from the build");
            }
            try (var reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                reader.lines().forEach(entries::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new PasswordPolicy(entries);
    }

    int size() {
        return common.size();
    }

    /** Unicode NFKC, so a password typed on a phone and on a laptop is the same password (NIST 800-63B 5.1.1.2). */
    public static String normalise(String raw) {
        return Normalizer.normalize(raw, Normalizer.Form.NFKC);
    }

    /** Characters as a person counts them: code points, so an emoji or an accented letter is one. */
    public static int length(String password) {
        String normalised = normalise(password);
        return normalised.codePointCount(0, normalised.length());
    }

    /** What is wrong with this password and how to fix it, or empty when it may be used. */
    public Optional<String> problem(String password, Person person) {
        if (password == null || password.isEmpty()) {
            return Optional.of("Choose a password of at least " + MIN_LENGTH + " characters.");
        }
        int length = length(password);
        if (length < MIN_LENGTH) {
            return Optional.of("Use at least " + MIN_LENGTH + " characters (this has " + length + "). "
                    + "A few unrelated words make a long password that is easy to remember.");
        }
        if (length > MAX_LENGTH) {
            return Optional.of("Use at most " + MAX_LENGTH + " characters (this has " + length + ").");
        }
        String key = key(password);
        if (key.codePoints().distinct().count() < MIN_DISTINCT) {
            return Optional.of("Please use a password that isn't just spaces or repeated characters: three or four "
                    + "unrelated words are long and easy to remember.");
        }
        if (KEYBOARD_MARKS.matcher(key).matches()) {
            return Optional.of("Please use some letters or numbers, not only spaces, punctuation and symbols: three "
                    + "or four unrelated words are long and easy to remember.");
        }
        String username = key(person.username().strip());
        if (username.length() >= USERNAME_MIN_TO_MATCH && key.contains(username)) {
            return Optional.of("Leave your username out of your password: it is the first thing someone would try.");
        }
        if (isAbout(key, person)) {
            return Optional.of("Don't use your name or email address: choose something that has nothing to do "
                    + "with you.");
        }
        if (common.contains(key)) {
            return Optional.of("This is one of the most common passwords, so it is among the first anyone would "
                    + "try. Choose something less predictable, such as three or four unrelated words.");
        }
        String core = DECORATION.matcher(key).replaceAll("");
        if (!core.isEmpty() && common.contains(core)) {
            return Optional.of("This is a common password with numbers or symbols added, which are easy to "
                    + "guess. Choose something less predictable, such as three or four unrelated words.");
        }
        return Optional.empty();
    }

    private static boolean isAbout(String key, Person person) {
        String squashed = squash(key);
        if (squashed.isEmpty()) {
            return false;
        }
        String email = key(person.email().strip());
        int at = email.indexOf('@');
        return squashed.equals(squash(key(person.displayName().strip()))) || squashed.equals(squash(email))
                || at > 0 && squashed.equals(squash(email.substring(0, at)));
    }

    private static String key(String text) {
        return normalise(text).toLowerCase(Locale.ROOT);
    }

    private static String squash(String text) {
        return SEPARATORS.matcher(text).replaceAll("");
    }
}
