package app.thaw.bench;

import javax.sql.DataSource;

import org.springframework.context.annotation.Bean;

/** Beans the bench adds to the real context; not annotated, so the app's component scan never picks it up. */
class BenchConfiguration {

    @Bean
    RecordingJdbcTemplate jdbcTemplate(DataSource dataSource) {
        return new RecordingJdbcTemplate(dataSource);
    }

    @Bean
    static StatementCounter statementCounter() {
        return new StatementCounter();
    }
}
