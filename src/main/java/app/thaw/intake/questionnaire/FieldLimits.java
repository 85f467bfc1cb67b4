package app.thaw.intake.questionnaire;

/**
 * The single source of answer size limits, shared by the definition (default maxLength),
 * the form fields and the database columns. Lengths count Unicode code points, as PostgreSQL
 * {@code varchar(n)} does.
 */
public final class FieldLimits {

    public static final int TEXT = 200;
    public static final int LONG_TEXT = 4000;
    /** RFC 5321 path limit. */
    public static final int EMAIL = 254;
    /** Generous for "+44 (0)161 123 4567" and similar spellings. */
    public static final int PHONE = 32;
    /** A date as typed in its three boxes, e.g. "31st/September/1986"; a sent form keeps it as ISO yyyy-MM-dd. */
    public static final int DATE = 40;
    /** Stored option codes, e.g. "perimenopause_menopause". */
    public static final int OPTION_VALUE = 64;
    /** Item, section, scale, score and rule ids. */
    public static final int ID = 64;
    /** "true" or "false". */
    public static final int CONSENT = 5;

    private FieldLimits() {
    }

    /** Default and upper limit of one stored answer value for the given kind. */
    public static int maxLength(ItemKind kind) {
        return switch (kind) {
            case TEXT -> TEXT;
            case LONG_TEXT -> LONG_TEXT;
            case EMAIL -> EMAIL;
            case PHONE -> PHONE;
            case DATE -> DATE;
            case SINGLE_CHOICE, MULTI_CHOICE, SCALE -> OPTION_VALUE;
            case CONSENT -> CONSENT;
        };
    }
}
