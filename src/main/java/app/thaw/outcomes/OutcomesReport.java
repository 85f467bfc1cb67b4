package app.thaw.outcomes;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.annotation.security.RolesAllowed;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.thaw.audit.AuditAction;
import app.thaw.audit.AuditLog;
import app.thaw.base.CsvText;
import app.thaw.base.database.ReadsFromReplica;
import app.thaw.outcomes.domain.EpisodeStore;
import app.thaw.outcomes.domain.Waits;
import app.thaw.security.Roles;
import app.thaw.security.StaffAccountService;
import app.thaw.caseaccess.CaseAccess;
import app.thaw.caseaccess.CaseOperation;
import app.thaw.caseaccess.CaseRelation;
import app.thaw.security.SystemActor;

/**
 * The practice's results, NHS Talking Therapies style, per period, therapist and service: courses finishing treatment,
 * paired-measure completeness, recovery, reliable improvement and deterioration, reliable recovery and median waits.
 * Read from the summary kept as courses end (never a scan of the measures). A clinical lead sees every count; a
 * practice manager sees the same aggregates with any count from 1 to 4 suppressed (and the rates built on one) and
 * every other count above 0 rounded to the nearest 5 (ADR 28).
 */
@Service
@ReadsFromReplica
@Transactional(readOnly = true)
public class OutcomesReport {

    /** Counts below this are suppressed for practice managers (small numbers could identify a client). */
    public static final int SUPPRESS_BELOW = 5;

    /** A practice manager's other counts are rounded to this, so no view taken from another gives a suppressed one. */
    public static final int ROUND_TO = 5;

    public enum Period {
        MONTH("Month"), QUARTER("Quarter"), YEAR("Year");

        private final String label;

        Period(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        LocalDate start(LocalDate month) {
            return switch (this) {
                case MONTH -> month;
                case QUARTER -> month.withMonth(((month.getMonthValue() - 1) / 3) * 3 + 1);
                case YEAR -> month.withDayOfYear(1);
            };
        }

        String name(LocalDate start) {
            return switch (this) {
                case MONTH -> start.getMonth().getDisplayName(java.time.format.TextStyle.SHORT, Locale.UK) + " "
                        + start.getYear();
                case QUARTER -> start.getYear() + " Q" + ((start.getMonthValue() - 1) / 3 + 1);
                case YEAR -> String.valueOf(start.getYear());
            };
        }
    }

    /**
     * One row of the report; a null count is suppressed (1 to 4); a null rate or median wait is not shown, either
     * undefined (no denominator) or built on a suppressed count. Rates are whole percentages of the true counts.
     */
    public record Row(String period, LocalDate periodStart, String therapist, String service,
                      @Nullable Integer ended, @Nullable Integer finished, @Nullable Integer paired,
                      @Nullable Integer atCaseness, @Nullable Integer recovered, @Nullable Integer improved,
                      @Nullable Integer deteriorated, @Nullable Integer reliablyRecovered,
                      @Nullable Integer completenessPercent, @Nullable Integer recoveryPercent,
                      @Nullable Integer improvementPercent, @Nullable Integer deteriorationPercent,
                      @Nullable Integer medianWaitDays) {
    }

    /** The report: rows per therapist and service, and the whole practice per period (the trend). */
    public record Report(Period period, LocalDate from, LocalDate to, boolean suppressed, List<Row> rows,
                         List<Row> practice) {
    }

    private final EpisodeStore episodes;
    private final StaffAccountService staff;
    private final CaseAccess access;
    private final AuditLog audit;

    OutcomesReport(EpisodeStore episodes, StaffAccountService staff, CaseAccess access, AuditLog audit) {
        this.episodes = episodes;
        this.staff = staff;
        this.access = access;
        this.audit = audit;
    }

    /** Courses that ended in the months from {@code from} to {@code to} (both included). */
    @RolesAllowed({Roles.CLINICAL_LEAD, Roles.ADMIN})
    public Report report(Period period, LocalDate from, LocalDate to) {
        boolean suppressed = access.requireAggregate(CaseOperation.READ_OUTCOME_AGGREGATES)
                != CaseRelation.CLINICAL_LEAD;
        List<EpisodeStore.SummaryRow> summary = episodes.summary(from.withDayOfMonth(1), to.withDayOfMonth(1));
        Set<Long> therapistIds = new HashSet<>();
        summary.forEach(r -> therapistIds.add(r.therapistId()));
        therapistIds.remove(0L);
        Map<Long, String> names = therapistIds.isEmpty() ? Map.of()
                : SystemActor.call(() -> staff.displayNames(therapistIds));
        Map<List<Object>, Totals> groups = new LinkedHashMap<>();
        Map<LocalDate, Totals> practice = new LinkedHashMap<>();
        for (EpisodeStore.SummaryRow row : summary) {
            LocalDate start = period.start(row.month());
            groups.computeIfAbsent(List.of(start, row.therapistId(), row.serviceType()), key -> new Totals()).add(row);
            practice.computeIfAbsent(start, key -> new Totals()).add(row);
        }
        int[] scratch = new int[Waits.BUCKETS];
        List<Row> rows = new ArrayList<>();
        groups.forEach((key, totals) -> {
            LocalDate start = (LocalDate) key.get(0);
            long therapist = (Long) key.get(1);
            rows.add(totals.row(period.name(start), start, therapist == 0 ? "Unassigned"
                    : names.getOrDefault(therapist, "Former staff member"), service((String) key.get(2)),
                    suppressed, scratch));
        });
        rows.sort(java.util.Comparator.comparing(Row::periodStart).thenComparing(Row::therapist)
                .thenComparing(Row::service));
        List<Row> whole = new ArrayList<>();
        practice.forEach((start, totals) -> whole.add(totals.row(period.name(start), start, "Whole practice",
                "All services", suppressed, scratch)));
        whole.sort(java.util.Comparator.comparing(Row::periodStart));
        return new Report(period, from, to, suppressed, rows, whole);
    }

