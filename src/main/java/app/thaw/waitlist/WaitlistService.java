package app.thaw.waitlist;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.annotation.security.RolesAllowed;

import org.jspecify.annotations.Nullable;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.stereotype.Service;

import app.thaw.base.ids.StaffId;
import app.thaw.base.ids.IntakeId;
import app.thaw.base.ids.SessionTypeId;
import app.thaw.base.PracticeTime;
import app.thaw.Application;
import app.thaw.caseaccess.ActsOnCase;
import app.thaw.caseaccess.CaseAccess;
import app.thaw.caseaccess.CaseGrant;
import app.thaw.caseaccess.CaseOperation;
import app.thaw.intake.ClientContact;
import app.thaw.intake.ClientName;
import app.thaw.intake.ClientContacts;
import app.thaw.intake.SubmittedIntakes;
import app.thaw.scheduling.FreeSlotService;
import app.thaw.scheduling.SessionFormat;
import app.thaw.scheduling.SlotSuggestion;
import app.thaw.security.CurrentUser;
import app.thaw.security.Roles;
import app.thaw.security.StaffAccountService;
import app.thaw.security.StaffSummary;
import app.thaw.waitlist.domain.WaitlistListing;
import app.thaw.waitlist.domain.WaitlistRows;
import app.thaw.waitlist.domain.WaitlistStore;

/**
 * The waiting list as staff read it (urgent first, then longest waiting; names, types and times only, so the
 * practice manager sees it too), the waits per service type, and the slot finder for a waiting case. Offers:
 * {@link OfferService}; other changes to a waiting case: {@link WaitlistChanges}; times cancellations gave back:
 * {@link FreedTimeService}; how they reach the list: {@link BackfillSettings}.
 */
@Service
@Transactional(readOnly = true)
public class WaitlistService {

    private static final DateTimeFormatter DAY = PracticeTime.DAY;

    private final WaitlistStore store;
    private final WaitlistListing listing;
    private final CaseAccess access;
    private final SubmittedIntakes intakes;
    private final ClientContacts clientContacts;
    private final FreeSlotService slots;
    private final StaffAccountService staff;
    private final CurrentUser currentUser;
    private final Clock clock;

