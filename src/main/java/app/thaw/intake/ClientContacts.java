package app.thaw.intake;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import jakarta.annotation.security.RolesAllowed;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.thaw.caseaccess.CaseGrant;
import app.thaw.caseaccess.CaseOperation;
import app.thaw.intake.domain.Intake;
import app.thaw.intake.domain.IntakeRepository;
import app.thaw.intake.questionnaire.Answers;
import app.thaw.security.Roles;

/**
 * How to reach a client and when they can come, as they last said (a therapist's correction counts): what booking,
 * the slot finder and the waiting list read. Nothing clinical; a grant to see the booking details is needed.
 */
@Service
@Transactional(readOnly = true)
public class ClientContacts {

    private final IntakeRepository intakes;
    private final AnswersJson json;
    private final AnswerCorrections corrections;

    ClientContacts(IntakeRepository intakes, AnswersJson json, AnswerCorrections corrections) {
        this.intakes = intakes;
        this.json = json;
        this.corrections = corrections;
    }

    /** Contact details and stated availability: booking needs these, and they hold nothing clinical. */
    @RolesAllowed({Roles.THERAPIST, Roles.ADMIN, Roles.SYSTEM})
    public ClientContact contact(CaseGrant grant) {
        return Objects.requireNonNull(contacts(List.of(grant)).get(grant.intakeId()), "a granted intake");
    }

    /** The same for several clients in two reads (a list of waiting cases), by intake id. */
    @RolesAllowed({Roles.THERAPIST, Roles.ADMIN, Roles.SYSTEM})
    public Map<Long, ClientContact> contacts(Collection<CaseGrant> grants) {
        grants.forEach(grant -> grant.requireFor(CaseOperation.READ_BOOKING_DETAILS, CaseOperation.BOOK_SESSION));
        var loaded = intakes.findAllById(grants.stream().map(CaseGrant::intakeId).toList());
        var current = corrections.current(loaded.stream().collect(Collectors.toMap(Intake::getId,
                intake -> json.read(intake.getAnswersJson()))));
        var contacts = new HashMap<Long, ClientContact>();
        loaded.forEach(intake -> contacts.put(intake.getId(), contact(intake,
                Objects.requireNonNull(current.get(intake.getId()), "read with its intake"))));
        return contacts;
    }

    private static ClientContact contact(Intake intake, Answers answers) {
        return new ClientContact(intake.getId(), intake.getReference(), intake.getFullName(),
                intake.getPreferredName(), intake.getEmail(), intake.getPhone(), intake.getRequestedType(),
                intake.getCoupleCaseId(), answers.multi("preferences.days"), answers.multi("preferences.times"),
                answers.single("preferences.format").orElse(null));
    }
}
