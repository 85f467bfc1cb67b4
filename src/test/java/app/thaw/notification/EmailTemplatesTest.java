package app.thaw.notification;

import static app.thaw.notification.TestNotices.london;
import static app.thaw.notification.TestNotices.recipient;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import app.thaw.scheduling.AppointmentNotice;

class EmailTemplatesTest {

    private final EmailTemplates templates = new EmailTemplates(TestNotices.PRACTICE);
    private final AppointmentNotice.Recipient to = recipient("Sam", "sam@example.org");
    private final AppointmentNotice winter = TestNotices.inPerson(1, london("2026-11-03T10:00"), 0, to);
    private final AppointmentNotice summer = TestNotices.online(1, london("2026-07-01T18:15"), 1, to);

    @Test
    void aBookingSaysWhoWhenAndWhereAndNothingElse() {
        var email = templates.booked(winter, to);

        assertThat(email.subject()).isEqualTo("Your appointment on Tue 3 November at 10:00 is confirmed");
        assertThat(email.body()).startsWith("Dear Sam,")
                .contains("Tuesday 3 November 2026, 10:00 to 11:20 (GMT)", "Dr Amira Khan",
                        "Room 2, 14 Albert Square, Manchester M2 5PF", "0161 000 0000", "hello@thaw.example");
        assertNeutral(email);
    }

    @Test
    void summerTimesSayBstAndOnlineSessionsSayOnline() {
        var email = templates.booked(summer, to);

        assertThat(email.body()).contains("Wednesday 1 July 2026, 18:15 to 19:05 (BST)", "Where: Online")
                .doesNotContain("Albert Square, Manchester M2 5PF\n  ");
        assertNeutral(email);
    }

    @Test
    void anOnlineSessionWithNoLinkYetSaysTheLinkWillFollowAndOneWithALinkGivesIt() {
        String toFollow = "Where: Online. We'll send you the link to join before the session.";
        assertThat(templates.booked(summer, to).body()).contains(toFollow);
        assertThat(templates.changed(summer, to, london("2026-06-30T09:00")).body()).contains(toFollow);
        assertThat(templates.series(List.of(summer), to, null).body()).contains(toFollow);
        assertNeutral(templates.booked(summer, to));

        var linked = summer.withMeetingLink("https://meet.example.org/tom");
        for (var email : List.of(templates.booked(linked, to), templates.changed(linked, to,
                london("2026-06-30T09:00")), templates.series(List.of(linked), to, null))) {
            assertThat(email.body()).contains("Where: Online, join at https://meet.example.org/tom")
                    .doesNotContain("We'll send you the link");
        }
        assertThat(templates.booked(winter, to).body()).doesNotContain("We'll send you the link");
    }

    @Test
    void aChangeNamesTheOldAndTheNewTime() {
        var email = templates.changed(summer, to, london("2026-06-30T09:00"));

        assertThat(email.subject()).isEqualTo("Your appointment has moved to Wed 1 July at 18:15");
        assertThat(email.body()).contains("Tuesday 30 June 2026, 09:00 (BST) has moved", "18:15 to 19:05 (BST)");
        assertNeutral(email);
    }

    @Test
    void aCancellationNeverGivesAReason() {
        var email = templates.cancelled(winter, to);

        assertThat(email.subject()).isEqualTo("Your appointment on Tue 3 November at 10:00 is cancelled");
        assertThat(email.body()).contains("has been cancelled", "arrange another time")
                .doesNotContainIgnoringCase("because").doesNotContainIgnoringCase("reason");
        assertNeutral(email);
    }

    @Test
    void remindersIntakeReceiptsAndInvitationsStayNeutralToo() {
        assertNeutral(templates.reminder(winter, to));
        var receipt = templates.intakeReceived("Mo", "THW-ABC234");
        assertThat(receipt.body()).startsWith("Dear Mo,").contains("THW-ABC234");
        assertNeutral(receipt);
        var invitation = templates.partnerInvitation("Alex", "https://thaw.example/intake?invite=abc");
        assertThat(invitation.subject()).isEqualTo("Alex has invited you to Thaw Therapy · Manchester");
        assertThat(invitation.body()).startsWith("Hello,").contains("https://thaw.example/intake?invite=abc");
        assertNeutral(invitation);
    }

