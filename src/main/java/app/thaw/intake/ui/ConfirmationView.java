package app.thaw.intake.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.auth.AnonymousAllowed;

import app.thaw.base.ui.PublicLayout;
import app.thaw.intake.IntakeService;
import app.thaw.intake.RequestedType;
import app.thaw.intake.questionnaire.FieldLimits;
import app.thaw.intake.SubmissionReceipt;

import java.util.Objects;

/** Shown once after sending: the reference, what happens next, the private links, and help if it's urgent. */
@Route(value = "intake/confirmation", layout = PublicLayout.class)
@PageTitle("Form received · Thaw")
@AnonymousAllowed
public class ConfirmationView extends Div implements BeforeEnterObserver {

    private final IntakeService intake;

    public ConfirmationView(IntakeService intake) {
        this.intake = intake;
        addClassName("confirmation-view");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        SubmissionReceipt receipt = VaadinSession.getCurrent().getAttribute(SubmissionReceipt.class);
        if (receipt == null) {
            add(new H1("This page has expired"),
                    new Paragraph("For your privacy this page is only shown once. Use the status link you saved to "
                            + "see where your form is."), new Anchor("", "Go to the start page"));
            return;
        }
        // shown once, as it says: the history of a shared computer must not give the status link to someone else
        VaadinSession.getCurrent().setAttribute(SubmissionReceipt.class, null);
        var reference = new Span(receipt.reference());
        reference.addClassName("reference-code");
        reference.getElement().setAttribute("data-testid", "reference");
        add(new H1("Thank you — we've received your form"));
        if (receipt.urgent()) {
            add(new CrisisLines());
        }
        add(new Paragraph(new Span("Your reference: "), reference),
                new H2("What happens next"),
                new Paragraph("A therapist will read your form, usually within two working days, and contact you "
                        + "in the ways you told us are safe (if none is, the next step will show on your status page). "
                        + "If we suggest a different kind of support, we'll explain why. This form doesn't give a "
                        + "diagnosis."),
                new H2("Your private status link"),
                new LinkBox("Keep this link to see where your form is and any appointment we book for you. "
                        + "Anyone who has it can see your status, so keep it private.",
                        PublicLinks.absolute("status/" + receipt.statusToken()), "status-link"),
                keepingTheLink(receipt));
        addPartnerPart(receipt);
    }

    /** Emailed only where the client said email is safe; otherwise nothing was sent and they're told how to keep it. */
    private static Paragraph keepingTheLink(SubmissionReceipt receipt) {
        var text = receipt.statusLinkEmailed()
                ? new Paragraph("We've also emailed this link to you, with your reference. The email says nothing "
                        + "about what you told us.")
                : new Paragraph("We haven't emailed or texted you anything"
                        + (receipt.emailSafe() ? ". " : ", because you told us email isn't safe for you. ")
                        + "To keep this link, copy it somewhere only you can see, such as a password manager or a "
                        + "private note. If you lose it, call the practice and give your reference, "
                        + receipt.reference() + ".");
        text.addClassName("keeping-the-link");
        text.getElement().setAttribute("data-testid", "keeping-the-link");
        return text;
    }

    /** Or we email it: the message names only the client's first name and the link, nothing they told us. */
    private Div partnerEmail(SubmissionReceipt receipt, String link) {
        var email = new TextField("Or we can email the link to your partner");
        email.setHelperText("Their email address. We only send the invitation; nothing you told us.");
        email.setMaxLength(FieldLimits.EMAIL);
        email.setWidthFull();
        var sent = new Paragraph();
        sent.getElement().setAttribute("role", "status");
        var send = new Button("Email the invitation", click -> {
            try {
                String invitation = Objects.requireNonNull(receipt.partnerInvitationToken(), "shown only with one");
                intake.emailPartnerInvitation(invitation, email.getValue(), receipt.callName(), link);
                email.setInvalid(false);
                sent.setText("Sent. Your partner will get an email from the practice shortly.");
            } catch (IllegalArgumentException refused) {
                email.setErrorMessage(refused.getMessage());
                email.setInvalid(true);
            }
        });
        var box = new Div(email, send, sent);
        box.addClassName("partner-email");
        return box;
    }

    private void addPartnerPart(SubmissionReceipt receipt) {
        if (receipt.partnerIntake()) {
            add(new Paragraph("Your form has been linked with your partner's. Neither of you can see the other's "
                    + "answers."));
        } else if (receipt.partnerInvitationToken() != null) {
            String link = PublicLinks.absolute("intake/partner/" + receipt.partnerInvitationToken());
            add(new H2("Invite your partner"),
                    new LinkBox("For couples sessions we ask each partner to fill in their own form. Send this link "
                            + "to your partner. Their answers stay private from you, and yours from them. "
                            + "The link works once, for 30 days.", link, "partner-link"));
            // a partner's invitation never goes by a channel the client said isn't safe for them
            if (receipt.emailSafe()) {
                add(partnerEmail(receipt, link));
            } else {
                add(new Paragraph("As you told us email isn't safe for you, we won't email your partner. Please "
                        + "give them the link yourself, in a way that is safe for you."));
            }
        } else if (receipt.partnerInvitationWithheld() && receipt.requestedType() == RequestedType.COUPLES) {
            add(new Paragraph("You asked about couples sessions. Before anything is arranged with your partner, a "
                    + "therapist will talk with you on your own about the safest way we can help."));
        }
    }
}
