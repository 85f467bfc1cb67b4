package app.thaw.fhir.mapping;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import app.thaw.caseaccess.NotACasePath;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Flag;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemComponent;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemType;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseItemComponent;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Type;
import org.jspecify.annotations.Nullable;

import app.thaw.intake.IntakeStatus;
import app.thaw.intake.SubmittedIntake;
import app.thaw.intake.questionnaire.Answers;
import app.thaw.intake.questionnaire.Item;
import app.thaw.intake.questionnaire.ItemKind;
import app.thaw.intake.questionnaire.Option;
import app.thaw.intake.questionnaire.QuestionnaireDefinition;
import app.thaw.intake.questionnaire.RiskFlag;
import app.thaw.intake.questionnaire.Score;

/**
 * The client's own resources: Patient (name, date of birth, the contacts they allowed), a QuestionnaireResponse per
 * questionnaire answered (pointing at the exact version), its scores as Observations (LOINC totals for PHQ-9 and
 * GAD-7) and its risk answers as Flags.
 */
public final class CaseResources {

    /** Why the case-access guard may skip these: they read nothing, the caller read the records under a grant. */
    static final String MAPS_ONLY = "maps records its caller already read under a case grant; reads nothing itself";

    private static final String SURVEY = "http://terminology.hl7.org/CodeSystem/observation-category";
    private static final String FLAG_CATEGORY = "http://terminology.hl7.org/CodeSystem/flag-category";

    private final QuestionnaireMapper questionnaires;
    private final Instruments instruments;

    public CaseResources(QuestionnaireMapper questionnaires, Instruments instruments) {
        this.questionnaires = questionnaires;
        this.instruments = instruments;
    }

    public static Reference patientReference(String caseReference) {
        return new Reference("Patient/" + caseReference);
    }

    public static Identifier caseIdentifier(String caseReference) {
        return new Identifier().setSystem(ThawFhir.CASE_REFERENCE).setValue(caseReference);
    }

    @NotACasePath(MAPS_ONLY)
    public Patient patient(SubmittedIntake client) {
        var patient = new Patient();
        patient.setId(client.reference());
        patient.addIdentifier(caseIdentifier(client.reference()));
        patient.setActive(client.status() != IntakeStatus.CLOSED);
        patient.addName(new HumanName().setUse(HumanName.NameUse.OFFICIAL).setText(client.fullName()));
        if (client.preferredName() != null && !client.preferredName().isBlank()) {
            patient.addName(new HumanName().setUse(HumanName.NameUse.USUAL).setText(client.preferredName()));
        }
        if (client.dateOfBirth() != null) {
            patient.setBirthDateElement(new DateType(client.dateOfBirth().toString()));
        }
        Answers answers = client.answers();
        // contact only where the client agreed to be contacted, and only by the ways they said are safe
        if (answers.multi("consent.contact").contains("true")) {
            // as the client said last: a therapist's correction (the client phoned) stands over the form
            List<String> safe = client.latestAmendment(SubmittedIntake.SAFE_CONTACT_ITEM)
                    .map(app.thaw.intake.Amendment::values).orElse(answers.multi(SubmittedIntake.SAFE_CONTACT_ITEM));
            if (!safe.isEmpty()) {
                addTelecom(patient, ContactPoint.ContactPointSystem.EMAIL, client.email(), safe.contains("email"),
                        false);
                addTelecom(patient, ContactPoint.ContactPointSystem.PHONE, client.phone(), safe.contains("phone"),
                        false);
                addTelecom(patient, ContactPoint.ContactPointSystem.SMS, client.phone(), safe.contains("text"), false);
            } else {
                String preferred = answers.single("about.contact_method").orElse("");
                addTelecom(patient, ContactPoint.ContactPointSystem.EMAIL, client.email(), true,
                        preferred.equals("email"));
                addTelecom(patient, ContactPoint.ContactPointSystem.PHONE, client.phone(), true,
                        preferred.equals("phone"));
                addTelecom(patient, ContactPoint.ContactPointSystem.SMS, client.phone(),
                        answers.single("about.text_ok").orElse("no").equals("yes"), preferred.equals("text"));
            }
        }
        answers.single("about.gp_practice").filter(gp -> !gp.isBlank())
                .ifPresent(gp -> patient.addGeneralPractitioner(new Reference().setDisplay(gp)));
        return patient;
    }

    private static void addTelecom(Patient patient, ContactPoint.ContactPointSystem system, String value,
                                   boolean allowed, boolean preferred) {
        if (!allowed || value == null || value.isBlank()) {
            return;
        }
        var point = patient.addTelecom().setSystem(system).setValue(value);
        if (preferred) {
            point.setRank(1);
        }
    }

    /** The answers as a QuestionnaireResponse shaped like the Questionnaire (pages, panels), hidden items left out. */
    @NotACasePath(MAPS_ONLY)
    public QuestionnaireResponse response(String reference, AnsweredQuestionnaire answered) {
        QuestionnaireDefinition definition = answered.definition();
        var response = new QuestionnaireResponse();
        response.setId(FhirIds.response(reference, answered));
        response.setIdentifier(new Identifier().setSystem(ThawFhir.CASE_REFERENCE + "/response")
                .setValue(FhirIds.response(reference, answered)));
        response.setQuestionnaire(ThawFhir.canonical(definition.id(), definition.version()));
        response.setStatus(answered.amended() ? QuestionnaireResponse.QuestionnaireResponseStatus.AMENDED
                : QuestionnaireResponse.QuestionnaireResponseStatus.COMPLETED);
        response.setSubject(patientReference(reference));
        response.setAuthored(Date.from(answered.authored()));
        response.setAuthor(patientReference(reference));
        response.setSource(patientReference(reference));
        for (Node node : shape(definition)) {
            answer(definition, answered.answers(), node).ifPresent(response::addItem);
        }
        return response;
    }

