package app.thaw.bench;

import java.util.List;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/**
 * The app's JdbcTemplate, remembering per thread the last query's SQL and arguments, so a benchmark can time the
 * very SQL a service ran, without the service, and EXPLAIN it.
 */
public class RecordingJdbcTemplate extends JdbcTemplate {

    public record Recorded(String sql, Object[] args) {
    }

    private final ThreadLocal<Recorded> last = new ThreadLocal<>();

    RecordingJdbcTemplate(DataSource dataSource) {
        super(dataSource);
    }

    @Override
    public <T> List<T> query(String sql, RowMapper<T> rowMapper, @Nullable Object... args) throws DataAccessException {
        last.set(new Recorded(sql, args == null ? new Object[0] : args.clone()));
        return super.query(sql, rowMapper, args);
    }

    Recorded lastOnThisThread() {
        Recorded recorded = last.get();
        if (recorded == null) {
            throw new IllegalStateException("No JdbcTemplate query has run on this thread");
        }
        return recorded;
    }
}
