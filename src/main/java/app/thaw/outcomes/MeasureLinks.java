package app.thaw.outcomes;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import jakarta.annotation.security.RolesAllowed;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.thaw.base.domain.SecretToken;
import app.thaw.base.ids.IntakeId;
import app.thaw.base.web.PublicUrl;
import app.thaw.notification.ClientEmails;
import app.thaw.outcomes.domain.MeasureStore;
import app.thaw.scheduling.AppointmentNotice;
import app.thaw.scheduling.UpcomingSessions;
import app.thaw.security.Roles;

/**
 * Before each session (by default from 24 hours ahead) every client of it gets their own request for their case's
 * measures: always on their status page, and by email where they chose email. Before a client's first session the
 * request leaves out what the intake already measured (the intake's answers are that session's measure). One instance works at a time (an advisory lock), and a request per client and
 * session is unique, so a second run adds nothing.
 */
@Service
public class MeasureLinks {

    private static final Logger log = LoggerFactory.getLogger(MeasureLinks.class);
    /** The advisory lock of this job ("THAW-MEA"). */
    private static final long LOCK = 0x5448_4157_4d45_4100L;

    private final ObjectProvider<UpcomingSessions> diary;
    private final DueMeasures dueMeasures;
    private final MeasureStore store;
    private final ClientEmails emails;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Duration lead;
    private final PublicUrl publicUrl;

    MeasureLinks(ObjectProvider<UpcomingSessions> diary, DueMeasures dueMeasures, MeasureStore store,
                 ClientEmails emails, JdbcTemplate jdbc, Clock clock,
                 @Value("${thaw.outcomes.link-lead:PT24H}") Duration lead, PublicUrl publicUrl) {
        this.diary = diary;
        this.dueMeasures = dueMeasures;
        this.store = store;
        this.emails = emails;
        this.jdbc = jdbc;
        this.clock = clock;
        this.lead = lead;
        this.publicUrl = publicUrl;
    }

    /** What one run did. */
    public record Sent(int requests, int emails) {
    }

    /** Creates the requests (and queues the emails) for sessions starting within the lead time; as the practice. */
    @Transactional
    @RolesAllowed(Roles.SYSTEM)
    public Sent sendDue() {
        UpcomingSessions sessions = diary.getIfAvailable();
        if (sessions == null || !Boolean.TRUE.equals(jdbc.queryForObject("select pg_try_advisory_xact_lock(?)",
                Boolean.class, LOCK))) {
            return new Sent(0, 0);
        }
        Instant now = clock.instant();
        List<AppointmentNotice> due = sessions.startingBetween(now, now.plus(lead));
        // one statement for the requests, one for the links, one batch for the emails, however many sessions
        DueMeasures.Wanted wanted = dueMeasures.of(due);
        Map<List<Long>, Long> made = store.createRequests(wanted.requests(), now);
        Map<String, Long> links = new HashMap<>();
        List<ClientEmails.MeasureLinkEmail> toSend = new ArrayList<>();
        List<Long> emailedRequests = new ArrayList<>();
        made.forEach((key, requestId) -> {
            if (wanted.emailSafe().contains(key.getFirst())) {
                AppointmentNotice notice = Objects.requireNonNull(wanted.notices().get(key), "wanted with its notice");
                AppointmentNotice.Recipient to = Objects.requireNonNull(wanted.recipients().get(key), "wanted with its recipient");
                String token = SecretToken.generate();
                links.put(SecretToken.hash(token), requestId);
                toSend.add(new ClientEmails.MeasureLinkEmail(IntakeId.of(key.getFirst()), to.address(), to.name(), notice.start(),
                        publicUrl.link(OutcomeLinks.form(token)), notice.end().toInstant()));
                emailedRequests.add(requestId);
            }
        });
        store.addLinks(links, now);
        boolean[] sent = toSend.isEmpty() ? new boolean[0] : emails.sendMeasureLinks(toSend);
        List<Long> emailed = new ArrayList<>();
        for (int i = 0; i < sent.length; i++) {
            if (sent[i]) {
                emailed.add(emailedRequests.get(i));
            }
        }
        store.markEmailed(emailed, now);
        int requests = made.size();
        int queued = emailed.size();
        if (requests > 0) {
            log.info("Measure requests: {} created, {} emailed", requests, queued);
        }
        return new Sent(requests, queued);
    }
}
