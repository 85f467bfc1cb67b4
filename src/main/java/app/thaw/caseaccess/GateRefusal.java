package app.thaw.caseaccess;

import org.jspecify.annotations.Nullable;

/**
 * Why a session cannot be booked yet, in words that say what must happen first, and where to do it.
 *
 * @param link      a staff route (e.g. {@code staff/cases/THW-ABC123#risk}) where the person asking can do it;
 *                  null when they cannot (a practice manager cannot review risk)
 * @param linkLabel the words for that link
 */
public record GateRefusal(String message, @Nullable String link, @Nullable String linkLabel) {
}
