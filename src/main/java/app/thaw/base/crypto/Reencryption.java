package app.thaw.base.crypto;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Brings every encrypted column under the active key: plain text left by runs before encryption, and
 * values under an older key after a rotation. Runs in the background after start-up unless the last
 * completed pass already used the active key; in batches, each its own transaction, under one PostgreSQL
 * session lock held for the whole pass, so several instances never work at once and a restart simply carries on.
 */
@Component
public class Reencryption {

    private static final Logger log = LoggerFactory.getLogger(Reencryption.class);
    private static final int BATCH = 200;
    /** pg advisory lock key: "thawcryp" as a number, shared by every instance. */
    private static final long LOCK = 0x7468617763727970L;
    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]*");

    private final List<EncryptedColumn> columns;
    private final FieldCipher cipher;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;

    private final javax.sql.DataSource dataSource;

    Reencryption(List<EncryptedColumn> columns, FieldCipher cipher, JdbcTemplate jdbc,
                 TransactionTemplate transactions, javax.sql.DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.columns = List.copyOf(columns);
        this.cipher = cipher;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
        this.columns.forEach(c -> {
            for (String name : new String[] {c.table(), c.column(), c.idColumn()}) {
                if (!IDENTIFIER.matcher(name).matches()) {
                    throw new IllegalArgumentException("Not a plain SQL identifier: " + name);
                }
            }
        });
    }

    public List<EncryptedColumn> columns() {
        return columns;
    }

    @EventListener(ApplicationReadyEvent.class)
    void onStart() {
        String last = lastPassKey();
        if (Objects.equals(last, cipher.activeKeyId())) {
            return;
        }
        Thread.ofVirtual().name("reencryption").start(() -> {
            try {
                reencryptAll(cipher);
            } catch (RuntimeException e) {
                log.error("Re-encryption under key '{}' stopped: {} (it resumes at the next start)",
                        cipher.activeKeyId(), e.getMessage());
            }
        });
    }

    /**
     * Re-encrypts every stale value under the ring's active key and records the pass; returns how many
     * values changed per column (empty when another instance holds the pass). The ring must hold every key still
     * found in the data.
     */
    public Map<String, Integer> reencryptAll(FieldCipher ring) {
        return reencrypt(ring, Integer.MAX_VALUE);
    }

    /**
     * The same pass, stopping after {@code maxBatches} batches as if the instance were stopped there (each batch is
     * committed on its own, so the next pass carries on where this one stopped). One instance at a time: the pass
     * holds a PostgreSQL session lock on a connection of its own, which a crash releases with the connection.
     */
    public Map<String, Integer> reencrypt(FieldCipher ring, int maxBatches) {
        var changed = new LinkedHashMap<String, Integer>();
        try (java.sql.Connection lock = dataSource.getConnection()) {
            if (!tryLock(lock)) {
                log.info("Another instance is re-encrypting; this one leaves it to them");
                return changed;
            }
            try {
                int batches = 0;
                for (EncryptedColumn column : columns) {
                    int total = 0;
                    int done;
                    while (batches < maxBatches && (done = batch(column, ring)) > 0) {
                        total += done;
                        batches++;
                    }
                    changed.put(column.table() + "." + column.column(), total);
                    if (batches >= maxBatches) {
                        log.info("Re-encryption stopped after {} batches; the next pass carries on", batches);
                        return changed;
                    }
                }
                record(ring, changed);
                return changed;
            } finally {
                try (var unlock = lock.prepareStatement("select pg_advisory_unlock(?)")) {
                    unlock.setLong(1, LOCK);
                    unlock.execute();
                }
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("Could not take the re-encryption lock: " + e.getMessage(), e);
        }
    }

    private static boolean tryLock(java.sql.Connection connection) throws java.sql.SQLException {
        try (var statement = connection.prepareStatement("select pg_try_advisory_lock(?)")) {
            statement.setLong(1, LOCK);
            try (var rs = statement.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    /** The key the last completed pass wrote under; null before the first pass. */
    private @Nullable String lastPassKey() {
        List<String> keys = jdbc.queryForList(
                "select key_id from encryption_pass order by completed_at desc, id desc limit 1", String.class);
        return keys.isEmpty() ? null : keys.getFirst();
    }

    /** A completed pass is recorded once: a pass that found nothing to do after one under the same key adds none. */
    private void record(FieldCipher ring, Map<String, Integer> changed) {
        int total = changed.values().stream().mapToInt(Integer::intValue).sum();
        String last = lastPassKey();
        if (total == 0 && Objects.equals(last, ring.activeKeyId())) {
            return;
        }
        jdbc.update("insert into encryption_pass (key_id, values_reencrypted, completed_at) values (?, ?, ?)",
                ring.activeKeyId(), total, java.sql.Timestamp.from(clock.instant()));
        if (total > 0) {
            log.info("Re-encrypted {} stored values under key '{}': {}", total, ring.activeKeyId(), changed);
        }
    }

    /** One batch in one transaction: the number re-encrypted, 0 when none are left. */
    private int batch(EncryptedColumn column, FieldCipher ring) {
        return Objects.requireNonNull(transactions.execute(status -> {
            String table = column.table();
            String value = column.column();
            String id = column.idColumn();
            List<Object[]> rows = jdbc.query("select " + id + ", " + value + " from " + table + " where "
                    + column.staleCondition(ring) + " order by " + id + " limit " + BATCH + " for update",
                    (rs, n) -> new Object[] {rs.getObject(1), rs.getString(2)});
            if (rows.isEmpty()) {
                return 0;
            }
            String guard = column.guardTrigger();
            if (guard != null) {
                // the guard stays in force for every other transaction: the table is locked until commit
                jdbc.execute("alter table " + table + " disable trigger " + guard);
            }
            List<Object[]> updates = rows.stream()
                    .map(row -> new Object[] {column.reencrypt((String) row[1], ring), row[0]}).toList();
            jdbc.batchUpdate("update " + table + " set " + value + " = " + column.placeholder() + " where "
                    + id + " = ?", updates);
            if (guard != null) {
                jdbc.execute("alter table " + table + " enable trigger " + guard);
            }
            return rows.size();
        }));
    }
}
