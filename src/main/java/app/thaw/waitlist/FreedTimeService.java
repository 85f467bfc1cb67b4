package app.thaw.waitlist;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.annotation.security.RolesAllowed;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.thaw.Application;
import app.thaw.caseaccess.CaseAccess;
import app.thaw.caseaccess.CaseGrant;
import app.thaw.caseaccess.CaseOperation;
import app.thaw.intake.ClientName;
import app.thaw.intake.SubmittedIntakes;
import app.thaw.security.CurrentUser;
import app.thaw.security.Roles;
import app.thaw.security.StaffAccountService;
import app.thaw.waitlist.domain.WaitlistListing;
import app.thaw.waitlist.domain.WaitlistRows;

/** Times cancellations gave back, with the waiting cases each suits best: what staff backfill from. */
@Service
@Transactional(readOnly = true)
public class FreedTimeService {

    private final WaitlistListing listing;
    private final FreedTimeOffers freedOffers;
    private final CaseAccess access;
    private final SubmittedIntakes intakes;
    private final StaffAccountService staff;
    private final CurrentUser currentUser;
    private final Clock clock;

    FreedTimeService(WaitlistListing listing, FreedTimeOffers freedOffers, CaseAccess access, SubmittedIntakes intakes,
                     StaffAccountService staff, CurrentUser currentUser, Clock clock) {
        this.listing = listing;
        this.freedOffers = freedOffers;
        this.access = access;
        this.intakes = intakes;
        this.staff = staff;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /**
     * Times cancellations gave back (in one's own diary for a therapist), each with the waiting cases it suits best:
     * what the waiting list suggests when the practice backfills by suggestion.
     */
    @RolesAllowed({Roles.THERAPIST, Roles.ADMIN})
    public List<FreedTime> freedTimes() {
        var me = currentUser.require();
        Long therapist = me.isAdmin() ? null : (long) me.id();
        List<WaitlistRows.Slot> freed = listing.freed(clock.instant(), therapist);
        Map<Long, String> therapists = staff.displayNames(freed.stream().map(WaitlistRows.Slot::therapistId)
                .collect(Collectors.toSet()));
        List<FreedTime> times = new ArrayList<>();
        for (WaitlistRows.Slot slot : freed) {
            List<FreedTime.Fit> fits = new ArrayList<>();
            for (WaitlistRows.Entry entry : freedOffers.bestFits(slot, 3, List.of(), therapist)) {
                List<CaseGrant> grants = access.allowedAmong(entry.partnerIntakeId() == null ? List.of(entry.intakeId())
                        : List.of(entry.intakeId(), entry.partnerIntakeId()), CaseOperation.READ_BOOKING_DETAILS);
                Map<Long, ClientName> names = intakes.names(grants);
                ClientName client = names.get(entry.intakeId());
                if (client == null) {
                    continue;
                }
                ClientName partner = entry.partnerIntakeId() == null ? null : names.get(entry.partnerIntakeId());
                fits.add(new FreedTime.Fit(entry.intakeId(), client.reference(), client.fullName()
                        + (partner == null ? "" : " & " + partner.fullName()), entry.urgent()));
            }
            times.add(new FreedTime(slot.id(), slot.startsAt().atZone(Application.PRACTICE_ZONE),
                    slot.endsAt().atZone(Application.PRACTICE_ZONE), therapists.getOrDefault(slot.therapistId(),
                    "Former staff member"), OfferChoices.where(slot), fits));
        }
        return times;
    }
}
