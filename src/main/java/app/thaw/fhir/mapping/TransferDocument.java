package app.thaw.fhir.mapping;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Composition;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Narrative;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

import app.thaw.base.PracticeProfile;
import app.thaw.intake.IntakeStatus;

/**
 * One client's case as a FHIR document for a transfer of care: a Composition (LOINC 18761-7, transfer summary note)
 * whose sections point at the client, the questionnaires asked and answered, scores, risk flags, outside referrals and
 * sessions. The scores are the intake's and every outcome measure's since, with the course told in the Scores
 * section's narrative. Built from one client's records only, so a partner's answers can never be in it.
 */
public final class TransferDocument {

    static final String ORGANIZATION_ID = "practice";

    private final QuestionnaireMapper questionnaires;
    private final CaseResources resources;
    private final CareResources care;

    public TransferDocument(QuestionnaireMapper questionnaires, CaseResources resources, CareResources care) {
        this.questionnaires = questionnaires;
        this.resources = resources;
        this.care = care;
    }

    /** @param base the FHIR base URL the resources are read from, e.g. https://thaw.example/fhir/R4 */
    public Bundle build(ClientCase clientCase, PracticeProfile practice, String base, Instant now) {
        String reference = clientCase.reference();
        boolean closed = clientCase.client().status() == IntakeStatus.CLOSED;
        Organization organization = organization(practice);
        var composition = new Composition();
        composition.setId(reference);
        composition.setIdentifier(CaseResources.caseIdentifier(reference));
        composition.setStatus(Composition.CompositionStatus.FINAL);
        composition.setType(new CodeableConcept(new Coding(ThawFhir.LOINC, "18761-7", "Transfer summary note")));
        composition.setSubject(CaseResources.patientReference(reference));
        composition.setDate(Date.from(now));
        composition.addAuthor(new Reference("Organization/" + ORGANIZATION_ID).setDisplay(practice.name()));
        composition.setCustodian(new Reference("Organization/" + ORGANIZATION_ID));
        composition.setTitle("Transfer of care: " + reference);
        composition.setConfidentiality(Composition.DocumentConfidentiality.R);

        List<Resource> entries = new ArrayList<>();
        entries.add(composition);
        entries.add(resources.patient(clientCase.client()));
        entries.add(organization);
        Map<String, Questionnaire> asked = new LinkedHashMap<>();
        var answers = new ArrayList<Resource>();
        var scores = new ArrayList<Resource>();
        var flags = new ArrayList<Resource>();
        for (AnsweredQuestionnaire answered : clientCase.responses()) {
            Questionnaire questionnaire = questionnaires.published(answered.definition());
            asked.putIfAbsent(questionnaire.getIdPart(), questionnaire);
            answers.add(resources.response(reference, answered));
            scores.addAll(resources.scores(reference, answered));
            flags.addAll(resources.flags(reference, answered, closed));
        }
        var referrals = new ArrayList<Resource>(care.referrals(reference, clientCase.referrals()));
        var sessions = new ArrayList<Resource>();
        clientCase.sessions().forEach(session -> sessions.add(care.appointment(reference, session)));
        section(composition, "Risk flags", "Open and past risk answers (safety flags)", flags, entries);
        section(composition, "Questionnaire responses", "What the client answered, as asked", answers, entries);
        section(composition, "Scores", "Totals of the intake's scored questionnaires and of every outcome measure "
                + "answered since, oldest first, with their bands", scores, entries);
        courseNarrative(composition, clientCase);
        section(composition, "Outside referrals", "Referrals to GP, NHS and crisis services", referrals, entries);
        section(composition, "Sessions", "Sessions booked with the practice", sessions, entries);
        section(composition, "Questionnaires", "The questionnaire versions the client answered",
                new ArrayList<>(asked.values()), entries);

        var bundle = new Bundle();
        bundle.setId(reference);
        bundle.setType(Bundle.BundleType.DOCUMENT);
        bundle.setIdentifier(new Identifier().setSystem("urn:ietf:rfc:3986").setValue("urn:uuid:" + UUID.randomUUID()));
        bundle.setTimestamp(Date.from(now));
        for (Resource resource : entries) {
            bundle.addEntry().setFullUrl(base + "/" + resource.fhirType() + "/" + resource.getIdElement().getIdPart())
                    .setResource(resource);
        }
        return bundle;
    }

    /** The course at a glance on the Scores section: each total as it went, and the state the chart shows. */
    private static void courseNarrative(Composition composition, ClientCase clientCase) {
        var scores = composition.getSection().stream().filter(s -> s.getTitle().equals("Scores")).findFirst();
        if (scores.isEmpty()) {
            return;
        }
        var div = new StringBuilder("<div xmlns=\"http://www.w3.org/1999/xhtml\">");
        for (String line : CourseLines.of(clientCase)) {
            div.append("<p>").append(CourseLines.escape(line)).append("</p>");
        }
        div.append("</div>");
        var narrative = new Narrative().setStatus(Narrative.NarrativeStatus.GENERATED);
        narrative.setDivAsString(div.toString());
        scores.get().setText(narrative);
    }

    private static void section(Composition composition, String title, String description, List<Resource> found,
                                List<Resource> entries) {
        if (found.isEmpty()) {
            return;
        }
        var section = composition.addSection().setTitle(title);
        section.setCode(new CodeableConcept().setText(description));
        for (Resource resource : found) {
            section.addEntry(new Reference(resource.fhirType() + "/" + resource.getIdElement().getIdPart()));
            entries.add(resource);
        }
    }

    static Organization organization(PracticeProfile practice) {
        var organization = new Organization();
        organization.setId(ORGANIZATION_ID);
        organization.setName(practice.name());
        organization.setActive(true);
        if (practice.phone() != null && !practice.phone().isBlank()) {
            organization.addTelecom().setSystem(ContactPoint.ContactPointSystem.PHONE).setValue(practice.phone());
        }
        if (practice.email() != null && !practice.email().isBlank()) {
            organization.addTelecom().setSystem(ContactPoint.ContactPointSystem.EMAIL).setValue(practice.email());
        }
        if (!practice.addressLines().isEmpty()) {
            var address = new Address();
            practice.addressLines().forEach(address::addLine);
            address.setCountry("GB");
            organization.addAddress(address);
        }
        return organization;
    }
}
