package app.thaw.intake.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;

import org.jspecify.annotations.Nullable;

/** What the form says above its step about the form itself: an invitation, a saved form found or lost. */
class WizardNotices extends Div {

    private @Nullable Paragraph paused;

    /**
     * A partner's invitation link: welcomed if it is still open, else told it has gone and, first, that a partner
     * who has already sent their form has nothing more to do (so they don't fill it in twice).
     */
    void invitation(boolean open) {
        if (open) {
            say("Your partner has invited you to fill in your own form. Your answers are private: your partner "
                    + "will never see them, and you will never see theirs.");
            return;
        }
        say("This invitation link has expired or has already been used. If you've already sent your form, there's "
                + "nothing more to do and you don't need to fill it in again. You can follow it with your status "
                + "link, which we gave you when you sent it (and emailed to you, if email is safe for you).");
        say("If you haven't sent a form yet, you can still fill one in below on your own, or ask your partner for a "
                + "new link from their status page.");
    }

    /** A new visit to the form starts with nothing said. */
    void clear() {
        removeAll();
        paused = null;
    }

    void savedFormNotFound() {
        say("We couldn't find a saved form for that link. Saved forms are removed after 7 days for your privacy, or "
                + "once they have been sent. You can start again below.");
    }

    void welcomeBack() {
        say("Welcome back — we kept your answers. Carry on where you left off.");
    }

    /** Replaces whatever was said before: it is the one thing that matters now. */
    void couldNotSave() {
        removeAll();
        say("We couldn't save that answer: this form has already been sent or has expired. Please start a new form.");
    }

    /** Too many new forms from one connection: nothing could be saved yet, but nothing typed leaves the page. */
    void savingPaused() {
        if (paused == null) {
            paused = say("We've had several forms from your connection in a short time, so we can't save your answers for a "
                    + "minute. You can carry on: what you type stays on this page and is saved as soon as we can. "
                    + "Please keep this page open until your saved-form link appears below.");
        }
    }

    /** The first save let through: the pause is over. */
    void savingResumed() {
        if (paused != null) {
            remove(paused);
            paused = null;
        }
    }

    private Paragraph say(String text) {
        var notice = new Paragraph(text);
        notice.addClassName("wizard-notice");
        notice.getElement().setAttribute("role", "status");
        add(notice);
        return notice;
    }
}
