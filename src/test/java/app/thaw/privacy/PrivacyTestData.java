package app.thaw.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.jdbc.core.JdbcTemplate;

import app.thaw.base.ids.CaseReference;
import app.thaw.base.ids.AppointmentId;
import app.thaw.base.ids.IntakeId;
import app.thaw.intake.IntakeFixtures;
import app.thaw.review.FactorDecisionKind;
import app.thaw.review.ReferralKind;
import app.thaw.review.CaseAssignments;
import app.thaw.review.ReferralService;
import app.thaw.review.CaseOpeningService;
import app.thaw.review.CaseWorkService;
import app.thaw.review.FactorService;
import app.thaw.review.ReviewTestData;
import app.thaw.scheduling.BookingRequest;
import app.thaw.scheduling.BookingResult;
import app.thaw.scheduling.SchedulingService;
import app.thaw.scheduling.SessionFormat;

/**
 * A couple whose records reach every feature: answers (the client's naming the partner), a correction, notes
 * on both intakes, a factor decision, a referral, a couples session cancelled with a reason naming the
 * partner, emails and audit lines. Every marker is unique to one run, so the shared database doesn't matter.
 */
final class PrivacyTestData {

    record Couple(ReviewTestData.Submitted client, ReviewTestData.Submitted partner, String clientName,
                  String clientEmail, String partnerFirstName, String partnerName, String partnerEmail,
                  String partnerPhone, String partnerSecret, String partnerNote, String clientNote) {
    }

    private final ReviewTestData data;
    private final CaseOpeningService opening;
    private final CaseWorkService work;
    private final FactorService factors;
    private final CaseAssignments assignments;
    private final ReferralService referrals;
    private final SchedulingService scheduling;
    private final app.thaw.scheduling.SessionChanges changes;
    private final JdbcTemplate jdbc;

    PrivacyTestData(ReviewTestData data, CaseOpeningService opening, CaseWorkService work,
                    FactorService factors, CaseAssignments assignments, ReferralService referrals,
                    SchedulingService scheduling, app.thaw.scheduling.SessionChanges changes, JdbcTemplate jdbc) {
        this.changes = changes;
        this.data = data;
        this.opening = opening;
        this.work = work;
        this.factors = factors;
        this.assignments = assignments;
        this.referrals = referrals;
        this.scheduling = scheduling;
        this.jdbc = jdbc;
    }

    Couple couple() {
        String word = ReviewTestData.uniqueWord();
        String partnerFirst = ReviewTestData.uniqueWord();
        String clientName = word + " Hollis";
        String partnerName = partnerFirst + " Marlow";
        String clientEmail = word.toLowerCase(Locale.ROOT) + "@example.org";
        String partnerEmail = partnerFirst.toLowerCase(Locale.ROOT) + "@example.net";
        String partnerPhone = "07700 9" + (10000 + ThreadLocalRandom.current().nextInt(89999));
        String partnerSecret = "Partnersecret" + word;
        var client = data.submit(IntakeFixtures.couplesAnswers(clientName)
                .with("about.email", clientEmail)
                .with("presenting.what_brings_you", "Since the baby " + partnerFirst + " and I barely talk."));
        var partner = data.submitPartner(client.receipt().partnerInvitationToken(),
                IntakeFixtures.couplesAnswers(partnerName)
                        .with("about.email", partnerEmail)
                        .with("about.phone", partnerPhone)
                        .with("presenting.what_brings_you", partnerSecret + " is what I never told anyone."));
        assertThat(partner.receipt().partnerIntake()).isTrue();

        String clientNote = "First call went well; " + partnerFirst + " joined for the last ten minutes.";
        String partnerNote = "Jointnote" + word + " about the partner's own history.";
        data.as("amira", () -> {
            opening.openCase(CaseReference.of(client.reference())).orElseThrow();
            assignments.assignToMe(IntakeId.of(client.id()));
            work.addNote(IntakeId.of(client.id()), clientNote);
            work.addNote(IntakeId.of(partner.id()), partnerNote);
            work.amendAnswer(IntakeId.of(client.id()), "about.phone", List.of("07700 900999"),
                    "New number given by phone");
            String tag = factors.factorTags().getFirst().id();
            boolean suggested = jdbc.queryForObject(
                    "select count(*) from factor_suggestion where intake_id = ? and tag_id = ?", Integer.class,
                    client.id(), tag) > 0;
            factors.decideFactor(IntakeId.of(client.id()), tag,
                    suggested ? FactorDecisionKind.CONFIRMED : FactorDecisionKind.ADDED);
            referrals.decideReferral(IntakeId.of(client.id()), ReferralKind.COUPLES,
                    "Both want to work on talking again.", null);
        });
        data.as("admin", () -> {
            long tom = data.idOf("tom");
            long couplesType = jdbc.queryForObject("select id from appointment_type where code = 'COUPLES'",
                    Long.class);
            BookingResult booked = null;
            // a time no other test holds; the next one if the therapist doesn't work that day
            for (int attempt = 0; attempt < 5 && !(booked instanceof BookingResult.Booked); attempt++) {
                ZonedDateTime start = app.thaw.FreeTimes.next();
                booked = scheduling.book(new BookingRequest(client.id(), partner.id(), tom, couplesType,
                        SessionFormat.ONLINE, null, start, null));
            }
            assertThat(booked).isInstanceOf(BookingResult.Booked.class);
            long appointmentId = ((BookingResult.Booked) booked).session().id();
            changes.cancel(AppointmentId.of(appointmentId), true, partnerFirst + " phoned: they are both unwell.");
        });
        return new Couple(client, partner, clientName, clientEmail, partnerFirst, partnerName, partnerEmail,
                partnerPhone, partnerSecret, partnerNote, clientNote);
    }
}