    /** The report as CSV (every field quoted, spreadsheet formulas defused); the export is audited. */
    @Transactional
    @RolesAllowed({Roles.CLINICAL_LEAD, Roles.ADMIN})
    public String csv(Period period, LocalDate from, LocalDate to) {
        Report report = report(period, from, to);
        var csv = new StringBuilder("period,therapist,service,ended,finished_treatment,paired,at_caseness,recovered,"
                + "reliable_improvement,reliable_deterioration,reliable_recovery,completeness_percent,"
                + "recovery_percent,improvement_percent,deterioration_percent,median_wait_days\r\n");
        List<Row> all = new ArrayList<>(report.rows());
        all.addAll(report.practice());
        for (Row r : all) {
            csv.append(String.join(",", CsvText.quote(r.period()), CsvText.quote(r.therapist()),
                    CsvText.quote(r.service()), countCell(r.ended()), countCell(r.finished()),
                    countCell(r.paired()), countCell(r.atCaseness()), countCell(r.recovered()),
                    countCell(r.improved()), countCell(r.deteriorated()), countCell(r.reliablyRecovered()),
                    figureCell(r.completenessPercent()), figureCell(r.recoveryPercent()),
                    figureCell(r.improvementPercent()), figureCell(r.deteriorationPercent()),
                    figureCell(r.medianWaitDays())))
                    .append("\r\n");
        }
        audit.record(AuditAction.OUTCOMES_REPORT_EXPORTED, null, null, period.label() + " " + from + " to " + to
                + (report.suppressed() ? ", small counts suppressed, the rest rounded to " + ROUND_TO : ""));
        return csv.toString();
    }

    private static String countCell(@Nullable Integer value) {
        return value == null ? CsvText.quote("<" + SUPPRESS_BELOW) : String.valueOf(value);
    }

    // a spreadsheet skips an empty cell in sums and averages; "<5" in a percent or days column would read as a value
    private static String figureCell(@Nullable Integer value) {
        return value == null ? "" : String.valueOf(value);
    }

    static String service(String type) {
        return "COUPLES".equals(type) ? "Couples" : "Individual";
    }

    /** Sums of summary rows, and their months' waits for the group's median wait. */
    static final class Totals {
        int ended;
        int finished;
        int paired;
        int atCaseness;
        int recovered;
        int improved;
        int deteriorated;
        int reliablyRecovered;
        final List<Waits> waits = new ArrayList<>(1);

        void add(EpisodeStore.SummaryRow row) {
            ended += row.ended();
            finished += row.finished();
            paired += row.paired();
            atCaseness += row.atCaseness();
            recovered += row.recovered();
            improved += row.reliableImprovement();
            deteriorated += row.reliableDeterioration();
            reliablyRecovered += row.reliableRecovery();
            waits.add(row.waits());
        }

        Row row(String name, LocalDate start, String therapist, String service, boolean suppressed, int[] scratch) {
            return new Row(name, start, therapist, service, count(ended, suppressed), count(finished, suppressed),
                    count(paired, suppressed), count(atCaseness, suppressed), count(recovered, suppressed),
                    count(improved, suppressed), count(deteriorated, suppressed), count(reliablyRecovered, suppressed),
                    rate(paired, finished, suppressed), rate(recovered, atCaseness, suppressed),
                    rate(improved, paired, suppressed), rate(deteriorated, paired, suppressed),
                    suppressed && finished < SUPPRESS_BELOW ? null : Waits.lowerMedian(waits, scratch));
        }

        // a 0 stays 0: no client is in it, and rounding never turns 1 to 4 into 0, so "0" and "<5" each say one thing
        static @Nullable Integer count(int value, boolean suppressed) {
            if (!suppressed || value == 0) {
                return value;
            }
            return value < SUPPRESS_BELOW ? null : (value + ROUND_TO / 2) / ROUND_TO * ROUND_TO;
        }

        // from the true counts; a manager sees it only over a shown denominator, never over a part it would give back
        static @Nullable Integer rate(int part, int whole, boolean suppressed) {
            if (whole == 0 || suppressed && (count(part, true) == null || count(whole, true) == null)) {
                return null;
            }
            return (int) Math.round(100.0 * part / whole);
        }
    }
}
