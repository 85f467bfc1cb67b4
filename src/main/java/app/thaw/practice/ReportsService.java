package app.thaw.practice;

import java.io.StringWriter;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.annotation.security.RolesAllowed;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.thaw.Application;
import app.thaw.base.CsvText;
import app.thaw.base.database.ReadsFromReplica;
import app.thaw.base.PracticeSettings;
import app.thaw.security.Roles;

/**
 * Operational reports for the practice manager: sessions by therapist and week, utilisation of therapists' hours and
 * rooms, late cancellations, new referrals and the time to a first session. Counts and hours, nothing clinical; each
 * also as CSV (every field quoted, spreadsheet formulas defused).
 */
@Service
@ReadsFromReplica
@Transactional(readOnly = true)
@RolesAllowed(Roles.ADMIN)
public class ReportsService {

    public static final int MAX_WEEKS = 52;

    /** Which report a CSV holds. */
    public enum Report { SESSIONS, UTILISATION, LATE_CANCELLATIONS, REFERRALS }

    private final ReportQueries queries;
    private final PracticeSettings settings;
    private final Clock clock;

    ReportsService(ReportQueries queries, PracticeSettings settings, Clock clock) {
        this.queries = queries;
        this.settings = settings;
        this.clock = clock;
    }

    /** The last {@code weeks} weeks, this one included (Monday to Sunday, UK time). */
    public Reports reports(int weeks) {
        int span = Math.clamp(weeks, 1, MAX_WEEKS);
        LocalDate thisMonday = LocalDate.now(clock.withZone(Application.PRACTICE_ZONE)).with(DayOfWeek.MONDAY);
        LocalDate first = thisMonday.minusWeeks(span - 1L);
        LocalDate last = thisMonday.plusDays(6);
        Instant from = first.atStartOfDay(Application.PRACTICE_ZONE).toInstant();
        Instant to = last.plusDays(1).atStartOfDay(Application.PRACTICE_ZONE).toInstant();
        Set<LocalDate> closed = queries.closedDays(first, last);
        var notice = settings.current().clientNotice();
        return new Reports(first, thisMonday, queries.sessions(from, to),
                queries.therapists(first, last, from, to, closed), queries.rooms(first, last, from, to, closed),
                queries.lateCancellations(from, to, notice), queries.referrals(from, to), notice);
    }

    public String csv(Report report, int weeks) {
        Reports data = reports(weeks);
        var out = new StringWriter();
        switch (report) {
            case SESSIONS -> {
                line(out, "week", "therapist", "booked", "attended", "cancelled", "did_not_attend");
                data.sessions().forEach(r -> line(out, r.week().toString(), r.therapist(), n(r.booked()),
                        n(r.attended()), n(r.cancelled()), n(r.noShow())));
            }
            case UTILISATION -> {
                line(out, "kind", "name", "booked_minutes", "available_minutes", "percent");
                data.therapists().forEach(r -> line(out, "therapist", r.name(), n(r.bookedMinutes()),
                        n(r.availableMinutes()), n(r.percent())));
                data.rooms().forEach(r -> line(out, "room", r.name(), n(r.bookedMinutes()), n(r.availableMinutes()),
                        n(r.percent())));
            }
            case LATE_CANCELLATIONS -> {
                line(out, "week", "therapist", "cancelled_by_clients", "late");
                data.lateCancellations().forEach(r -> line(out, r.week().toString(), r.therapist(),
                        n(r.byClients()), n(r.late())));
            }
            case REFERRALS -> {
                line(out, "week", "forms_received", "seen", "median_days_to_first_session");
                data.referrals().forEach(r -> line(out, r.week().toString(), n(r.received()), n(r.seen()),
                        r.medianDaysToFirstSession() == null ? ""
                                : String.format(Locale.ROOT, "%.1f", r.medianDaysToFirstSession())));
            }
        }
        return out.toString();
    }

    private static String n(long value) {
        return Long.toString(value);
    }

    private static void line(StringWriter out, String... fields) {
        out.write(String.join(",", List.of(fields).stream().map(CsvText::quote).toList()));
        out.write("\r\n");
    }
}
