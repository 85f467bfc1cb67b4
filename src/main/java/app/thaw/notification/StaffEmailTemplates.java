package app.thaw.notification;

import static app.thaw.notification.EmailTemplates.clean;
import static app.thaw.notification.EmailTemplates.timeWithZone;
import static app.thaw.notification.EmailTemplates.when;

import java.time.ZonedDateTime;

import org.springframework.stereotype.Component;

import app.thaw.notification.EmailTemplates.Rendered;

/** The emails staff get about their own account: invitation, password reset, a changed address, a paused sign-in. */
@Component
class StaffEmailTemplates {

    private final EmailTemplates letters;

    StaffEmailTemplates(EmailTemplates letters) {
        this.letters = letters;
    }

    /** The sign-in page is not the link's address, so the email names it. */
    Rendered staffInvitation(String name, String link, String signInAddress, ZonedDateTime expiresAt) {
        return new Rendered("Your staff account at " + clean(letters.practice().name()),
                letters.letter(name, "You have been given a staff account on Thaw, "
                                + clean(letters.practice().name()) + "'s intake and referral system. To start, "
                                + "choose your password with this private link:",
                        link,
                        "The link works once, until " + when(expiresAt) + ". After choosing your password, sign "
                                + "in at " + signInAddress + ", where you'll also set up your second sign-in step.",
                        "If you weren't expecting this email, " + letters.contactUs() + "."));
    }

    Rendered passwordReset(String name, String link, ZonedDateTime expiresAt) {
        return new Rendered("Choose a new password for " + clean(letters.practice().name()),
                letters.letter(name, "Your practice manager has reset your Thaw password, so your old one no longer "
                                + "works. Choose a new one with this private link:",
                        link,
                        "The link works once, until " + when(expiresAt) + ".",
                        "If you did not expect this, tell your practice manager straight away."));
    }

    /** To the address the account had: says only that it changed and when, never to what. */
    Rendered emailChanged(String name, ZonedDateTime changedAt) {
        return new Rendered("The email address of your Thaw account was changed",
                letters.letter(name, "The email address of your staff account on Thaw, "
                                + clean(letters.practice().name()) + "'s intake and referral system, was changed by "
                                + "a practice manager on " + when(changedAt) + ". Emails about your account, such as "
                                + "password links, now go to the new address instead of this one.",
                        "If you asked for this, there is nothing more to do.",
                        "If you did not, " + letters.contactUs() + " straight away."));
    }

    Rendered signInPausedForOwner(String name, ZonedDateTime until) {
        return new Rendered("Your Thaw sign-in is paused for a while",
                letters.letter(name, "There were several failed tries to sign in to your Thaw account, so "
                                + "signing in to it is paused until " + timeWithZone(until) + ".",
                        "On a computer or phone where you have signed in before you can still sign in as usual.",
                        "If the tries were yours, wait until then or ask your practice manager to lift the pause. "
                                + "If they were not yours, tell your practice manager straight away."));
    }

    Rendered signInPausedForManager(String managerName, String whose, ZonedDateTime until) {
        return new Rendered("Sign-in paused for " + clean(whose),
                letters.letter(managerName, "After several failed tries, signing in as " + clean(whose)
                                + " is paused until " + timeWithZone(until) + ". They have been told by email.",
                        "When you know the tries were theirs, you can let them in now: Team, then Actions, then "
                                + "Lift sign-in pause. If they were not theirs, consider resetting their password."));
    }

    Rendered signInPausedOnBrowserForOwner(String name, ZonedDateTime until) {
        return new Rendered("Your Thaw sign-in is paused for a while on one computer or phone",
                letters.letter(name, "There were several failed tries to sign in to your Thaw account on a computer "
                                + "or phone where you have signed in before, so signing in there is paused until "
                                + timeWithZone(until) + ".",
                        "If the tries were yours, wait until then or ask your practice manager to lift the pause. "
                                + "If they were not yours, someone may have used that computer or phone: tell your "
                                + "practice manager straight away."));
    }

    Rendered signInPausedOnBrowserForManager(String managerName, String whose, ZonedDateTime until) {
        return new Rendered("Sign-in paused for " + clean(whose),
                letters.letter(managerName, "After several failed tries on a computer or phone " + clean(whose)
                                + " has signed in on before, signing in as them there is paused until "
                                + timeWithZone(until) + ". They have been told by email.",
                        "When you know the tries were theirs, you can let them in now: Team, then Actions, then "
                                + "Lift sign-in pause. If they were not theirs, consider resetting their password."));
    }

    /** Says only that a case needs the reader: never who the client is, what they answered or why. */
    Rendered caseAttention(String name, String link) {
        return new Rendered("A case needs your attention",
                letters.letter(name, "A case on Thaw needs your attention. Please sign in and open it:",
                        link,
                        "For privacy this email does not say which client it is or why."));
    }
}
