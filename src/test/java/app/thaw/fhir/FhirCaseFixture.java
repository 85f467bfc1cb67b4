package app.thaw.fhir;

import static app.thaw.intake.IntakeFixtures.couplesAnswers;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

import app.thaw.base.ids.AppointmentId;
import app.thaw.base.ids.IntakeId;
import app.thaw.intake.questionnaire.Answers;
import app.thaw.review.ReferralKind;
import app.thaw.review.ReferralService;
import app.thaw.review.CaseWorkService;
import app.thaw.review.ReviewTestData;
import app.thaw.scheduling.BookingRequest;
import app.thaw.scheduling.BookingResult;
import app.thaw.scheduling.SchedulingService;
import app.thaw.scheduling.SessionChanges;
import app.thaw.scheduling.SessionFormat;

/**
 * A realistic couple's case for the FHIR tests: the client reported thoughts of self-harm (urgent, reviewed by Amira,
 * who took the case on), takes medication, prefers phone calls and allows texts; two outside referrals (the GP, then
 * NHS Talking Therapies), a corrected phone number, a joint session, an individual one and a cancelled one. The
 * partner's form holds a sentence that must never appear in the client's resources.
 */
record FhirCaseFixture(String clientName, long intakeId, String reference, long partnerIntakeId,
                       String partnerReference, String partnerSecret) {

    static final String THERAPIST = "amira";
    /** The manager books anyway: these cases are about FHIR, not about the day a random date falls on. */
    private static final String ANY_DAY = "FHIR test fixture";

    static FhirCaseFixture create(ReviewTestData data, CaseWorkService review, ReferralService referrals,
                                  SchedulingService scheduling, SessionChanges changes,
                                  JdbcTemplate jdbc) {
        String name = "Nadia " + ReviewTestData.uniqueWord();
        Answers answers = couplesAnswers(name)
                .with("about.preferred_name", "Nad")
                .with("about.contact_safe", "email", "phone", "text")
                .with("about.gp_practice", "Ancoats Urban Village Medical Practice, Manchester")
                .with("phq9.9", "2")
                .with("phq9.2", "3")
                .with("medication.current", "yes")
                .with("medication.details", "Sertraline since last spring")
                .with("medication.hormonal", "perimenopause_menopause", "thyroid")
                .with("preferences.days", "tuesday", "thursday");
        var client = data.submit(answers);
        String secret = "Partner-only words " + ReviewTestData.uniqueWord();
        var partner = data.submitPartner(client.receipt().partnerInvitationToken(),
                couplesAnswers("Sam " + ReviewTestData.uniqueWord())
                        .with("presenting.what_brings_you", secret)
                        .with("phq9.1", "3"));
        data.as(THERAPIST, () -> {
            review.acknowledgeRisk(IntakeId.of(client.id()), "Spoke by phone; safety plan agreed, no current intent.");
            referrals.decideReferral(IntakeId.of(client.id()), ReferralKind.GP_MEDICATION_REVIEW,
                    "Numbness began after starting sertraline; asking the GP to review the dose.", null);
            referrals.decideReferral(IntakeId.of(client.id()), ReferralKind.NHS_TALKING_THERAPIES,
                    "Low mood alongside couples work: step 2 support while we wait.", null);
            assertThat(review.amendAnswer(IntakeId.of(client.id()), "about.phone", List.of("07700 900456"),
                    "Client gave a new number on the phone")).isEmpty();
        });
        long therapist = data.idOf(THERAPIST);
        long individual = typeId(jdbc, "INDIVIDUAL");
        long couples = typeId(jdbc, "COUPLES");
        jdbc.update("insert into room (name) values ('Garden room') on conflict ((lower(name))) do nothing");
        long room = jdbc.queryForObject("select id from room where name = 'Garden room'", Long.class);
        data.as("admin", () -> {
            book(scheduling, new BookingRequest(client.id(), partner.id(), therapist, couples, SessionFormat.IN_PERSON,
                    room, farFuture(), null, ANY_DAY));
            book(scheduling, new BookingRequest(client.id(), null, therapist, individual, SessionFormat.ONLINE, null,
                    farFuture(), null, ANY_DAY));
            long cancelled = book(scheduling, new BookingRequest(client.id(), null, therapist, individual,
                    SessionFormat.ONLINE, null, farFuture(), null, ANY_DAY));
            changes.cancel(AppointmentId.of(cancelled), true, "Client's own words about why");
        });
        return new FhirCaseFixture(name, client.id(), client.reference(), partner.id(), partner.reference(), secret);
    }

    private static long book(SchedulingService scheduling, BookingRequest request) {
        BookingResult result = scheduling.book(request);
        assertThat(result).isInstanceOf(BookingResult.Booked.class);
        return ((BookingResult.Booked) result).session().id();
    }

    private static long typeId(JdbcTemplate jdbc, String code) {
        return jdbc.queryForObject("select id from appointment_type where code = ?", Long.class, code);
    }

    static ZonedDateTime farFuture() {
        return app.thaw.FreeTimes.next();
    }

    /** Runs the work as an API client holding these scopes, as the bearer-token filter would sign it in. */
    static <T> T asApiClient(Set<String> scopes, Supplier<T> work) {
        var previous = SecurityContextHolder.getContext();
        var context = SecurityContextHolder.createEmptyContext();
        var authorities = new java.util.ArrayList<>(AuthorityUtils.createAuthorityList("ROLE_API_CLIENT"));
        scopes.forEach(scope -> authorities.addAll(AuthorityUtils.createAuthorityList(ApiScopes.AUTHORITY_PREFIX
                + scope)));
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("API client «fixture» #0", null,
                authorities));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }
}
