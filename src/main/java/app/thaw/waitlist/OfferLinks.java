package app.thaw.waitlist;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.springframework.stereotype.Component;

import app.thaw.base.PracticeTime;
import app.thaw.Application;
import app.thaw.base.domain.SecretToken;
import app.thaw.base.ids.IntakeId;
import app.thaw.base.web.PublicUrl;
import app.thaw.caseaccess.CaseGrant;
import app.thaw.intake.SubmittedIntakes;
import app.thaw.notification.ClientEmails;
import app.thaw.scheduling.SessionFormat;
import app.thaw.waitlist.domain.OfferStore;

/**
 * Each client's private link to an offer: made for one client of one offer (only its hash is kept), emailed where the
 * client chose email, and always reachable from their status page.
 */
@Component
class OfferLinks {

    static final DateTimeFormatter WHEN = PracticeTime.WEEKDAY_AT;

    private final OfferStore offers;
    private final SubmittedIntakes intakes;
    private final ClientEmails emails;
    private final PublicUrl publicUrl;

    OfferLinks(OfferStore offers, SubmittedIntakes intakes, ClientEmails emails, PublicUrl publicUrl) {
        this.offers = offers;
        this.intakes = intakes;
        this.emails = emails;
        this.publicUrl = publicUrl;
    }

    /**
     * A link per client (each partner of a couple their own); emailed only where the client chose email. Returns how
     * many were emailed.
     */
    int issue(long offerId, List<CaseGrant> clients, List<OfferedTime> times, Instant expires) {
        int emailed = 0;
        List<String> lines = times.stream().map(t -> WHEN.format(t.start()) + " ("
                + (t.format() == SessionFormat.ONLINE ? "online" : "in person") + ")").toList();
        // one read of names and addresses (an address only where the client said email is safe), nothing decrypted
        var names = intakes.names(clients);
        for (CaseGrant client : clients) {
            String token = SecretToken.generate();
            offers.insertLink(offerId, client.intakeId(), SecretToken.hash(token));
            var name = names.get(client.intakeId());
            if (name != null && name.email() != null && !name.email().isBlank()) {
                emailed += emails.sendSlotOffer(IntakeId.of(client.intakeId()), name.email(), name.callName(), lines,
                        publicUrl.link("offer/" + token), expires.atZone(Application.PRACTICE_ZONE), clients.size() > 1)
                        ? 1 : 0;
            }
        }
        return emailed;
    }
}
