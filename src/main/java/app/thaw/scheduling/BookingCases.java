package app.thaw.scheduling;

import java.util.List;
import java.util.Optional;

import jakarta.annotation.security.RolesAllowed;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.thaw.caseaccess.ActsOnCase;
import app.thaw.caseaccess.CaseAccess;
import app.thaw.caseaccess.CaseGrant;
import app.thaw.caseaccess.CaseOperation;
import app.thaw.intake.ClientContact;
import app.thaw.intake.ClientContacts;
import app.thaw.security.Roles;

/** Finds the case a session is to be booked for, as the policy allows the person booking to see it. */
@Service
@Transactional(readOnly = true)
public class BookingCases {

    private final CaseAccess access;
    private final ClientContacts contacts;

    BookingCases(CaseAccess access, ClientContacts contacts) {
        this.access = access;
        this.contacts = contacts;
    }

    /**
     * The case with this reference; empty both when there is none and when the person may not book it (the refusal is
     * audited), so a typed reference never tells whether a colleague's case exists.
     */
    @RolesAllowed({Roles.THERAPIST, Roles.ADMIN})
    @ActsOnCase(CaseOperation.BOOK_SESSION)
    public Optional<CaseToBook> find(@Nullable String reference) {
        Optional<CaseGrant> client = access.find(reference, CaseOperation.BOOK_SESSION);
        if (client.isEmpty()) {
            return Optional.empty();
        }
        List<CaseGrant> partners = access.partners(client.get(), CaseOperation.BOOK_SESSION);
        ClientContact partner = partners.isEmpty() ? null : contacts.contact(partners.getFirst());
        var alone = access.bookingGate(List.of(client.get()), false).orElse(null);
        var joint = partners.isEmpty() ? null
                : access.bookingGate(List.of(client.get(), partners.getFirst()), true).orElse(null);
        return Optional.of(new CaseToBook(contacts.contact(client.get()), partner, alone, joint));
    }
}
