package app.thaw.scheduling;

import java.time.ZonedDateTime;
import java.util.List;

/** A recurring series: the sessions booked, and every occurrence that clashed, for the user to move. */
public record SeriesResult(List<SessionView> booked, List<Clash> clashes) {

    public record Clash(ZonedDateTime start, String message) {
    }
}
