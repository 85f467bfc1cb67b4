package app.thaw.intake.ui;

import java.util.Optional;

import com.vaadin.flow.router.RouteParameters;

import org.jspecify.annotations.Nullable;

import app.thaw.intake.DraftSnapshot;
import app.thaw.intake.IntakeService;

/**
 * What a visit to the form may open. Each link opens only its own draft: a resume link its draft, an invitation
 * link only a draft begun from that same invitation; the draft this device remembers only at the plain address.
 * On a shared device nobody is shown a form someone else started.
 *
 * @param invitation the partner's invitation, while it can still be used
 */
record WizardEntry(@Nullable String invitation, Optional<DraftSnapshot> draft) {

    static WizardEntry of(RouteParameters parameters, IntakeService intake, WizardNotices notices) {
        Optional<String> invitationLink = parameters.get("invitation");
        if (invitationLink.isPresent()) {
            String invitation = invitationLink.get();
            boolean open = intake.isPartnerInvitationOpen(invitation);
            notices.invitation(open);
            return open ? new WizardEntry(invitation, DraftCookie.remembered()
                    .flatMap(draft -> intake.resumeInvitedDraft(draft, invitation).stream()).findFirst())
                    : new WizardEntry(null, Optional.empty());
        }
        Optional<String> resumeLink = parameters.get("token");
        if (resumeLink.isPresent()) {
            Optional<DraftSnapshot> draft = intake.resumeDraft(resumeLink.get());
            if (draft.isEmpty()) {
                notices.savedFormNotFound();
            }
            return new WizardEntry(null, draft);
        }
        return new WizardEntry(null, DraftCookie.OWN.read().flatMap(intake::resumeDraft));
    }
}
