package app.thaw.notification;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import app.thaw.base.PracticeTime;
import app.thaw.Application;
import app.thaw.base.PracticeProfile;
import app.thaw.base.PracticeSettings;
import app.thaw.scheduling.AppointmentNotice;
import app.thaw.scheduling.MeetingLinks;
import app.thaw.scheduling.SessionFormat;

/**
 * Every email to clients, and the letter every email is written in (staff emails: {@link StaffEmailTemplates}). By
 * construction they hold only names, times, the place and the practice's contact
 * details: nothing clinical, not the kind of session, never why something was cancelled. Subjects are
 * neutral enough to show on a lock screen.
 */
@Component
class EmailTemplates {

    private static final DateTimeFormatter DAY = PracticeTime.LONG_DAY;
    private static final DateTimeFormatter SHORT_DAY = PracticeTime.DAY_LONG_MONTH;
    private static final DateTimeFormatter TIME = PracticeTime.TIME;
    // GMT or BST, so a time in the autumn's repeated hour is never ambiguous
    private static final DateTimeFormatter ZONE = PracticeTime.ZONE_NAME;
    private static final int NAME_MAX = 80;

    record Rendered(String subject, String body) {
    }

    private final Supplier<PracticeSettings.Values> settings;

    /** With fixed details (tests, previews). */
    EmailTemplates(PracticeProfile practice) {
        var fixed = new PracticeSettings.Values(practice.name(), practice.addressLines(), practice.phone(),
                practice.email(), null, null, java.time.Duration.ofHours(48), List.of(java.time.Duration.ofHours(24)));
        this.settings = () -> fixed;
    }

    /** With the details the practice manager keeps in Practice details. */
    @Autowired
    EmailTemplates(PracticeSettings settings) {
        this.settings = settings::current;
    }

    PracticeProfile practice() {
        return settings.get().profile();
    }

    Rendered booked(AppointmentNotice notice, AppointmentNotice.Recipient to) {
        return booked(notice, to, null);
    }

    /** {@code statusLink}: the client's private page, where they said email is safe (null: left out). */
    Rendered booked(AppointmentNotice notice, AppointmentNotice.Recipient to, @Nullable String statusLink) {
        return booked(notice, to, statusLink, false);
    }

    /** {@code partnerChose}: the client's partner chose this time from the times offered to them both. */
    Rendered booked(AppointmentNotice notice, AppointmentNotice.Recipient to, @Nullable String statusLink,
                    boolean partnerChose) {
        return new Rendered("Your appointment on " + shortWhen(notice.start()) + " is confirmed",
                letter(to.name(), partnerChose ? "Your partner has chosen this time from the ones we offered you "
                                + "both, so your appointment together is booked." : "Your appointment is booked.",
                        details(notice),
                        "The attached calendar invitation adds it to your calendar.", changeOrCancel(notice, statusLink)));
    }

    /** One email for a whole series: every date, one calendar attachment. */
    Rendered series(List<AppointmentNotice> sessions, AppointmentNotice.Recipient to, @Nullable String statusLink) {
        AppointmentNotice first = sessions.getFirst();
        var dates = new StringBuilder();
        for (AppointmentNotice session : sessions) {
            ZonedDateTime start = local(session.start());
            dates.append("  ").append(DAY.format(start)).append(", ").append(TIME.format(start)).append(" to ")
                    .append(TIME.format(local(session.end()))).append(" (").append(ZONE.format(start)).append(")\n");
        }
        return new Rendered("Your " + sessions.size() + " appointments from " + shortWhen(first.start())
                + " are confirmed",
                letter(to.name(), "Your appointments are booked, " + sessions.size() + " in all:",
                        dates.toString().stripTrailing(),
                        "  With:  " + clean(first.therapistName()) + "\n  Where: " + where(first),
                        "The attached calendar invitation adds every date to your calendar.",
                        changeOrCancel(first, statusLink)));
    }

    Rendered changed(AppointmentNotice notice, AppointmentNotice.Recipient to, ZonedDateTime previousStart) {
        return changed(notice, to, previousStart, null);
    }

    Rendered changed(AppointmentNotice notice, AppointmentNotice.Recipient to, ZonedDateTime previousStart,
                     @Nullable String statusLink) {
        boolean sameTime = previousStart.toInstant().equals(notice.start().toInstant());
        return new Rendered(sameTime ? "Your appointment on " + shortWhen(notice.start()) + " has changed"
                : "Your appointment has moved to " + shortWhen(notice.start()),
                letter(to.name(), sameTime ? "Your appointment on " + when(previousStart) + " has changed. The new "
                                + "details:"
                                : "Your appointment on " + when(previousStart) + " has moved. The new details:",
                        details(notice), "The attached calendar invitation updates your calendar.",
                        changeOrCancel(notice, statusLink)));
    }

