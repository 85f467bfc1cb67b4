package app.thaw.base.logging;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An unexpected failure, put on record without what was typed: a short correlation id the person is shown (so staff
 * can find the log line when they report it), the kinds of exception and where it happened in Thaw's code. Exception
 * messages may hold SQL, answers or names, so they are never logged here and never shown.
 */
public final class Failures {

    private static final Logger log = LoggerFactory.getLogger(Failures.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Letters and digits that can't be mistaken for each other when read out on the phone. */
    private static final char[] ALPHABET = "ABCDEFGHJKMNPQRSTVWXYZ23456789".toCharArray();

    private Failures() {
    }

    /** Logs the failure under a new correlation id and returns the id. */
    public static String record(Throwable failure, String where) {
        String id = newCorrelationId();
        log.error("Unexpected failure {} in {}: {}", id, where, describe(failure));
        return id;
    }

    static String newCorrelationId() {
        var id = new StringBuilder(8);
        for (int i = 0; i < 8; i++) {
            id.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return id.toString();
    }

    /** "IllegalStateException ← SQLException at app.thaw.x.Y.m(Y.java:12), …": kinds and places, never messages. */
    public static String describe(Throwable failure) {
        List<String> kinds = new ArrayList<>();
        List<String> places = new ArrayList<>();
        for (Throwable cause = failure; cause != null && kinds.size() < 10; cause = cause.getCause()) {
            kinds.add(cause.getClass().getSimpleName());
            for (StackTraceElement frame : cause.getStackTrace()) {
                if (frame.getClassName().startsWith("app.thaw.") && places.size() < 5 && !places.contains(frame.toString())) {
                    places.add(frame.toString());
                }
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return String.join(" ← ", kinds) + (places.isEmpty() ? "" : " at " + String.join(", ", places));
    }

    /** The message people see: calm, what to do next, and the id to quote. */
    public static String calmMessage(String correlationId) {
        return "Something went wrong on our side. Please try again in a moment; if it keeps happening, tell the "
                + "practice this code: " + correlationId.toUpperCase(Locale.ROOT) + ".";
    }
}
