package app.thaw.scheduling;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.annotation.security.RolesAllowed;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.thaw.base.ids.StaffId;
import app.thaw.audit.AuditAction;
import app.thaw.audit.AuditLog;
import app.thaw.security.CurrentUser;
import app.thaw.security.Roles;
import app.thaw.security.StaffUser;

/**
 * The video-meeting link of online sessions: each therapist may set their own, the practice manager anyone's and the
 * practice's (used when a therapist has none). Shown to clients only for their online sessions.
 */
@Service
@Transactional
public class MeetingLinks {

    public static final int URL_MAX = 500;
    /** What a client is told of an online session whose link is not set yet, so they know how they will join. */
    public static final String LINK_TO_FOLLOW = "We'll send you the link to join before the session.";
    private static final Pattern URL = Pattern.compile("^https://[^\\s<>\"]+$");

    private final JdbcTemplate jdbc;
    private final CurrentUser currentUser;
    private final AuditLog auditLog;
    private final Clock clock;

    MeetingLinks(JdbcTemplate jdbc, CurrentUser currentUser, AuditLog auditLog, Clock clock) {
        this.jdbc = jdbc;
        this.currentUser = currentUser;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /** The link set for this therapist, or for the practice when {@code therapistId} is null (nothing inherited). */
    @RolesAllowed({Roles.THERAPIST, Roles.ADMIN})
    @Transactional(readOnly = true)
    public Optional<String> own(@Nullable StaffId therapistId) {
        return jdbc.query("select url from meeting_link where coalesce(therapist_id, 0) = ?",
                (rs, i) -> rs.getString(1), therapistId == null ? 0L : therapistId.value()).stream().findFirst();
    }

    /**
     * Sets (or with a blank {@code url}, removes) a therapist's link, or the practice's with a null therapist. Returns
     * the message for the field when the address is not a secure web address.
     */
    @RolesAllowed({Roles.THERAPIST, Roles.ADMIN})
    public Optional<String> set(@Nullable StaffId therapistId, @Nullable String url) {
        StaffUser me = currentUser.require();
        if (!me.isAdmin() && (therapistId == null || therapistId.value() != me.id())) {
            return Optional.of("You can set your own meeting link only.");
        }
        String value = url == null ? "" : url.strip();
        if (!value.isEmpty() && (value.length() > URL_MAX || !URL.matcher(value).matches())) {
            return Optional.of("Give the meeting's full address, starting https:// (up to " + URL_MAX
                    + " characters).");
        }
        long key = therapistId == null ? 0L : therapistId.value();
        jdbc.update("delete from meeting_link where coalesce(therapist_id, 0) = ?", key);
        if (!value.isEmpty()) {
            jdbc.update("insert into meeting_link (therapist_id, url, updated_at, updated_by) values (?, ?, ?, ?)",
                    StaffId.numberOf(therapistId), value, Timestamp.from(clock.instant()), me.id());
        }
        auditLog.record(AuditAction.SETTINGS_CHANGED, null, null, "Video-meeting link "
                + (value.isEmpty() ? "removed" : "set") + (therapistId == null ? " for the practice"
                : " for therapist #" + therapistId));
        return Optional.empty();
    }

    /** The link an online session with this therapist uses: theirs, else the practice's. */
    Optional<String> forTherapist(long therapistId) {
        return jdbc.query("select url from meeting_link where therapist_id = ? or therapist_id is null "
                + "order by therapist_id nulls last limit 1", (rs, i) -> rs.getString(1), therapistId).stream()
                .findFirst();
    }
}