    Rendered cancelled(AppointmentNotice notice, AppointmentNotice.Recipient to) {
        return new Rendered("Your appointment on " + shortWhen(notice.start()) + " is cancelled",
                letter(to.name(), "Your appointment on " + when(notice.start()) + " with "
                                + clean(notice.therapistName()) + " has been cancelled.",
                        "The attached calendar update removes it from your calendar.",
                        "If you would like to arrange another time, " + contactUs() + "."));
    }

    Rendered reminder(AppointmentNotice notice, AppointmentNotice.Recipient to) {
        return reminder(notice, to, null);
    }

    /** {@code statusLink}: where the client reschedules or cancels, only where they said email is safe. */
    Rendered reminder(AppointmentNotice notice, AppointmentNotice.Recipient to, @Nullable String statusLink) {
        return new Rendered("Reminder: your appointment on " + shortWhen(notice.start()),
                letter(to.name(), "This is a reminder of your appointment.", details(notice),
                        changeOrCancel(notice, statusLink)));
    }

    Rendered intakeReceived(@Nullable String name, String reference) {
        return intakeReceived(name, reference, null);
    }

    /** With the client's private status link when there is one: where they follow their form and sessions. */
    Rendered intakeReceived(@Nullable String name, String reference, @Nullable String statusLink) {
        List<String> paragraphs = new ArrayList<>();
        paragraphs.add("Thank you. We have received your form; your reference is " + clean(reference) + ".");
        if (statusLink != null) {
            paragraphs.add("Your private status link shows where your form is and any appointment we book: "
                    + statusLink);
            paragraphs.add("Anyone with the link can see your status, so please keep it to yourself.");
        }
        paragraphs.add("A member of our team will contact you to arrange the next step, in the ways you said are "
                + "safe. If you did not fill in a form with us, please let us know.");
        paragraphs.add("If you have a question in the meantime, " + contactUs() + ".");
        return new Rendered("We have received your form", letter(name, paragraphs.toArray(String[]::new)));
    }

    Rendered partnerInvitation(String inviterFirstName, String link) {
        String inviter = clean(inviterFirstName);
        return new Rendered(inviter + " has invited you to " + clean(practice().name()),
                letter(null, inviter + " has asked us to invite you to fill in a short form with "
                                + clean(practice().name()) + ", so that we can arrange to see you together.",
                        "Your private link: " + link,
                        "The link is personal to you, so please do not forward it. Your answers are your own: "
                                + "we do not share them with " + inviter + ".",
                        "If you were not expecting this email, you can ignore it, or " + contactUs() + "."));
    }

    /** Nothing clinical: no measure names, no scores, only that there are a few questions before the session. */
    Rendered measureLink(String name, ZonedDateTime sessionStart, String link) {
        return new Rendered("A few questions before your appointment on " + shortWhen(sessionStart),
                letter(name, "Before your appointment on " + when(sessionStart) + ", please answer a few short "
                                + "questions. It takes about five minutes, on your phone or computer.",
                        "Your private link: " + link,
                        "The link is personal to you and works until the appointment ends, so please do not forward "
                                + "it. Only your therapist sees your answers.",
                        "If you have a question, " + contactUs() + "."));
    }

    /** {@code forBoth}: a couple's offer, sent to each partner; the first to choose books the session for both. */
    Rendered slotOffer(String callName, java.util.List<String> times, String link, ZonedDateTime openUntil,
                       boolean forBoth) {
        String choose = forBoth ? "We have sent these times to you both, each with your own link. The first of you "
                + "to choose one books it for you both, so please agree on a time together before you choose.\n\n"
                + "Your private link to choose: " + link
                : "Choose the one that suits you with your private link: " + link;
        return new Rendered("Times for your first session at " + clean(practice().name()),
                letter(clean(callName), "We have kept these times for your first session" + (forBoth ? " together:"
                                : ":"), String.join("\n", times.stream().map(t -> "  " + t).toList()), choose,
                        "We keep them for you" + (forBoth ? " both" : "") + " until " + when(openUntil)
                                + ". If none suits you, or for anything else, " + contactUs() + "."));
    }

