package app.thaw.scheduling;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A session type as a booking reads it (the gate, the label, whether it counts as treatment), as one row read once per
 * transaction: a booking asks three times, and loading the entity through JPA was a tenth of a chosen offer's Java
 * time at 1 M cases. Editing a type stays with the entity ({@code DiarySetupService}).
 */
@Component
class SessionTypes {

    record SessionType(long id, String label, boolean active, boolean couples, boolean treatment, int defaultMinutes) {
    }

    private final JdbcTemplate jdbc;

    SessionTypes(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<SessionType> of(long typeId) {
        Map<Long, Optional<SessionType>> read = readInThisTransaction();
        Optional<SessionType> known = read.get(typeId);
        if (known != null) {
            return known;
        }
        Optional<SessionType> type = jdbc.query("select id, label, active, couples, treatment, default_minutes from appointment_type"
                        + " where id = ?", (rs, row) -> new SessionType(rs.getLong(1), rs.getString(2),
                        rs.getBoolean(3), rs.getBoolean(4), rs.getBoolean(5), rs.getInt(6)), typeId).stream().findFirst();
        read.put(typeId, type);
        return type;
    }

    /** The types read so far in the current transaction; outside one, a map nobody keeps. */
    @SuppressWarnings("unchecked")
    private Map<Long, Optional<SessionType>> readInThisTransaction() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return new HashMap<>();
        }
        var read = (Map<Long, Optional<SessionType>>) TransactionSynchronizationManager.getResource(this);
        if (read == null) {
            Map<Long, Optional<SessionType>> fresh = new HashMap<>();
            TransactionSynchronizationManager.bindResource(this, fresh);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(SessionTypes.this);
                }
            });
            return fresh;
        }
        return read;
    }
}
