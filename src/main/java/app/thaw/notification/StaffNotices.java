package app.thaw.notification;

import java.time.ZonedDateTime;

import jakarta.annotation.security.RolesAllowed;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.thaw.base.ids.OfferId;
import app.thaw.base.ids.StaffId;
import app.thaw.base.web.PublicUrl;
import app.thaw.caseaccess.CaseGrant;
import app.thaw.caseaccess.CaseOperation;
import app.thaw.notification.EmailTemplates.Rendered;
import app.thaw.security.Roles;
import app.thaw.security.StaffAccountService;
import app.thaw.security.StaffSummary;

/**
 * Emails staff about a case's offer of times that ended without a booking: to the case's assigned therapist, or to
 * every practice manager when it has none (or they have left). The case reference and what happened only: never a
 * name or anything clinical.
 */
@Service
public class StaffNotices {

    private final OutboxWriter outbox;
    private final EmailTemplates letters;
    private final StaffAccountService staff;
    private final PublicUrl publicUrl;

    StaffNotices(OutboxWriter outbox, EmailTemplates letters, StaffAccountService staff, PublicUrl publicUrl) {
        this.outbox = outbox;
        this.letters = letters;
        this.staff = staff;
        this.publicUrl = publicUrl;
    }

    /**
     * Queued in the caller's transaction (the expiry job, or a rival's choice), once per offer and person.
     *
     * @param ending why it ended: lapsed, taken by another case, or its therapist left
     * @return how many staff were told
     */
    @RolesAllowed({Roles.SYSTEM, Roles.ADMIN, Roles.THERAPIST})
    @Transactional
    public int offerEnded(CaseGrant grant, OfferId offerId, @Nullable StaffId assignedTherapistId,
                          OfferEnding ending, ZonedDateTime heldUntil) {
        grant.requireFor(CaseOperation.READ_BOOKING_DETAILS);
        int told = 0;
        for (StaffSummary person : staff.staffMemberOrManagers(StaffId.ofNullable(StaffId.numberOf(assignedTherapistId)))) {
            if (!OutboxWriter.isAddress(person.email())) {
                continue;
            }
            Rendered text = offerEnded(person.displayName(), grant.reference(), ending, heldUntil);
            told += outbox.enqueue(OutgoingEmail.plain("offer-ended/" + offerId.value() + "/" + person.id(),
                    EmailKind.OFFER_ENDED, person.email(), text.subject(), text.body())) ? 1 : 0;
        }
        return told;
    }

    private Rendered offerEnded(String name, String reference, OfferEnding ending, ZonedDateTime heldUntil) {
        String ref = EmailTemplates.clean(reference);
        String subject = switch (ending) {
            case LAPSED -> "Offer lapsed: case ";
            case TAKEN -> "Offered times taken: case ";
            case THERAPIST_LEFT, ROOM_OUT_OF_USE, DIARY_CLOSED -> "Offer withdrawn: case ";
        };
        String what = switch (ending) {
            case LAPSED -> "Nobody from case " + ref + " chose one of the offered times before they lapsed at "
                    + EmailTemplates.when(heldUntil) + ". The held times are back in the diary.";
            case TAKEN -> "The time offered to case " + ref + " was chosen first by another waiting case, so the offer "
                    + "has closed.";
            case THERAPIST_LEFT -> "The times offered to case " + ref + " were with a therapist who no longer sees "
                    + "clients here (they left the practice or changed role), so they were released and the offer "
                    + "has closed.";
            case ROOM_OUT_OF_USE -> "The times offered to case " + ref + " were in a room the practice has taken out "
                    + "of use, so they were released and the offer has closed.";
            case DIARY_CLOSED -> "The times offered to case " + ref + " fell on a day the practice has closed, or in "
                    + "time away their therapist has added, so they were released and the offer has closed.";
        };
        return new Rendered(subject + ref, letters.letter(name, what,
                "The case is still on the waiting list. To offer new times, open the waiting list: "
                        + publicUrl.link("staff/waitlist")));
    }
}
