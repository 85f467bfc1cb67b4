package app.thaw.audit;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * What the audit viewer narrows to; nulls mean "any". {@code from}/{@code to} are London days, both inclusive, and
 * become bounds on {@code occurred_at}, so only the months in the range are read (ADR 20).
 */
public record AuditFilter(@Nullable Long actorId, @Nullable String caseReference, @Nullable AuditAction action,
                          @Nullable LocalDate from, @Nullable LocalDate to) {

    /** How far back the viewer opens: the last three months, "all time" only when asked for. */
    public static final int OPENING_MONTHS = 3;

    /** The whole log, every month: only when the manager asks for "all time" (and for tests). */
    public static AuditFilter everything() {
        return new AuditFilter(null, null, null, null, null);
    }

    /** What the viewer opens on: everything in the last {@link #OPENING_MONTHS} months up to today. */
    public static AuditFilter recent(LocalDate today) {
        return new AuditFilter(null, null, null, openingFrom(today), null);
    }

    /** The first London day the viewer shows when it opens. */
    public static LocalDate openingFrom(LocalDate today) {
        return today.minusMonths(OPENING_MONTHS);
    }
}
