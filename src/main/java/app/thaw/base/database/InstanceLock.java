package app.thaw.base.database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.springframework.dao.DataAccessResourceFailureException;

/**
 * Work that one app instance at a time may do, whichever instances share the database: a PostgreSQL advisory lock
 * held on a connection of its own, outside any transaction, so the work itself can commit as often as it needs.
 */
public final class InstanceLock {

    private final DataSource dataSource;
    private final long key;
    private final String what;

    public InstanceLock(DataSource dataSource, long key, String what) {
        this.dataSource = dataSource;
        this.key = key;
        this.what = what;
    }

    /** Runs the work under the lock; empty when another instance holds it. */
    public <T> Optional<T> tryRun(Supplier<T> work) {
        try (Connection holder = dataSource.getConnection()) {
            if (!call(holder, "select pg_try_advisory_lock(?)")) {
                return Optional.empty();
            }
            try {
                return Optional.of(work.get());
            } finally {
                call(holder, "select pg_advisory_unlock(?)");
            }
        } catch (SQLException e) {
            throw new DataAccessResourceFailureException("Could not take the " + what + " lock", e);
        }
    }

    private boolean call(Connection connection, String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, key);
            try (ResultSet result = statement.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }
}
