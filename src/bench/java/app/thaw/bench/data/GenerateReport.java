package app.thaw.bench.data;

import java.util.List;
import java.util.Locale;

import org.springframework.jdbc.core.JdbcTemplate;

/** What the generator made: its phases with their time and CPU, every table's rows, the case mix. */
final class GenerateReport {

    /** The urgent intakes and the intakes in a linked couple, counted as they were generated. */
    record CaseCounts(int urgent, int linkedCouples, int intakes) {
    }

    private GenerateReport() {
    }


    static String summary(JdbcTemplate jdbc, CaseCounts writer, Phases phases, double total) {
        var text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "Generated in **%.0f s** (%.1f min).%n%n", total, total / 60));
        text.append(phases.table(writer.intakes()));
        text.append("\n| table | rows |\n|---|---:|\n");
        for (String table : List.of("intake", "couple_case", "review_case", "factor_suggestion", "case_note", "referral",
                "audit_entry", "staff_account", "room", "working_hours", "time_away", "appointment", "measure_request", "measure_response", "outcome_episode", "outcome_summary", "care_event",
                "intake_search")) {
            text.append(String.format(Locale.ROOT, "| %s | %,d |%n", table,
                    jdbc.queryForObject("select count(*) from " + table, Long.class)));
        }
        long intakes = writer.intakes();
        text.append(String.format(Locale.ROOT, "%nUrgent (risk-flagged by the real scorer): %.2f %%. Intakes in a linked "
                        + "couple: %.1f %%. Database size: %s.%n%n", 100.0 * writer.urgent() / intakes,
                200.0 * writer.linkedCouples() / intakes,
                jdbc.queryForObject("select pg_size_pretty(pg_database_size(current_database()))", String.class)));
        text.append("| status | intakes |\n|---|---:|\n");
        jdbc.query("select status, count(*) from intake group by status order by 2 desc", rs -> {
            text.append(String.format(Locale.ROOT, "| %s | %,d |%n", rs.getString(1), rs.getLong(2)));
        });
        text.append("\n| session state | sessions |\n|---|---:|\n");
        jdbc.query("select state, count(*) from appointment group by state order by 2 desc", rs -> {
            text.append(String.format(Locale.ROOT, "| %s | %,d |%n", rs.getString(1), rs.getLong(2)));
        });
        return text.toString();
    }
}
