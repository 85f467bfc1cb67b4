package app.thaw.waitlist;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.JdbcTemplate;

import app.thaw.base.ids.CaseReference;
import app.thaw.base.ids.IntakeId;
import app.thaw.Application;
import app.thaw.base.domain.SecretToken;
import app.thaw.intake.IntakeFixtures;
import app.thaw.review.CareActions;
import app.thaw.review.ReferralKind;
import app.thaw.review.ReferralService;
import app.thaw.review.CaseOpeningService;
import app.thaw.review.ReviewTestData;
import app.thaw.scheduling.SessionFormat;

/** A couple taken through the real services from their forms to the waiting list, and times to offer them. */
public final class WaitlistTestData {

    public record Couple(ReviewTestData.Submitted alex, ReviewTestData.Submitted sam) {
    }

    private final ReviewTestData data;
    private final CaseOpeningService review;
    private final ReferralService referrals;
    private final CareActions care;
    private final JdbcTemplate jdbc;

    public WaitlistTestData(ReviewTestData data, CaseOpeningService review, ReferralService referrals, CareActions care,
                            JdbcTemplate jdbc) {
        this.data = data;
        this.review = review;
        this.referrals = referrals;
        this.care = care;
        this.jdbc = jdbc;
    }

    /** Both forms in, reviewed and referred for couples work by Amira, on the waiting list. */
    public Couple waitingCouple(String surname) {
        var alex = data.submit(IntakeFixtures.couplesAnswers("Alex " + surname));
        var sam = data.submitPartner(alex.receipt().partnerInvitationToken(),
                IntakeFixtures.couplesAnswers("Sam " + surname));
        data.as("amira", () -> review.openCase(CaseReference.of(alex.reference())));
        data.as("amira", () -> referrals.decideReferral(IntakeId.of(alex.id()), ReferralKind.COUPLES, "Joint work.",
                null));
        data.as("amira", () -> care.addToWaitingList(IntakeId.of(alex.id()), true));
        return new Couple(alex, sam);
    }

    /** A client alone, referred and waiting. */
    public ReviewTestData.Submitted waitingClient(String name) {
        return waitingClient(IntakeFixtures.completeAnswers(name));
    }

    /** A client alone who gave these answers, referred and waiting. */
    public ReviewTestData.Submitted waitingClient(app.thaw.intake.questionnaire.Answers answers) {
        return waitingClient(answers, "amira");
    }

    /** A client alone who gave these answers, taken on and referred by this therapist, and waiting. */
    public ReviewTestData.Submitted waitingClient(app.thaw.intake.questionnaire.Answers answers, String therapist) {
        var client = data.submit(answers);
        data.as(therapist, () -> review.openCase(CaseReference.of(client.reference())));
        data.as(therapist, () -> referrals.decideReferral(IntakeId.of(client.id()), ReferralKind.INDIVIDUAL,
                "One to one.", null));
        data.as(therapist, () -> care.addToWaitingList(IntakeId.of(client.id()), false));
        return client;
    }

    /**
     * Online times in Amira's diary on a random working day years ahead (no bank holiday, never met by another test):
     * {@code count} starts two hours apart, each {@code minutes} long.
     */
    public List<OfferedTime> amiraOnline(int count, int minutes) {
        long amira = data.idOf("amira");
        var random = ThreadLocalRandom.current();
        LocalDate day;
        do {
            // clear of FreeTimes' days (from 2050), which fixtures book in Amira's diary without looking first
            day = LocalDate.of(2060 + random.nextInt(30), 1 + random.nextInt(12), 1 + random.nextInt(28));
        } while (day.getDayOfWeek().getValue() > 5 || jdbc.queryForObject("select count(*) from closed_day where day = ?",
                Integer.class, day) > 0 || amiraHasTimeOn(amira, day));
        LocalDate on = day;
        return java.util.stream.IntStream.range(0, count).mapToObj(i -> {
            ZonedDateTime start = ZonedDateTime.of(on, LocalTime.of(9 + 2 * i, 0), Application.PRACTICE_ZONE);
            return new OfferedTime(amira, SessionFormat.ONLINE, null, start, start.plusMinutes(minutes));
        }).toList();
    }

    // another test's session or held time on the same random day would refuse the offer (it failed once in verify)
    private boolean amiraHasTimeOn(long amira, LocalDate day) {
        var from = java.sql.Timestamp.from(day.atStartOfDay(Application.PRACTICE_ZONE).toInstant());
        var to = java.sql.Timestamp.from(day.plusDays(1).atStartOfDay(Application.PRACTICE_ZONE).toInstant());
        return jdbc.queryForObject("""
                select exists (select 1 from appointment where therapist_id = ? and starts_at >= ? and starts_at < ?)
                    or exists (select 1 from held_slot where therapist_id = ? and starts_at >= ? and starts_at < ?)""",
                Boolean.class, amira, from, to, amira, from, to);
    }

    /** The private link emailed to this client with their latest offer (the fixtures' clients chose email). */
    public String offerLink(long intakeId) {
        String hash = jdbc.queryForObject("select token_hash from offer_link where intake_id = ? order by id desc "
                + "limit 1", String.class, intakeId);
        Pattern link = Pattern.compile("/offer/([A-Za-z0-9_-]{" + SecretToken.LENGTH + "})");
        for (String body : jdbc.queryForList("select body_text from outbox_message where kind = 'SLOT_OFFER' "
                + "order by id desc limit 200", String.class)) {
            Matcher found = link.matcher(body);
            while (found.find()) {
                if (SecretToken.hash(found.group(1)).equals(hash)) {
                    return found.group(1);
                }
            }
        }
        throw new AssertionError("No offer email with the link made for intake " + intakeId);
    }
}
