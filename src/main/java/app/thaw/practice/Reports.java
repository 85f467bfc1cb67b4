package app.thaw.practice;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The practice manager's operational reports for a run of weeks (Monday to Sunday, UK time): counts and hours only,
 * never anything clinical. Each list is one report, with a chart and a table on screen and a CSV download.
 *
 * @param firstWeek the Monday the period starts; the period ends with the week of {@code lastWeek}
 * @param notice    the notice period in force: a client's cancellation closer than this to the session is late
 */
public record Reports(LocalDate firstWeek, LocalDate lastWeek, List<SessionCounts> sessions,
                      List<Utilisation> therapists, List<Utilisation> rooms, List<LateCancellations> lateCancellations,
                      List<Referrals> referrals, Duration notice) {

    /** One therapist's sessions that started in one week, by what became of them. */
    public record SessionCounts(LocalDate week, String therapist, int booked, int attended, int cancelled,
                                int noShow) {
    }

    /**
     * Minutes booked (not cancelled) against minutes available: a therapist's working hours less time away and
     * closed days; a room's opening hours (weekdays 08:00 to 21:00, the diary's day) less closed days.
     */
    public record Utilisation(String name, long bookedMinutes, long availableMinutes) {

        public int percent() {
            return availableMinutes == 0 ? 0 : (int) Math.round(100.0 * bookedMinutes / availableMinutes);
        }
    }

    /** Clients' own cancellations in one week for one therapist, and how many came inside the notice period. */
    public record LateCancellations(LocalDate week, String therapist, int byClients, int late) {
    }

    /**
     * Forms received in one week, how many of those clients have had a first session, and the median days from the form
     * to that first attended session.
     */
    public record Referrals(LocalDate week, int received, int seen, @Nullable Double medianDaysToFirstSession) {
    }
}
