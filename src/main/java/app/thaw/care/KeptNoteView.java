package app.thaw.care;

import java.time.Instant;
import java.util.List;

import app.thaw.base.ids.KeptNoteTextId;

/**
 * Text its author had typed into a session note that could not be saved when they were signed out for idleness,
 * kept apart from the note for them to copy from or discard.
 */
public record KeptNoteView(KeptNoteTextId id, NoteTemplate template, List<SessionNoteView.Section> sections, Instant keptAt,
                           Because because) {

    public enum Because {
        /** The note was saved from another tab or window after this form was drawn. */
        CHANGED,
        /** The note had been signed, or reached its 24 hours, while the form was open. */
        LOCKED
    }
}
