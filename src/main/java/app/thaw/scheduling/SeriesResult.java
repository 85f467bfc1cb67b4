package app.thaw.scheduling;

import java.time.ZonedDateTime;
import java.util.List;

import org.jspecify.annotations.Nullable;

import app.thaw.caseaccess.GateRefusal;

/**
 * A recurring series: the sessions booked, and every occurrence that clashed, for the user to move; or, when a safety
 * gate stops the whole series, nothing booked and what must happen first.
 */
public record SeriesResult(List<SessionView> booked, List<Clash> clashes, @Nullable GateRefusal blocked) {

    public SeriesResult(List<SessionView> booked, List<Clash> clashes) {
        this(booked, clashes, null);
    }

    public record Clash(ZonedDateTime start, String message) {
    }
}
