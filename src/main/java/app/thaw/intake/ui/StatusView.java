package app.thaw.intake.ui;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

import app.thaw.Application;
import app.thaw.base.ui.PublicLayout;
import app.thaw.intake.ClientStatus;
import app.thaw.intake.IntakeService;

/** The client's private page: where their form stands, their partner's part, and help if it's urgent. */
@Route(value = "status/:token", layout = PublicLayout.class)
@PageTitle("Your form's status · Thaw")
@AnonymousAllowed
public class StatusView extends Div implements BeforeEnterObserver {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy 'at' HH:mm", Locale.UK)
            .withZone(Application.PRACTICE_ZONE);

    private final IntakeService intake;

    public StatusView(IntakeService intake) {
        this.intake = intake;
        addClassName("status-view");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        String token = event.getRouteParameters().get("token").orElse("");
        intake.status(token).ifPresentOrElse(status -> show(token, status), () -> add(
                new H1("We couldn't find that status page"),
                new Paragraph("Please check the link you saved. If you've lost it, call the practice and give your "
                        + "reference."), new Anchor("", "Go to the start page")));
    }

    private void show(String token, ClientStatus status) {
        var state = new Paragraph(status.status().clientWording());
        state.addClassName("status-state");
        add(new H1("Your form " + status.reference()));
        if (status.urgent()) {
            add(new CrisisLines());
        }
        add(state, new Paragraph("Sent on " + WHEN.format(status.submittedAt()) + "."));
        var sessions = new Div(new H2("Appointments"), new ClientSessionsPanel(intake, token));
        add(new OfferedTimesPanel(() -> intake.offeredTimes(token), slot -> intake.chooseOfferedTime(token, slot),
                choice -> {
                    sessions.removeAll();
                    sessions.add(new H2("Appointments"), new ClientSessionsPanel(intake, token));
                }), sessions);
        switch (status.partnerState()) {
            case JOINED -> add(new H2("Your partner"), new Paragraph("Your partner has sent their form too."));
            case INVITED -> addInvitation(token);
            case NOT_APPLICABLE -> { }
        }
    }

    private void addInvitation(String token) {
        var area = new Div();
        var renew = new Button("Create a new invitation link", click -> intake.renewPartnerInvitation(token)
                .ifPresent(link -> {
                    area.removeAll();
                    area.add(new LinkBox("Send this new link to your partner. Any older link no longer works.",
                            PublicLinks.absolute("intake/partner/" + link), "partner-link"));
                }));
        area.add(renew);
        add(new H2("Your partner"), new Paragraph("Your partner hasn't sent their form yet. If they've lost the "
                + "link, you can create a new one."), area);
    }
}
