package app.thaw.notification;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import app.thaw.Application;
import app.thaw.security.SignInPaused;

/** Tells the account's owner and every practice manager, once per pause, that sign-in is paused and how to lift it. */
@Component
class SignInPauseEmails {

    private final OutboxWriter outbox;
    private final StaffEmailTemplates templates;

    SignInPauseEmails(OutboxWriter outbox, StaffEmailTemplates templates) {
        this.outbox = outbox;
        this.templates = templates;
    }

    @EventListener
    @Transactional
    void on(SignInPaused paused) {
        var until = paused.until().atZone(Application.PRACTICE_ZONE);
        String key = "sign-in-paused/" + paused.staffId() + "/" + (paused.oneKnownBrowser() ? "browser-" : "")
                + paused.until().toEpochMilli() + "/";
        var own = paused.oneKnownBrowser() ? templates.signInPausedOnBrowserForOwner(paused.displayName(), until)
                : templates.signInPausedForOwner(paused.displayName(), until);
        outbox.enqueue(OutgoingEmail.plain(key + "owner", EmailKind.SIGN_IN_PAUSED, paused.email(), own.subject(),
                own.body()));
        for (var manager : paused.practiceManagers()) {
            if (manager.email().equalsIgnoreCase(paused.email())) {
                continue;
            }
            var text = paused.oneKnownBrowser()
                    ? templates.signInPausedOnBrowserForManager(manager.displayName(), paused.displayName(), until)
                    : templates.signInPausedForManager(manager.displayName(), paused.displayName(), until);
            outbox.enqueue(OutgoingEmail.plain(key + OutboxWriter.keyPart(manager.email()), EmailKind.SIGN_IN_PAUSED,
                    manager.email(), text.subject(), text.body()));
        }
    }
}