    @Test
    void aCouplesOfferSaysTheTimesWentToThemBothAndTheFirstChoiceBooksForBoth() {
        var times = List.of("Tuesday 8 December at 09:00 (online)", "Tuesday 8 December at 10:30 (online)");
        var alone = templates.slotOffer("Sam", times, "https://thaw.example/offer/abc", london("2026-12-08T08:30"),
                false);
        var couple = templates.slotOffer("Sam", times, "https://thaw.example/offer/abc", london("2026-12-08T08:30"),
                true);

        assertThat(alone.body()).contains("Choose the one that suits you with your private link: "
                + "https://thaw.example/offer/abc").doesNotContain("you both");
        assertThat(couple.body()).contains("We have sent these times to you both, each with your own link. The first "
                        + "of you to choose one books it for you both, so please agree on a time together before you "
                        + "choose.", "https://thaw.example/offer/abc", "We keep them for you both until Tuesday 8 "
                        + "December 2026, 08:30 (GMT)");
        assertThat(couple.subject()).isEqualTo(alone.subject());
        assertNeutral(alone);
        assertNeutral(couple);
    }

    @Test
    void thePartnerWhoDidNotChooseIsToldTheirPartnerChoseTheTime() {
        var partner = templates.booked(summer, to, null, true);
        var chooser = templates.booked(summer, to, null, false);

        assertThat(partner.body()).contains("Your partner has chosen this time from the ones we offered you both, so "
                + "your appointment together is booked.", "Wednesday 1 July 2026, 18:15 to 19:05 (BST)");
        assertThat(chooser.body()).contains("Your appointment is booked.").doesNotContain("partner");
        assertThat(partner.subject()).isEqualTo(chooser.subject());
        assertNeutral(partner);
    }

    @Test
    void aJointSessionsEmailsSayThePrivatePageLetsTheClientAskAndOnlyThat() {
        String link = "https://thaw.example/status/abc";
        var alex = recipient("Alex", "alex@example.org");
        var plain = TestNotices.online(7, london("2026-12-10T14:00"), 0, alex, recipient("Bea", "bea@example.org"));
        var joint = new AppointmentNotice(plain.appointmentId(), plain.recipients(), plain.start(), plain.end(),
                plain.sessionLabel(), plain.format(), plain.roomName(), plain.therapistName(), plain.sequence(),
                null, null, true);

        for (var email : List.of(templates.booked(joint, alex, link),
                templates.changed(joint, alex, london("2026-12-09T10:00"), link), templates.reminder(joint, alex, link),
                templates.series(List.of(joint), alex, link))) {
            assertThat(email.body()).contains("Your private page shows your appointments and lets you ask us to move "
                    + "or cancel them: " + link).doesNotContain("lets you move or cancel");
            assertNeutral(email);
            assertThat(email.body()).doesNotContainIgnoringCase("partner").doesNotContainIgnoringCase("couple");
        }
        // a session of one's own can be moved or cancelled on the page itself
        assertThat(templates.booked(summer, to, link).body()).contains("lets you move or cancel them: " + link);
    }

    @Test
    void typedNamesCannotBreakOutOfTheirLine() {
        var email = templates.booked(winter, recipient("Sam\r\nBcc: someone@evil.example", "sam@example.org"));

        assertThat(email.body().lines().findFirst()).contains("Dear Sam Bcc: someone@evil.example,");
    }

    @Test
    void retriesBackOffExponentiallyUpToAnHour() {
        var settings = new MailSettings(null, 10, Duration.ofMinutes(1), Duration.ofHours(1), 20,
                Duration.ofMinutes(5), Duration.ofHours(24));

        assertThat(List.of(1, 2, 3, 4, 5, 6, 7, 9, 40).stream().map(settings::retryDelay).map(Duration::toMinutes))
                .containsExactly(1L, 2L, 4L, 8L, 16L, 32L, 60L, 60L, 60L);
    }

    private static void assertNeutral(EmailTemplates.Rendered email) {
        TestNotices.assertNothingClinical(email.subject());
        TestNotices.assertNothingClinical(email.body());
        assertThat(email.body()).doesNotContain(TestNotices.CLINICAL_LABEL);
    }
}
