package app.thaw.outcomes;

import java.util.Map;

/** What came of a client sending their answers. */
public sealed interface MeasureSubmission {

    /** Kept. {@code risk}: an answer that takes the risk pathway (crisis lines now, the therapist alerted). */
    record Saved(boolean risk, boolean partnerFear) implements MeasureSubmission {
    }

    /** Not kept: a message per item id, for the field and the summary at the top. */
    record Invalid(Map<String, String> problems) implements MeasureSubmission {
    }

    /** The link no longer works (answered already, or the session is over). */
    record Gone(String message) implements MeasureSubmission {
    }
}
