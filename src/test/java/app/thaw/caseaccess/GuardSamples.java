package app.thaw.caseaccess;

import java.lang.reflect.Parameter;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;

import app.thaw.base.ids.HeldSlotId;
import app.thaw.base.ids.MeasureRequestId;
import app.thaw.base.ids.RoomId;
import app.thaw.base.ids.SessionTypeId;
import app.thaw.base.ids.AccessRequestId;
import app.thaw.base.ids.AppointmentId;
import app.thaw.base.ids.CaseReference;
import app.thaw.base.ids.IntakeId;
import app.thaw.base.ids.RequestId;
import app.thaw.base.ids.StaffId;
import app.thaw.fhir.FhirSearch;
import app.thaw.intake.IntakeStatus;
import app.thaw.review.FactorDecisionKind;
import app.thaw.review.ReferralKind;
import app.thaw.scheduling.AppointmentState;
import app.thaw.scheduling.BookingRequest;
import app.thaw.scheduling.Recurrence;
import app.thaw.scheduling.SessionFormat;

/**
 * Arguments for calling any case path: the fixture's identifiers where an identifier goes, a plausible value
 * elsewhere. A parameter type with no sample fails the guard with a message saying to add one here, so a new kind of
 * case path is never skipped silently.
 */
final class GuardSamples {

    private final GuardFixture fixture;
    private final JdbcTemplate jdbc;
    private final long therapistId;
    private final long colleagueId;
    /** The fixture's subject access request, made the first time a path needs one (one open request per client). */
    private Long accessRequestId;

    GuardSamples(GuardFixture fixture, JdbcTemplate jdbc, long therapistId, long colleagueId) {
        this.fixture = fixture;
        this.jdbc = jdbc;
        this.therapistId = therapistId;
        this.colleagueId = colleagueId;
    }

    Object[] arguments(java.lang.reflect.Method method) {
        Parameter[] parameters = method.getParameters();
        Object[] arguments = new Object[parameters.length];
        for (int i = 0; i < parameters.length; i++) {
            arguments[i] = sample(parameters[i], method);
        }
        return arguments;
    }

    Object argumentFor(Parameter parameter, java.lang.reflect.Method method) {
        return sample(parameter, method);
    }

