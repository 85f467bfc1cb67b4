package app.thaw.outcomes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import app.thaw.IntegrationTest;

/** The answered measures' months are made ahead by the job (ADR 20), once; the window follows the clock. */
@IntegrationTest
class MeasurePartitionsIT {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theMonthAndTheNextThreeAreMadeOnce() {
        var job = new MeasurePartitions(jdbc, Clock.fixed(Instant.parse("2032-11-30T23:30:00Z"), ZoneOffset.UTC));

        job.ensure();

        for (String month : new String[] {"2032_11", "2032_12", "2033_01", "2033_02"}) {
            assertThat(jdbc.queryForObject("select to_regclass(?) is not null", Boolean.class,
                    "measure_response_" + month)).as(month).isTrue();
        }
        assertThat(jdbc.queryForObject("select to_regclass('measure_response_2033_03') is null", Boolean.class))
                .isTrue();
        assertThat(job.ensure()).as("a second run makes nothing").isZero();
    }
}
