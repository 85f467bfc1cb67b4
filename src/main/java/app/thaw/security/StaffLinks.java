package app.thaw.security;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import app.thaw.base.domain.SecretToken;
import app.thaw.base.web.PublicUrl;
import app.thaw.security.domain.PasswordLink;
import app.thaw.security.domain.PasswordLinkRepository;
import app.thaw.security.domain.StaffAccount;

/**
 * A staff member's links to choose a password (an invitation, a reset): one open at a time, under the public
 * address, emailed once the change commits.
 */
@Component
class StaffLinks {

    private final PasswordLinkRepository links;
    private final CurrentUser currentUser;
    private final PublicUrl publicUrl;
    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    StaffLinks(PasswordLinkRepository links, CurrentUser currentUser, PublicUrl publicUrl, JdbcTemplate jdbc,
               ApplicationEventPublisher events, Clock clock) {
        this.links = links;
        this.currentUser = currentUser;
        this.publicUrl = publicUrl;
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    /** The links still open for these staff members. */
    List<PasswordLink> open(List<Long> staffIds) {
        return links.findOpen(staffIds);
    }

    /** What the open link is for, or else what the last one was for. */
    LinkPurpose purpose(long staffId) {
        return links.findOpen(staffId).stream().map(PasswordLink::getPurpose).findFirst()
                .orElse(lastPurpose(staffId));
    }

    /** Stops every open link of theirs working now. */
    void revokeOpen(long staffId) {
        links.findOpen(staffId).forEach(link -> link.revoke(clock.instant()));
    }

    /** A fresh link in place of any open one; the previous one stops working. */
    IssuedLink issue(StaffAccount account, LinkPurpose purpose) {
        Instant now = clock.instant();
        links.findOpen(account.getId()).forEach(link -> link.revoke(now));
        links.flush();
        String token = SecretToken.generate();
        PasswordLink link = links.save(new PasswordLink(account.getId(), purpose, SecretToken.hash(token), now,
                currentUser.get().map(StaffUser::id).orElse(null)));
        String url = publicUrl.link((purpose == LinkPurpose.INVITATION ? "welcome/" : "reset-password/") + token);
        events.publishEvent(new StaffLinkIssued(purpose, account.getEmail(), account.getDisplayName(), url,
                link.getExpiresAt()));
        return new IssuedLink(url, link.getExpiresAt(), account.getDisplayName(), account.getEmail());
    }

    LinkPurpose lastPurpose(long staffId) {
        List<String> purposes = jdbc.queryForList("select purpose from staff_password_link where staff_id = ? "
                + "order by created_at desc, id desc limit 1", String.class, staffId);
        String purpose = purposes.isEmpty() ? null : purposes.getFirst();
        return purpose == null ? LinkPurpose.INVITATION : LinkPurpose.valueOf(purpose);
    }
}