    private Object sample(Parameter parameter, java.lang.reflect.Method method) {
        String name = parameter.getName();
        Class<?> type = parameter.getType();
        if (type == IntakeId.class) {
            return name.equals("partnerIntakeId") ? (nullable(parameter) ? null
                    : IntakeId.of(fixture.partnerIntakeId())) : IntakeId.of(fixture.intakeId());
        }
        if (type == StaffId.class) {
            return StaffId.of(nullable(parameter) ? colleagueId : therapistId);
        }
        if (java.util.Collection.class.isAssignableFrom(type) && name.equalsIgnoreCase("appointmentIds")) {
            return List.of(fixture.appointmentId());
        }
        if (type == AppointmentId.class) {
            return AppointmentId.of(fixture.appointmentId());
        }
        if (type == RequestId.class) {
            return RequestId.of(fixture.requestId());
        }
        if (type == CaseReference.class) {
            return CaseReference.of(fixture.reference());
        }
        if (type == AccessRequestId.class) {
            return AccessRequestId.of(accessRequestId());
        }
        if (type == SessionTypeId.class) {
            return SessionTypeId.of(individualType());
        }
        if (type == RoomId.class) {
            return null;
        }
        if (type == MeasureRequestId.class) {
            // any request number: a stranger's status link must not reach it
            return MeasureRequestId.of(fixture.requestId());
        }
        if (type == HeldSlotId.class) {
            // no such held time: the refusal comes from the offer, after the case check
            return HeldSlotId.of(Long.MAX_VALUE);
        }
        if (type == app.thaw.base.ids.KeptNoteTextId.class) {
            // no such kept text: discarding one is judged by the session's case first
            return app.thaw.base.ids.KeptNoteTextId.of(Long.MAX_VALUE);
        }
        if (type == long.class || type == Long.class) {
            return switch (name) {
                case "intakeId" -> fixture.intakeId();
                case "partnerIntakeId" -> type == Long.class ? null : fixture.partnerIntakeId();
                case "appointmentId" -> fixture.appointmentId();
                case "requestId" -> fixture.requestId();
                case "accessRequestId" -> accessRequestId();
                case "therapistId" -> type == Long.class ? colleagueId : therapistId;
                case "typeId" -> individualType();
                case "roomId", "preferredRoomId" -> null;
                case "freedSlotId" -> 0L;
                // a first draft's form: the policy is checked before the note's version
                case "formVersion" -> null;
                default -> throw missing(parameter, method);
            };
        }
        if (type == String.class) {
            return switch (name) {
                case "reference", "caseReference", "referenceOrEmail" -> fixture.reference();
                case "itemId" -> "about.phone";
                case "tagId" -> "hormonal_change";
                case "reason", "note", "body", "message", "partnerFearDecision", "text" -> "Written by the guard test.";
                case "overrideReason" -> null;
                case "reviewedContent" -> "0".repeat(64);
                case "type" -> "Patient";
                case "base" -> "http://localhost/fhir/R4";
                default -> throw missing(parameter, method);
            };
        }
        if (type == int.class || type == Integer.class) {
            return 5;
        }
        if (type == boolean.class) {
            return false;
        }
        if (type == List.class && name.equals("values")) {
            return List.of("07700 900321");
        }
        if (type == List.class && name.equals("times")) {
            var start = GuardFixture.farFuture();
            return List.of(new app.thaw.waitlist.OfferedTime(therapistId, SessionFormat.ONLINE, null, start,
                    start.plusMinutes(50)));
        }
        if (type == List.class && name.equals("sections")) {
            return List.of("Written by the guard test.");
        }
        if (type == java.util.Set.class && name.equals("parts")) {
            return java.util.EnumSet.allOf(app.thaw.review.CasePart.class);
        }
        if (type == java.util.Set.class && name.equals("measures")) {
            return app.thaw.outcomes.Measure.INDIVIDUAL;
        }
        if (type == app.thaw.care.TherapyOutcome.class) {
            return app.thaw.care.TherapyOutcome.COMPLETED;
        }
        if (type == app.thaw.review.ClosureReason.class) {
            return app.thaw.review.ClosureReason.NO_RESPONSE;
        }
        if (type == app.thaw.care.NoteTemplate.class) {
            return app.thaw.care.NoteTemplate.SOAP;
        }
        if (type == java.util.Map.class && name.equals("withheld")) {
            return java.util.Map.of();
        }
        if (type == ZonedDateTime.class) {
            return GuardFixture.farFuture();
        }
        if (type == LocalDate.class) {
            return LocalDate.now();
        }
        if (type == IntakeStatus.class) {
            return IntakeStatus.IN_REVIEW;
        }
        if (type == ReferralKind.class) {
            return ReferralKind.GP_MEDICATION_REVIEW;
        }
        if (type == FactorDecisionKind.class) {
            return FactorDecisionKind.ADDED;
        }
        if (type == AppointmentState.class) {
            return AppointmentState.ATTENDED;
        }
        if (type == SessionFormat.class) {
            return SessionFormat.ONLINE;
        }
        if (type == BookingRequest.class) {
            return new BookingRequest(fixture.intakeId(), null, therapistId, individualType(), SessionFormat.ONLINE,
                    null, GuardFixture.farFuture(), null);
        }
        if (type == FhirSearch.class) {
            return new FhirSearch("QuestionnaireResponse", fixture.reference(), null, null, null, 10, null);
        }
        if (type == Recurrence.class) {
            return new Recurrence(false, 2, null);
        }
        throw missing(parameter, method);
    }

    /** Whether the parameter is declared {@code @Nullable} (JSpecify's annotation is on the type). */
    private static boolean nullable(Parameter parameter) {
        return parameter.getAnnotatedType().isAnnotationPresent(Nullable.class);
    }

    /** A subject access request on the fixture's client, waiting for the review of its therapist (Amira). */
    private long accessRequestId() {
        if (accessRequestId == null) {
            accessRequestId = jdbc.queryForObject("""
                    insert into subject_access_request (intake_id, received_on, recorded_by, recorded_at, reviewer_id,
                                                        status)
                    values (?, current_date - 3, (select id from staff_account where username = ?), now(), ?,
                            'AWAITING_REVIEW')
                    returning id""", Long.class, fixture.intakeId(), GuardFixture.MANAGER, therapistId);
        }
        return accessRequestId;
    }

    private long individualType() {
        return jdbc.queryForObject("select id from appointment_type where code = 'INDIVIDUAL'", Long.class);
    }

    private static AssertionError missing(Parameter parameter, java.lang.reflect.Method method) {
        return new AssertionError("The case-access guard has no sample for parameter '" + parameter.getName() + "' ("
                + parameter.getType().getSimpleName() + ") of " + method.getDeclaringClass().getSimpleName() + "."
                + method.getName() + ": add one to GuardSamples so this path is checked too.");
    }
}
