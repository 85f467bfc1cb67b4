package app.thaw.retention;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import app.thaw.intake.ErasureSubject;

/**
 * The reason for an erasure is kept after everything else about the client is gone, so it must not name them: their
 * whole name, their surname, their email address or their phone number.
 */
final class ReasonCheck {

    /** Shorter surnames ("Li", "Ng") are too often parts of ordinary words to refuse a reason for. */
    private static final int SHORTEST_SURNAME = 3;
    private static final int SHORTEST_PHONE_DIGITS = 7;

    private ReasonCheck() {
    }

    /** What of the client the reason names, to say so, or empty when it names nothing. */
    static Optional<String> namesClient(String reason, ErasureSubject client) {
        String text = normal(reason);
        String name = normal(client.fullName());
        if (!name.isEmpty() && words(text).contains(" " + name + " ")) {
            return Optional.of("their name");
        }
        // the last word as the client typed it, so a double-barrelled surname is matched whole
        String[] parts = client.fullName() == null ? new String[0] : client.fullName().strip().split("\\s+");
        String surname = parts.length < 2 ? "" : normal(parts[parts.length - 1]);
        if (surname.length() >= SHORTEST_SURNAME && words(text).contains(" " + surname + " ")) {
            return Optional.of("their surname");
        }
        String email = client.email() == null ? "" : client.email().strip().toLowerCase(Locale.ROOT);
        if (!email.isEmpty() && reason.toLowerCase(Locale.ROOT).contains(email)) {
            return Optional.of("their email address");
        }
        String phone = digits(client.phone());
        if (phone.length() >= SHORTEST_PHONE_DIGITS && digits(reason).contains(phone.substring(phone.length()
                - SHORTEST_PHONE_DIGITS))) {
            return Optional.of("their phone number");
        }
        return Optional.empty();
    }

    // apostrophes too, so "O'Brien's" reads as the words "o brien s" on both sides
    private static final Pattern NOT_A_LETTER = Pattern.compile("[^\\p{L}\\p{N}]+");

    private static String normal(String text) {
        return text == null ? "" : NOT_A_LETTER.matcher(text.toLowerCase(Locale.UK)).replaceAll(" ").strip();
    }

    private static String words(String normal) {
        return " " + normal + " ";
    }

    private static String digits(String text) {
        return text == null ? "" : text.replaceAll("\\D", "");
    }
}
