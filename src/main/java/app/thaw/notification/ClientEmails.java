package app.thaw.notification;

import java.util.List;
import java.util.regex.Pattern;

import jakarta.annotation.security.PermitAll;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.thaw.base.ids.IntakeId;
import app.thaw.caseaccess.NotACasePath;

/** Emails other features ask for directly, outside the diary's events. */
@Service
public class ClientEmails {

    private static final String FILED_UNDER_CLIENT = "queues an email to an address the caller already holds; the id "
            + "only files it under its client, so that erasing them finds it";

    private static final Pattern LINK = Pattern.compile("^https?://[^\\s<>\"]{1,2000}$");

    private final OutboxWriter outbox;
    private final EmailTemplates templates;

    ClientEmails(OutboxWriter outbox, EmailTemplates templates) {
        this.outbox = outbox;
        this.templates = templates;
    }

    /**
     * Invites a client's partner to fill in their own form. Open to anyone because clients are anonymous;
     * the caller (intake) decides who may invite and limits how often. Queued in the caller's transaction;
     * the same address and link twice queue one email. Returns false when it was already queued.
     */
    @PermitAll
    @Transactional
    @NotACasePath(FILED_UNDER_CLIENT)
    public boolean sendPartnerInvitation(IntakeId inviterIntakeId, String email, String inviterFirstName, String link) {
        if (!OutboxWriter.isAddress(email)) {
            throw new IllegalArgumentException("Not an email address");
        }
        if (link == null || !LINK.matcher(link).matches()) {
            throw new IllegalArgumentException("The invitation link must be an absolute http(s) address");
        }
        String inviter = EmailTemplates.clean(inviterFirstName);
        var text = templates.partnerInvitation(inviter.isEmpty() ? "Your partner" : inviter, link);
        // the link carries a secret, so the key holds only a hash of it
        String key = ownedBy(inviterIntakeId) + "invitation/"
                + OutboxWriter.keyHash(OutboxWriter.keyPart(email) + "\n" + link);
        return outbox.enqueue(OutgoingEmail.plain(key, EmailKind.PARTNER_INVITATION, email, text.subject(),
                text.body()));
    }

    /**
     * Sends a client the private link to their questions before a session, where they said email is safe (the caller,
     * outcomes, decides that). No clinical content; not sent after the link expires. Returns false when already queued.
     */
    @PermitAll
    @Transactional
    @NotACasePath(FILED_UNDER_CLIENT)
    public boolean sendMeasureLink(IntakeId intakeId, String email, String name, java.time.ZonedDateTime sessionStart,
                                   String link, java.time.Instant expiresAt) {
        if (link == null || !LINK.matcher(link).matches()) {
            throw new IllegalArgumentException("The measure link must be an absolute http(s) address");
        }
        var text = templates.measureLink(name, sessionStart, link);
        String key = ownedBy(intakeId) + "measure/" + OutboxWriter.keyHash(OutboxWriter.keyPart(email) + "\n" + link);
        return outbox.enqueue(new OutgoingEmail(key, EmailKind.MEASURE_LINK, email, text.subject(), text.body(), null,
                null, null, null, null, expiresAt));
    }

    /** One measure link to email: see {@link #sendMeasureLink}. */
    public record MeasureLinkEmail(IntakeId intakeId, String email, String name, java.time.ZonedDateTime sessionStart,
                                   String link, java.time.Instant expiresAt) {
    }

    /**
     * The day's measure links in one batch (the link job): as {@link #sendMeasureLink} for each, written to the outbox
     * by one batched statement. Returns, in order, whether each was queued.
     */
    @PermitAll
    @Transactional
    public boolean[] sendMeasureLinks(List<MeasureLinkEmail> emails) {
        var outgoing = new java.util.ArrayList<OutgoingEmail>(emails.size());
        for (MeasureLinkEmail e : emails) {
            if (e.link() == null || !LINK.matcher(e.link()).matches()) {
                throw new IllegalArgumentException("The measure link must be an absolute http(s) address");
            }
            var text = templates.measureLink(e.name(), e.sessionStart(), e.link());
            outgoing.add(new OutgoingEmail(ownedBy(e.intakeId()) + "measure/"
                    + OutboxWriter.keyHash(OutboxWriter.keyPart(e.email()) + "\n" + e.link()),
                    EmailKind.MEASURE_LINK, e.email(), text.subject(), text.body(), null, null, null, null, null,
                    e.expiresAt()));
        }
        return outbox.enqueueAll(outgoing);
    }

    /**
     * Offers a client the times held for them, with their private link to choose one. The caller (waitlist) sends it
     * only where the client chose email; it names times and places, never why the client came. {@code forBoth}: a
     * couple's offer, sent to each partner, so the email says the first of them to choose books for both.
     */
    @PermitAll
    @Transactional
    @NotACasePath(FILED_UNDER_CLIENT)
    public boolean sendSlotOffer(IntakeId intakeId, String email, String callName, List<String> times, String link,
                                 java.time.ZonedDateTime openUntil, boolean forBoth) {
        if (!OutboxWriter.isAddress(email)) {
            return false;
        }
        if (link == null || !LINK.matcher(link).matches()) {
            throw new IllegalArgumentException("The offer link must be an absolute http(s) address");
        }
        var text = templates.slotOffer(callName, times, link, openUntil, forBoth);
        String key = ownedBy(intakeId) + "offer/"
                + OutboxWriter.keyHash(OutboxWriter.keyPart(email) + "\n" + link);
        return outbox.enqueue(OutgoingEmail.plain(key, EmailKind.SLOT_OFFER, email, text.subject(), text.body()));
    }

    /** The key starts with the client it is about, as a receipt's does, so erasing them finds it ({@link OutboxErasure}). */
    static String ownedBy(IntakeId intakeId) {
        return "intake-" + intakeId.value() + "/";
    }
}
