package app.thaw.intake.questionnaire;

import java.util.Optional;

import app.thaw.base.domain.StorableText;

/** Format checks for typed text: email addresses, UK phone numbers, and characters we can store. */
public final class ContactFormats {

    private static final String EMAIL_LOCAL_FORBIDDEN = "()<>[]\\,;:\"@";

    private ContactFormats() {
    }

    /** A sane, deliberately permissive address check (international letters allowed), max 254 characters. */
    public static boolean isEmail(String raw) {
        if (raw == null) {
            return false;
        }
        String s = raw.strip();
        if (s.isEmpty() || s.length() > FieldLimits.EMAIL) {
            return false;
        }
        int at = s.indexOf('@');
        if (at <= 0 || at != s.lastIndexOf('@') || at == s.length() - 1) {
            return false;
        }
        return isLocalPart(s.substring(0, at)) && isDomain(s.substring(at + 1));
    }

    /**
     * The national form ("07700900123") of a UK mobile or geographic/non-geographic number: 07, 01,
     * 02 or 03, written with or without +44/0044, "(0)", spaces, dashes or brackets.
     */
    public static Optional<String> ukNationalNumber(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        StringBuilder compact = new StringBuilder();
        for (char c : raw.strip().toCharArray()) {
            if (c != ' ' && c != '-' && c != '(' && c != ')' && c != '\u00A0') {
                compact.append(c);
            }
        }
        String s = compact.toString();
        String national;
        if (s.startsWith("+44") || s.startsWith("0044")) {
            String rest = s.substring(s.startsWith("+") ? 3 : 4);
            // "+44 (0)161 …" keeps the trunk 0 in brackets; drop it before adding our own.
            national = "0" + (rest.startsWith("0") ? rest.substring(1) : rest);
        } else {
            national = s;
        }
        if (!national.matches("0[0-9]+")) {
            return Optional.empty();
        }
        int length = national.length();
        boolean valid = switch (national.charAt(1)) {
            case '7', '2', '3' -> length == 11;
            case '1' -> length == 10 || length == 11;
            default -> false;
        };
        return valid ? Optional.of(national) : Optional.empty();
    }

    public static boolean isUkPhone(String raw) {
        return ukNationalNumber(raw).isPresent();
    }

    /** See {@link StorableText}: no NUL or other control characters, no broken surrogates. */
    public static boolean hasOnlyStorableCharacters(String s) {
        return StorableText.isStorable(s);
    }

    public static boolean hasLineBreak(String s) {
        return s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0;
    }

    /** Length as PostgreSQL counts it: Unicode code points, so an emoji counts once. */
    public static int length(String s) {
        return s.codePointCount(0, s.length());
    }

    private static boolean isLocalPart(String local) {
        if (local.length() > 64 || local.startsWith(".") || local.endsWith(".") || local.contains("..")) {
            return false;
        }
        return local.codePoints().noneMatch(cp -> Character.isWhitespace(cp) || Character.isISOControl(cp)
                || Character.isSpaceChar(cp) || EMAIL_LOCAL_FORBIDDEN.indexOf(cp) >= 0);
    }

    private static boolean isDomain(String domain) {
        String[] labels = domain.split("\\.", -1);
        if (labels.length < 2 || domain.length() > 253) {
            return false;
        }
        for (String label : labels) {
            if (label.isEmpty() || label.length() > 63 || label.startsWith("-") || label.endsWith("-")
                    || !label.codePoints().allMatch(cp -> Character.isLetterOrDigit(cp) || cp == '-')) {
                return false;
            }
        }
        String tld = labels[labels.length - 1];
        return tld.startsWith("xn--") || (tld.length() >= 2 && tld.codePoints().allMatch(Character::isLetter));
    }
}