    WaitlistService(WaitlistStore store, WaitlistListing listing, CaseAccess access, SubmittedIntakes intakes, ClientContacts clientContacts,
                    FreeSlotService slots, StaffAccountService staff, CurrentUser currentUser, Clock clock) {
        this.listing = listing;
        this.store = store;
        this.access = access;
        this.intakes = intakes;
        this.clientContacts = clientContacts;
        this.slots = slots;
        this.staff = staff;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /** The cases waiting that the person may see, urgent first, then longest waiting. */
    @RolesAllowed({Roles.THERAPIST, Roles.ADMIN})
    public List<WaitingCase> waiting(WaitlistFilter filter) {
        Instant now = clock.instant();
        var me = currentUser.require();
        List<WaitlistRows.Waiting> rows = listing.waiting(filter.service() == null ? null : filter.service().name(),
                filter.format() == null ? null : filter.format().name(), filter.urgentOnly(),
                me.isAdmin() ? null : (long) me.id(), Math.clamp(filter.limit(), 1, 500), Math.max(0, filter.offset()));
        Set<Long> ids = new java.util.HashSet<>();
        rows.forEach(row -> {
            ids.add(row.entry().intakeId());
            if (row.entry().partnerIntakeId() != null) {
                ids.add(row.entry().partnerIntakeId());
            }
        });
        Map<Long, CaseGrant> grants = access.allowedAmong(ids, CaseOperation.READ_BOOKING_DETAILS).stream()
                .collect(Collectors.toMap(CaseGrant::intakeId, Function.identity()));
        Map<Long, ClientName> names = intakes.names(grants.values());
        Map<Long, ClientContact> contacts = clientContacts.contacts(grants.values());
        Map<Long, String> preferred = staff.displayNames(rows.stream().map(row -> row.entry().preferredTherapistId())
                .filter(Objects::nonNull).collect(Collectors.toSet()));
        List<WaitingCase> cases = new ArrayList<>();
        for (WaitlistRows.Waiting row : rows) {
            var entry = row.entry();
            CaseGrant grant = grants.get(entry.intakeId());
            if (grant == null) {
                continue;
            }
            ClientName client = Objects.requireNonNull(names.get(entry.intakeId()), "named for every entry");
            ClientName partner = entry.partnerIntakeId() == null ? null : names.get(entry.partnerIntakeId());
            List<String> availability = new ArrayList<>(List.of(availability(Objects.requireNonNull(
                    contacts.get(grant.intakeId()), "granted with the entry"))));
            if (partner != null) {
                availability.add(availability(Objects.requireNonNull(contacts.get(entry.partnerIntakeId()),
                        "granted with the entry")));
            }
            cases.add(new WaitingCase(entry.intakeId(), client.reference(), client.fullName()
                    + (partner == null ? "" : " & " + partner.fullName()), ServiceType.valueOf(entry.service()),
                    entry.format() == null ? null : SessionFormat.valueOf(entry.format()), entry.urgent(),
                    entry.addedAt(), Duration.between(entry.addedAt(), now), String.join(" / ", availability),
                    row.offerState(), row.offerExpiresAt(), entry.preferredTherapistId(),
                    entry.preferredTherapistId() == null ? null : preferred.get(entry.preferredTherapistId())));
        }
        return cases;
    }

    /** How many wait and how long so far, per service type: what the practice manager watches. */
    @RolesAllowed({Roles.THERAPIST, Roles.ADMIN})
    public List<WaitSummary> waits() {
        return listing.waits(clock.instant()).stream().map(w -> new WaitSummary(ServiceType.valueOf(w.service()),
                w.count(), w.medianDays(), w.p90Days())).toList();
    }

    /** The therapists whose diaries an offer may use: one's own for a therapist, anyone's for a manager. */
    @RolesAllowed({Roles.THERAPIST, Roles.ADMIN})
    public List<StaffSummary> therapists() {
        var me = currentUser.require();
        return staff.activeTherapists().stream().filter(t -> me.isAdmin() || t.id() == me.id()).toList();
    }

    /**
     * Free times for a waiting case in a therapist's diary: their hours, a room or online, both partners' stated
     * availability for a couple, clear of sessions and held times. Same-day times come last unless the case is urgent.
     */
    @RolesAllowed({Roles.THERAPIST, Roles.ADMIN})
    @ActsOnCase(CaseOperation.READ_BOOKING_DETAILS)
    public List<SlotSuggestion> suggest(IntakeId intakeId, StaffId therapistId, SessionFormat format, int max) {
        CaseGrant grant = access.require(intakeId, CaseOperation.READ_BOOKING_DETAILS);
        WaitlistRows.Entry entry = store.entryOf(grant.intakeId()).filter(WaitlistRows.Entry::waiting)
                .orElseThrow(() -> new OfferRefused(grant.reference() + " is not on the waiting list."));
        long typeId = OfferService.typeId(store, ServiceType.valueOf(entry.service()));
        List<SlotSuggestion> found = slots.find(IntakeId.of(entry.intakeId()),
                IntakeId.ofNullable(entry.partnerIntakeId()), therapistId, SessionTypeId.of(typeId), format,
                null, 42, 50);
        LocalDate today = LocalDate.now(clock.withZone(Application.PRACTICE_ZONE));
        Instant now = clock.instant();
        Comparator<SlotSuggestion> order = Comparator.comparing((SlotSuggestion s) -> !entry.urgent()
                && s.start().toLocalDate().equals(today)).thenComparing(SlotSuggestion::start);
        // every time offered is held at once, so times that overlap cannot be offered together: keep the first of each
        List<SlotSuggestion> apart = new ArrayList<>();
        // a time too soon for the client to choose could not be offered
        for (SlotSuggestion slot : found.stream().filter(s -> OfferService.choosable(s.start().toInstant(), now))
                .sorted(order).toList()) {
            if (apart.stream().noneMatch(kept -> kept.start().isBefore(slot.end()) && slot.start().isBefore(kept.end()))) {
                apart.add(slot);
            }
        }
        return apart.stream().limit(Math.clamp(max, 1, 30)).toList();
    }

    /** Days and times a client said suit them, as a line; nothing ticked means any. */
    static String availability(ClientContact contact) {
        String days = contact.availableDays().isEmpty() ? "any day"
                : contact.availableDays().stream().map(d -> d.substring(0, Math.min(3, d.length()))).map(
                        d -> d.substring(0, 1).toUpperCase(Locale.UK) + d.substring(1)).collect(Collectors.joining(" "));
        String times = contact.availableTimes().isEmpty() ? "any time" : String.join(", ", contact.availableTimes());
        return days + ", " + times;
    }

    static String day(java.time.ZonedDateTime when) {
        return DAY.format(when);
    }

    /** A waiting time in words for the list: "3 days", "5 weeks". */
    public static String inWords(@Nullable Duration waited) {
        if (waited == null) {
            return "";
        }
        long days = waited.toDays();
        return days < 1 ? "today" : days < 14 ? days + (days == 1 ? " day" : " days") : days / 7 + " weeks";
    }
}