    /** Room and practice address for sessions in person, "Online" otherwise; the same text goes into the .ics. */
    String place(SessionFormat format, @Nullable String roomName) {
        if (format == SessionFormat.ONLINE) {
            return SessionFormat.ONLINE.label();
        }
        var parts = new ArrayList<String>();
        if (roomName != null && !roomName.isBlank()) {
            parts.add(clean(roomName));
        }
        practice().addressLines().stream().map(EmailTemplates::clean).forEach(parts::add);
        if (parts.isEmpty()) {
            parts.add(clean(practice().name()));
        }
        return String.join(", ", parts);
    }

    /** As above, with an online session's video-meeting link where there is one. */
    String place(AppointmentNotice notice) {
        return notice.format() == SessionFormat.ONLINE && notice.meetingLink() != null
                ? SessionFormat.ONLINE.label() + ", join at " + notice.meetingLink()
                : place(notice.format(), notice.roomName());
    }

    private String details(AppointmentNotice notice) {
        ZonedDateTime start = local(notice.start());
        return "  When:  " + DAY.format(start) + ", " + TIME.format(start) + " to " + TIME.format(local(notice.end()))
                + " (" + ZONE.format(start) + ")\n"
                + "  With:  " + clean(notice.therapistName()) + "\n"
                + "  Where: " + where(notice);
    }

    /** The place as the email says it: an online session with no link set yet says the link will follow. */
    private String where(AppointmentNotice notice) {
        return notice.linkToFollow() ? place(notice) + ". " + MeetingLinks.LINK_TO_FOLLOW : place(notice);
    }

    /** A joint session is changed only by asking the practice, so its page is said to let the client ask. */
    private String changeOrCancel(AppointmentNotice notice, @Nullable String statusLink) {
        return (statusLink == null ? "" : "Your private page shows your appointments and lets you "
                + (notice.joint() ? "ask us to move or cancel them: " : "move or cancel them: ") + statusLink
                + "\n\n") + "If you need to change or cancel, " + contactUs() + ".";
    }

    String contactUs() {
        var ways = new ArrayList<String>();
        if (practice().phone() != null && !practice().phone().isBlank()) {
            ways.add("call us on " + practice().phone());
        }
        if (practice().email() != null && !practice().email().isBlank()) {
            ways.add("email " + practice().email());
        }
        return ways.isEmpty() ? "please contact us" : "please " + String.join(" or ", ways);
    }

    String letter(@Nullable String name, String... paragraphs) {
        var text = new StringBuilder();
        String greeting = name == null || clean(name).isEmpty() ? "Hello," : "Dear " + clean(name) + ",";
        text.append(greeting).append("\n\n");
        for (String paragraph : paragraphs) {
            text.append(paragraph).append("\n\n");
        }
        String signature = settings.get().emailSignature();
        text.append(signature == null || signature.isBlank() ? String.join("\n", signature())
                : signature.strip().replaceAll("[\\p{Cntrl}&&[^\\n]]", ""));
        return text.append("\n").toString();
    }

    private List<String> signature() {
        var lines = new ArrayList<String>();
        lines.add(clean(practice().name()));
        practice().addressLines().stream().map(EmailTemplates::clean).forEach(lines::add);
        var contact = new ArrayList<String>();
        if (practice().phone() != null && !practice().phone().isBlank()) {
            contact.add(practice().phone());
        }
        if (practice().email() != null && !practice().email().isBlank()) {
            contact.add(practice().email());
        }
        if (!contact.isEmpty()) {
            lines.add(String.join(" · ", contact));
        }
        return lines;
    }

    /** "14:30 GMT": the repeated autumn hour is never ambiguous. */
    static String timeWithZone(ZonedDateTime time) {
        ZonedDateTime local = local(time);
        return TIME.format(local) + " " + ZONE.format(local);
    }

    static String when(ZonedDateTime start) {
        ZonedDateTime local = local(start);
        return DAY.format(local) + ", " + TIME.format(local) + " (" + ZONE.format(local) + ")";
    }

    private static String shortWhen(ZonedDateTime start) {
        ZonedDateTime local = local(start);
        return SHORT_DAY.format(local) + " at " + TIME.format(local);
    }

    private static ZonedDateTime local(ZonedDateTime time) {
        return time.withZoneSameInstant(Application.PRACTICE_ZONE);
    }

    /** Names come from other people's typing: one line, no control characters, a sensible length. */
    static String clean(@Nullable String text) {
        if (text == null) {
            return "";
        }
        String oneLine = text.replaceAll("\\p{Cntrl}+", " ").strip();
        return oneLine.length() <= NAME_MAX ? oneLine : oneLine.substring(0, NAME_MAX).strip();
    }
}
