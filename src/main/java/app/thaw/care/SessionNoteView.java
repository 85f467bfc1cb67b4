package app.thaw.care;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A session note as its readers see it: the headings of its template with what was written under each (the erasure
 * marker once erased), who wrote it, and when it was signed or locked; then any addenda, oldest first.
 *
 * @param lockedAt when it was signed, or 24 hours after it was first written, whichever came first
 * @param version  what a form drawn from this view passes back when saving, so an out-of-date form cannot overwrite
 */
public record SessionNoteView(long id, long appointmentId, NoteTemplate template, List<Section> sections,
                              long authorId, String author, Instant createdAt, Instant updatedAt,
                              @Nullable Instant signedAt, Instant lockedAt, boolean locked, long version,
                              List<Addendum> addenda) {

    public record Section(String heading, String text) {
    }

    public record Addendum(String author, Instant createdAt, String text) {
    }
}
