package app.thaw.notification;

import app.thaw.base.ids.StaffId;
import app.thaw.scheduling.TherapistSessions;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.thaw.base.PracticeSettings;
import app.thaw.base.web.PublicUrl;
import app.thaw.base.domain.SecretToken;
import app.thaw.security.CurrentUser;
import app.thaw.security.Roles;
import app.thaw.security.StaffAccountService;
import app.thaw.security.SystemActor;

/**
 * Each therapist's private calendar feed. The secret link is shown once when made; only its hash is kept,
 * so making a new one or turning it off stops the old link at once.
 */
@Service
@Transactional
public class CalendarFeeds {

    /** Recent sessions stay a while, so calendar apps do not drop this week's past entries at once. */
    static final Duration PAST = Duration.ofDays(30);
    static final Duration AHEAD = Duration.ofDays(365);

    private final JdbcTemplate jdbc;
    private final CurrentUser currentUser;
    private final ObjectProvider<TherapistSessions> diary;
    private final EmailTemplates templates;
    private final PracticeSettings practice;
    private final PublicUrl publicUrl;
    private final StaffAccountService staff;
    private final Clock clock;

    CalendarFeeds(JdbcTemplate jdbc, CurrentUser currentUser, ObjectProvider<TherapistSessions> diary,
                  EmailTemplates templates, PracticeSettings practice, PublicUrl publicUrl, StaffAccountService staff,
                  Clock clock) {
        this.jdbc = jdbc;
        this.currentUser = currentUser;
        this.diary = diary;
        this.templates = templates;
        this.practice = practice;
        this.publicUrl = publicUrl;
        this.staff = staff;
        this.clock = clock;
    }

    /** The path of a feed link, relative to the application's address. */
    public static String path(String token) {
        return "calendar/" + token + ".ics";
    }

    /** The full address of a feed link to subscribe to, under the practice's public address. */
    @RolesAllowed(Roles.THERAPIST)
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.SUPPORTS)
    public String address(String token) {
        return publicUrl.link(path(token));
    }

    /** Makes the signed-in therapist a new feed link, replacing any earlier one; returns its secret token. */
    @RolesAllowed(Roles.THERAPIST)
    public String createLink() {
        long therapistId = currentUser.require().id();
        String token = SecretToken.generate();
        jdbc.update("""
                insert into calendar_feed (therapist_id, token_hash, created_at) values (?, ?, ?)
                on conflict (therapist_id) do update set token_hash = excluded.token_hash,
                                                         created_at = excluded.created_at""",
                therapistId, SecretToken.hash(token), Timestamp.from(clock.instant()));
        return token;
    }

    /** When the signed-in therapist's current link was made, if they have one. */
    @RolesAllowed(Roles.THERAPIST)
    @Transactional(readOnly = true)
    public Optional<Instant> linkCreatedAt() {
        return jdbc.query("select created_at from calendar_feed where therapist_id = ?",
                (rs, row) -> rs.getTimestamp("created_at").toInstant(), currentUser.require().id()).stream()
                .findFirst();
    }

    /** Stops the signed-in therapist's link. */
    @RolesAllowed(Roles.THERAPIST)
    public void turnOff() {
        jdbc.update("delete from calendar_feed where therapist_id = ?", currentUser.require().id());
    }

    /** When a therapist leaves or stops seeing clients ({@link CalendarFeedDeparture}). */
    @RolesAllowed({Roles.ADMIN, Roles.SYSTEM})
    public void turnOffFor(StaffId therapistId) {
        jdbc.update("delete from calendar_feed where therapist_id = ?", therapistId.value());
    }

    /**
     * The feed behind a secret link, or empty for any unknown, malformed or turned-off token. Open to
     * anyone: calendar apps cannot sign in, so the token is the check.
     */
    @PermitAll
    @Transactional(readOnly = true)
    public Optional<String> feed(String token) {
        if (!SecretToken.isWellFormed(token)) {
            return Optional.empty();
        }
        // a link made before its therapist left or changed role serves nothing, whatever the table still holds
        return jdbc.query("select therapist_id from calendar_feed where token_hash = ?",
                        (rs, row) -> rs.getLong("therapist_id"), SecretToken.hash(token)).stream().findFirst()
                .filter(therapistId -> SystemActor.call(() -> staff.stillSeeingClients(List.of(therapistId)))
                        .contains(therapistId))
                .map(therapistId -> render(therapistId, diary.getIfAvailable(), clock.instant()));
    }

    /** Until scheduling provides the diary, a valid link serves an empty calendar. */
    String render(long therapistId, @Nullable TherapistSessions sessions, Instant now) {
        List<TherapistSessions.Session> upcoming = sessions == null ? List.of()
                : SystemActor.call(() -> sessions.upcoming(therapistId, now.minus(PAST), now.plus(AHEAD)));
        return IcsCalendars.feed(EmailTemplates.clean(practice.profile().name()) + " sessions", upcoming,
                session -> templates.place(session.format(), session.roomName()), now);
    }
}
