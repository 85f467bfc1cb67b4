package app.thaw.base;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The practice's details, notice period and reminder times as the practice manager keeps them in the app (V59, practice_details), over
 * the configured defaults (thaw.practice.*, thaw.scheduling.client-cancellation-notice, thaw.mail.*). Read by
 * emails, letters and the diary; written only by the practice settings service, which checks and audits the change.
 */
@Component
public class PracticeSettings {

    public static final int NAME_MAX = 120;
    public static final int ADDRESS_MAX = 400;
    public static final int ADDRESS_LINES_MAX = 6;
    public static final int PHONE_MAX = 32;
    public static final int EMAIL_MAX = 254;
    public static final int SIGNATURE_MAX = 600;
    public static final int NOTICE_HOURS_MAX = 336;
    public static final int REMINDERS_MAX = 3;
    public static final int REMINDER_HOURS_MAX = 168;

    /** Another instance's change is seen within this time; this instance's own at once. */
    private static final Duration FRESH_FOR = Duration.ofSeconds(10);

    /** What the practice tells clients and how its diary behaves, as it stands now. */
    public record Values(String name, List<String> addressLines, String phone, String email, @Nullable String mailFrom,
                         @Nullable String emailSignature, Duration clientNotice, List<Duration> reminderLeads) {

        public Values {
            addressLines = List.copyOf(addressLines);
            reminderLeads = List.copyOf(reminderLeads);
        }

        public PracticeProfile profile() {
            return new PracticeProfile(name, addressLines, phone, email);
        }
    }

    private final JdbcTemplate jdbc;
    private final PracticeProfile defaults;
    private final Duration defaultNotice;
    private final Duration defaultReminder;
    private final @Nullable String defaultFrom;
    private volatile @Nullable Cached cached;

    private record Cached(Values values, long readAtNanos) {
    }

    PracticeSettings(JdbcTemplate jdbc, PracticeProfile defaults,
                     @Value("${thaw.scheduling.client-cancellation-notice:PT48H}") Duration defaultNotice,
                     @Value("${thaw.mail.reminder-lead:24h}") Duration defaultReminder,
                     @Value("${thaw.mail.from:}") String defaultFrom) {
        this.jdbc = jdbc;
        this.defaults = defaults;
        this.defaultNotice = defaultNotice;
        this.defaultReminder = defaultReminder;
        this.defaultFrom = defaultFrom == null || defaultFrom.isBlank() ? null : defaultFrom.strip();
    }

    public Values current() {
        Cached now = cached;
        if (now != null && System.nanoTime() - now.readAtNanos() < FRESH_FOR.toNanos()) {
            return now.values();
        }
        Values read = read();
        cached = new Cached(read, System.nanoTime());
        return read;
    }

    /** Name, address and contacts for letterheads, emails and client pages. */
    public PracticeProfile profile() {
        return current().profile();
    }

    /** The configured defaults, shown beside the fields so the manager knows what an empty field means. */
    public Values defaults() {
        return new Values(defaults.name(), defaults.addressLines(), defaults.phone(), defaults.email(), defaultFrom,
                null, defaultNotice, List.of(defaultReminder));
    }

    /**
     * Stores checked values in the caller's transaction (the settings service audits it); null keeps the default.
     * False, and nothing written, when the row is no longer at {@code expectedVersion}: someone saved meanwhile.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean store(Stored values, long expectedVersion, long staffId, Instant at) {
        int updated = jdbc.update("""
                update practice_details set name = ?, address_lines = ?, phone = ?, email = ?, mail_from = ?,
                       email_signature = ?, client_notice_hours = ?, reminder_hours = ?, updated_at = ?, updated_by = ?,
                       version = version + 1
                 where id = 1 and version = ?""", values.name(), values.addressLines(), values.phone(),
                values.email(), values.mailFrom(), values.emailSignature(), values.clientNoticeHours(),
                values.reminderHours(), Timestamp.from(at), staffId, expectedVersion);
        cached = null;
        return updated == 1;
    }

    /** The row's version: a form loaded at one version may only save over that version. */
    public long version() {
        Long version = jdbc.queryForObject("select coalesce(max(version), 0) from practice_details", Long.class);
        return java.util.Objects.requireNonNull(version, "max with coalesce always answers");
    }

    /** When the details were last saved, if ever. */
    public @Nullable Instant updatedAt() {
        return jdbc.queryForList("select updated_at from practice_details where id = 1 and updated_at is not null",
                Timestamp.class).stream().findFirst().map(Timestamp::toInstant).orElse(null);
    }

    /** The row as stored: null where the manager left the default. Address lines one per line, reminders "24,2". */
    public record Stored(@Nullable String name, @Nullable String addressLines, @Nullable String phone,
                         @Nullable String email, @Nullable String mailFrom, @Nullable String emailSignature,
                         @Nullable Integer clientNoticeHours, @Nullable String reminderHours) {
    }

    public Stored stored() {
        return jdbc.query("select * from practice_details where id = 1", rs -> {
            if (!rs.next()) {
                return new Stored(null, null, null, null, null, null, null, null);
            }
            int notice = rs.getInt("client_notice_hours");
            Integer hours = rs.wasNull() ? null : notice;
            return new Stored(rs.getString("name"), rs.getString("address_lines"), rs.getString("phone"),
                    rs.getString("email"), rs.getString("mail_from"), rs.getString("email_signature"), hours,
                    rs.getString("reminder_hours"));
        });
    }

    /** When and by whom the settings were last changed, if ever. */
    public @Nullable Map<String, Object> lastChange() {
        return jdbc.queryForList("select updated_at, updated_by from practice_details where id = 1 and updated_at "
                + "is not null").stream().findFirst().orElse(null);
    }

    private Values read() {
        Stored row = stored();
        List<String> address = row.addressLines() == null ? defaults.addressLines()
                : Arrays.stream(row.addressLines().split("\\R")).map(String::strip).filter(l -> !l.isEmpty()).toList();
        List<Duration> reminders = row.reminderHours() == null ? List.of(defaultReminder)
                : Arrays.stream(row.reminderHours().split(",")).map(h -> Duration.ofHours(Long.parseLong(h)))
                        .filter(d -> !d.isZero()).toList();
        return new Values(or(row.name(), defaults.name()), address, or(row.phone(), defaults.phone()),
                or(row.email(), defaults.email()), row.mailFrom() == null ? defaultFrom : row.mailFrom(),
                row.emailSignature(), row.clientNoticeHours() == null ? defaultNotice
                        : Duration.ofHours(row.clientNoticeHours()), reminders);
    }

    private static String or(@Nullable String value, String fallback) {
        return value == null ? fallback : value;
    }
}
