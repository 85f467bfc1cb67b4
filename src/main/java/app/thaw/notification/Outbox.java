package app.thaw.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.annotation.security.RolesAllowed;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.thaw.base.ids.OutboxMessageId;
import app.thaw.security.Roles;

/** The outbox as the practice manager sees it: what went out, what is waiting, what failed. */
@Service
@Transactional(readOnly = true)
public class Outbox {

    private static final Pattern SECRET_IN_LINK = Pattern.compile("(https?://\\S*?)[A-Za-z0-9_-]{20,}");

    private final JdbcTemplate jdbc;
    private final OutboxWriter writer;
    private final Clock clock;

    Outbox(JdbcTemplate jdbc, OutboxWriter writer, Clock clock) {
        this.jdbc = jdbc;
        this.writer = writer;
        this.clock = clock;
    }

    /** Newest first; a null status means every message. */
    @RolesAllowed(Roles.ADMIN)
    public List<OutboxMessage> list(@Nullable OutboxStatus status, int offset, int limit) {
        var args = new ArrayList<Object>();
        String where = filter(status, args);
        args.add(limit);
        args.add(offset);
        return jdbc.query("""
                select id, kind, recipient, subject, status, attempts, next_attempt_at, created_at, sent_at,
                       last_error, ics is not null as has_ics
                  from outbox_message""" + where + " order by created_at desc, id desc limit ? offset ?",
                (rs, row) -> message(rs), args.toArray());
    }

    @RolesAllowed(Roles.ADMIN)
    public int count(@Nullable OutboxStatus status) {
        var args = new ArrayList<Object>();
        Integer count = jdbc.queryForObject("select count(*) from outbox_message" + filter(status, args),
                Integer.class, args.toArray());
        return count == null ? 0 : count;
    }

    /** How many messages are in each state, for the headline (failed ones need a look). */
    @RolesAllowed(Roles.ADMIN)
    public Map<OutboxStatus, Integer> countsByStatus() {
        var counts = new EnumMap<OutboxStatus, Integer>(OutboxStatus.class);
        jdbc.query("select status, count(*) as n from outbox_message group by status",
                rs -> {
                    counts.put(OutboxStatus.valueOf(rs.getString("status")), rs.getInt("n"));
                });
        return counts;
    }

    /**
     * The plain-text body as sent (no clinical content by construction), except that secrets in links, such
     * as a partner's invitation, are hidden: the practice manager sees where a link goes, not how to open it.
     */
    @RolesAllowed(Roles.ADMIN)
    public Optional<String> body(OutboxMessageId id) {
        return jdbc.query("select body_text from outbox_message where id = ?",
                (rs, row) -> hideSecrets(rs.getString("body_text")), id.value()).stream().findFirst();
    }

    private static String hideSecrets(String body) {
        return SECRET_IN_LINK.matcher(body).replaceAll("$1[secret hidden]");
    }

    /**
     * Every email written to one address, oldest first, for that person's subject access request: the bodies
     * hold names, times and places only, with link secrets hidden as in {@link #body(long)}.
     */
    @RolesAllowed(Roles.ADMIN)
    public List<SentEmail> sentTo(String address) {
        return jdbc.query("""
                select kind, recipient, subject, body_text, status, created_at, sent_at, ics is not null as has_ics
                  from outbox_message where lower(recipient) = lower(?) order by created_at, id""",
                (rs, row) -> {
                    Timestamp sentAt = rs.getTimestamp("sent_at");
                    return new SentEmail(EmailKind.valueOf(rs.getString("kind")), rs.getString("recipient"),
                            rs.getString("subject"), hideSecrets(rs.getString("body_text")),
                            OutboxStatus.valueOf(rs.getString("status")), rs.getTimestamp("created_at").toInstant(),
                            sentAt == null ? null : sentAt.toInstant(), rs.getBoolean("has_ics"));
                }, address.strip());
    }

    /** Whether a mail server is configured; without one, messages are captured here and not sent. */
    @RolesAllowed(Roles.ADMIN)
    public boolean deliveryConfigured() {
        return writer.deliveryConfigured();
    }

    /** Queues a failed or captured message for delivery again, with a fresh set of attempts. */
    @Transactional
    @RolesAllowed(Roles.ADMIN)
    public boolean sendAgain(OutboxMessageId id) {
        return jdbc.update("""
                update outbox_message
                   set status = 'PENDING', attempts = 0, next_attempt_at = ?, last_error = null
                 where id = ? and status in ('FAILED', 'CAPTURED')""",
                Timestamp.from(clock.instant()), id.value()) == 1;
    }

    private static String filter(@Nullable OutboxStatus status, List<Object> args) {
        if (status == null) {
            return "";
        }
        args.add(status.name());
        return " where status = ?";
    }

    private static OutboxMessage message(ResultSet rs) throws SQLException {
        Timestamp sentAt = rs.getTimestamp("sent_at");
        return new OutboxMessage(rs.getLong("id"), EmailKind.valueOf(rs.getString("kind")), rs.getString("recipient"),
                rs.getString("subject"), OutboxStatus.valueOf(rs.getString("status")), rs.getInt("attempts"),
                rs.getTimestamp("next_attempt_at").toInstant(), rs.getTimestamp("created_at").toInstant(),
                sentAt == null ? null : sentAt.toInstant(), rs.getString("last_error"), rs.getBoolean("has_ics"));
    }
}
