package app.thaw.scheduling;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Loads the England and Wales bank holidays shipped with Thaw (scheduling/bank-holidays-england-and-wales.csv) into
 * the practice's closed days at start-up. A day already there keeps what the practice manager made of it (opened, or
 * renamed), so every instance can run it at every start.
 */
@Component
class BankHolidays {

    static final String RESOURCE = "scheduling/bank-holidays-england-and-wales.csv";
    private static final Logger log = LoggerFactory.getLogger(BankHolidays.class);

    private final JdbcTemplate jdbc;
    private final Clock clock;

    BankHolidays(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    record Holiday(LocalDate day, String name) {
    }

    @EventListener(ApplicationReadyEvent.class)
    void load() {
        int added = 0;
        for (Holiday holiday : read()) {
            added += jdbc.update("""
                    insert into closed_day (day, name, bank_holiday, open, changed_at) values (?, ?, true, false, ?)
                    on conflict (day) do nothing""", holiday.day(), holiday.name(), Timestamp.from(clock.instant()));
        }
        if (added > 0) {
            log.info("Added {} bank holidays to the practice's closed days", added);
        }
    }

    static List<Holiday> read() {
        List<Holiday> holidays = new ArrayList<>();
        try (var reader = new BufferedReader(new InputStreamReader(new ClassPathResource(RESOURCE).getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#") || line.startsWith("date,")) {
                    continue;
                }
                int comma = line.indexOf(',');
                holidays.add(new Holiday(LocalDate.parse(line.substring(0, comma).strip()),
                        line.substring(comma + 1).strip()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return holidays;
    }
}
