package app.thaw.intake.questionnaire;

/** What kind of answer an item takes; decides rendering, validation and storage size. */
public enum ItemKind {
    TEXT,
    LONG_TEXT,
    DATE,
    EMAIL,
    PHONE,
    SINGLE_CHOICE,
    MULTI_CHOICE,
    SCALE,
    CONSENT;

    /** Free text typed by the client (length limits and control-character checks apply). */
    public boolean isText() {
        return this == TEXT || this == LONG_TEXT || this == EMAIL || this == PHONE;
    }

    /** Items whose answer must be one of a fixed list of option values. */
    public boolean hasOptions() {
        return this == SINGLE_CHOICE || this == MULTI_CHOICE || this == SCALE;
    }

    /** Items that hold at most one value; MULTI_CHOICE is the only multi-valued kind. */
    public boolean isSingleValued() {
        return this != MULTI_CHOICE;
    }
}