    /** The Questionnaire's tree of pages, panels and questions: what a response mirrors, display items left out. */
    private record Node(String linkId, String text, boolean group, List<Node> children) {
    }

    private record Shape(QuestionnaireDefinition definition, List<Node> nodes) {
    }

    /** Built once per questionnaire version: every response of that version has the same shape. */
    private final Map<String, Shape> shapes = new ConcurrentHashMap<>();

    private List<Node> shape(QuestionnaireDefinition definition) {
        Shape cached = shapes.get(definition.key());
        if (cached != null && cached.definition() == definition) {
            return cached.nodes();
        }
        List<Node> nodes = nodes(questionnaires.published(definition).getItem());
        shapes.put(definition.key(), new Shape(definition, nodes));
        return nodes;
    }

    private static List<Node> nodes(List<QuestionnaireItemComponent> items) {
        List<Node> nodes = new ArrayList<>();
        for (QuestionnaireItemComponent item : items) {
            if (item.getType() != QuestionnaireItemType.DISPLAY) {
                boolean group = item.getType() == QuestionnaireItemType.GROUP;
                nodes.add(new Node(item.getLinkId(), item.getText(), group,
                        group ? nodes(item.getItem()) : List.of()));
            }
        }
        return List.copyOf(nodes);
    }

    private Optional<QuestionnaireResponseItemComponent> answer(QuestionnaireDefinition definition, Answers answers,
                                                                Node item) {
        var out = new QuestionnaireResponseItemComponent().setLinkId(item.linkId()).setText(item.text());
        if (item.group()) {
            for (Node child : item.children()) {
                answer(definition, answers, child).ifPresent(out::addItem);
            }
            return out.hasItem() ? Optional.of(out) : Optional.empty();
        }
        Item question = definition.item(item.linkId()).orElse(null);
        if (question == null || !answers.isAnswered(question.id())) {
            return Optional.empty();
        }
        for (String value : answers.multi(question.id())) {
            Type typed = value(definition, question, value);
            if (typed != null) {
                out.addAnswer().setValue(typed);
            }
        }
        return out.hasAnswer() ? Optional.of(out) : Optional.empty();
    }

    private @Nullable Type value(QuestionnaireDefinition definition, Item item, String value) {
        return switch (item.kind()) {
            case TEXT, LONG_TEXT, EMAIL, PHONE -> value.isBlank() ? null : new StringType(value);
            case DATE -> isDate(value) ? new DateType(value) : new StringType(value);
            case CONSENT -> new BooleanType(Boolean.parseBoolean(value));
            case SINGLE_CHOICE, MULTI_CHOICE, SCALE -> {
                Option option = definition.option(item, value).orElse(new Option(value, value));
                yield questionnaires.optionCoding(definition, item, option,
                        QuestionnaireMapper.answerSystem(definition, item));
            }
        };
    }

    private static boolean isDate(String value) {
        try {
            LocalDate.parse(value);
            return true;
        } catch (java.time.format.DateTimeParseException e) {
            return false;
        }
    }

    /** Each score with at least one answered item, as a survey Observation derived from the response. */
    @NotACasePath(MAPS_ONLY)
    public List<Observation> scores(String reference, AnsweredQuestionnaire answered) {
        List<Observation> observations = new ArrayList<>();
        for (Score score : answered.scores()) {
            if (score.answered() == 0) {
                continue;
            }
            var observation = new Observation();
            observation.setId(FhirIds.score(reference, answered, score.id()));
            observation.setStatus(Observation.ObservationStatus.FINAL);
            observation.addCategory(new CodeableConcept(new Coding(SURVEY, "survey", "Survey")));
            var code = new CodeableConcept().setText(score.label());
            instruments.ofScore(score.id()).ifPresent(instrument -> code.addCoding(instrument.total().coding()));
            code.addCoding(new Coding(ThawFhir.SCORE_CODES, score.id(), score.label()));
            observation.setCode(code);
            observation.setSubject(patientReference(reference));
            observation.setEffective(new DateTimeType(Date.from(answered.authored())));
            observation.setIssued(Date.from(answered.authored()));
            observation.setValue(new IntegerType(score.total()));
            if (score.band() != null) {
                observation.addInterpretation().setText(score.band());
            }
            observation.addReferenceRange().setText("0 to " + score.max());
            if (!score.complete()) {
                observation.addNote().setText("Based on " + score.answered() + " of " + score.itemCount()
                        + " questions answered.");
            }
            observation.addDerivedFrom(new Reference("QuestionnaireResponse/" + FhirIds.response(reference, answered)));
            observations.add(observation);
        }
        return observations;
    }

    /** Each risk answer as a safety Flag: active while the case is open. */
    @NotACasePath(MAPS_ONLY)
    public List<Flag> flags(String reference, AnsweredQuestionnaire answered, boolean caseClosed) {
        List<Flag> flags = new ArrayList<>();
        for (RiskFlag risk : answered.riskFlags()) {
            var flag = new Flag();
            flag.setId(FhirIds.flag(reference, answered, risk.ruleId()));
            flag.setStatus(caseClosed ? Flag.FlagStatus.INACTIVE : Flag.FlagStatus.ACTIVE);
            flag.addCategory(new CodeableConcept(new Coding(FLAG_CATEGORY, "safety", "Safety")));
            flag.setCode(new CodeableConcept(new Coding(ThawFhir.RISK_RULE_CODES, risk.ruleId(), risk.description()))
                    .setText(risk.description()));
            flag.setSubject(patientReference(reference));
            flag.setPeriod(new Period().setStart(Date.from(answered.authored())));
            flags.add(flag);
        }
        return flags;
    }

}
