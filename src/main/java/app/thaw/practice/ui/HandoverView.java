package app.thaw.practice.ui;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;

import app.thaw.base.ids.IntakeId;
import app.thaw.base.ids.AppointmentId;
import app.thaw.base.ids.StaffId;
import app.thaw.base.PracticeTime;
import app.thaw.base.ui.MainLayout;
import app.thaw.base.ui.Toasts;
import app.thaw.caseaccess.CaseNotFound;
import app.thaw.practice.HandoverService;
import app.thaw.review.CaseActionRefused;
import app.thaw.review.HeldCase;
import app.thaw.scheduling.BookingResult;
import app.thaw.scheduling.SessionView;
import app.thaw.security.StaffAccountService;
import app.thaw.security.StaffActionRefused;
import app.thaw.security.StaffSummary;

import org.jspecify.annotations.Nullable;

/**
 * Before a therapist is deactivated: each of their sessions to come (to a colleague, or cancelled with the clients
 * told) and each case they hold (to a colleague or the shared queue) is placed here, one by one or all to one person;
 * deactivating is possible once nothing is left. Reached from the Team page.
 */
@Route(value = "staff/admin/team/:staffId/hand-over", layout = MainLayout.class)
@PageTitle("Hand over · Thaw")
@RolesAllowed(app.thaw.security.Roles.ADMIN)
public class HandoverView extends Div implements BeforeEnterObserver {

    private static final DateTimeFormatter WHEN = PracticeTime.DAY_DATE_COMMA_TIME;
    /** "Nobody": a case goes back to the shared queue. */
    private static final StaffSummary SHARED_QUEUE = new StaffSummary(-1, "", "The shared queue", "",
            app.thaw.security.StaffRole.THERAPIST, true, java.time.Instant.EPOCH);

    private final HandoverService handover;
    private final StaffAccountService staff;
    private long staffId;

    public HandoverView(HandoverService handover, StaffAccountService staff) {
        this.handover = handover;
        this.staff = staff;
        addClassName("handover-view");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        try {
            staffId = Long.parseLong(event.getRouteParameters().get("staffId").orElse(""));
            render();
        } catch (IllegalArgumentException missing) {
            event.rerouteToError(NotFoundException.class);
        }
    }

    private void render() {
        removeAll();
        HandoverService.Commitments commitments = handover.commitments(StaffId.of(staffId));
        String name = commitments.therapist().displayName();
        List<StaffSummary> colleagues = staff.activeTherapists().stream().filter(t -> t.id() != staffId).toList();
        add(new H2("Hand over " + name + "'s work"));
        add(new Paragraph("Before " + name + " is deactivated, every session to come and every case they hold goes "
                + "somewhere. The clients are told of a new therapist or a cancellation by email. Times in "
                + name + "'s diary offered to waiting clients are released when they are deactivated; an offer left "
                + "with no time is withdrawn and the case's therapist is told."));
        var all = new Select<StaffSummary>();
        all.setLabel("Give everything to");
        all.setItems(colleagues);
        all.setItemLabelGenerator(StaffSummary::displayName);
        var giveAll = new Button("Give all sessions and cases", click -> {
            if (all.getValue() != null) {
                giveEverything(commitments, all.getValue(), name);
            }
        });
        var everything = new FlexLayout(all, giveAll);
        everything.addClassName("settings-form");
        everything.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        everything.setAlignItems(FlexLayout.Alignment.BASELINE);
        if (!commitments.none()) {
            add(everything);
        }
        add(new H3("Sessions to come (" + commitments.sessions().size() + ")"));
        if (commitments.sessions().isEmpty()) {
            add(new Paragraph("None."));
        }
        commitments.sessions().forEach(session -> add(sessionRow(session, colleagues, name)));
        add(new H3("Cases they hold (" + commitments.cases().size() + ")"));
        if (commitments.cases().isEmpty()) {
            add(new Paragraph("None."));
        }
        List<StaffSummary> caseChoices = new ArrayList<>(colleagues);
        caseChoices.add(SHARED_QUEUE);
        commitments.cases().forEach(held -> add(caseRow(held, caseChoices, name)));
        var deactivate = new Button("Deactivate " + name, click -> {
            try {
                handover.deactivate(StaffId.of(staffId));
                done(name + " is deactivated and signed out.");
                UI.getCurrent().navigate("staff/admin/team");
            } catch (StaffActionRefused refused) {
                Toasts.problem(refused.getMessage());
            }
        });
        deactivate.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
        deactivate.setEnabled(commitments.none() && commitments.therapist().isActive());
        deactivate.setId("deactivate-after-handover");
        add(deactivate);
    }

    private FlexLayout sessionRow(SessionView session, List<StaffSummary> colleagues, String name) {
        var text = new Span(WHEN.format(session.start()) + " · " + session.clients() + " · " + session.typeLabel());
        text.addClassName("handover-item");
        var to = new Select<StaffSummary>();
        to.setAriaLabel("New therapist for " + text.getText());
        to.setItems(colleagues);
        to.setItemLabelGenerator(StaffSummary::displayName);
        var give = new Button("Give", click -> {
            if (to.getValue() == null) {
                Toasts.problem("Choose the colleague who will see the client.");
                return;
            }
            act(giveSession(session, to.getValue()));
        });
        var cancel = new Button("Cancel session", click -> {
            try {
                handover.cancelSession(AppointmentId.of(session.id()), name + " is leaving the practice");
                act(null);
            } catch (IllegalArgumentException refused) {
                Toasts.problem(refused.getMessage());
            }
        });
        cancel.addThemeVariants(ButtonVariant.LUMO_ERROR);
        var row = new FlexLayout(text, to, give, cancel);
        row.addClassNames("settings-form", "handover-row");
        row.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        row.setAlignItems(FlexLayout.Alignment.BASELINE);
        return row;
    }

    private FlexLayout caseRow(HeldCase held, List<StaffSummary> choices, String name) {
        var text = new Span(held.reference() + " · " + held.name());
        text.addClassName("handover-item");
        var to = new Select<StaffSummary>();
        to.setAriaLabel("Who takes " + held.reference());
        to.setItems(choices);
        to.setItemLabelGenerator(StaffSummary::displayName);
        var give = new Button("Hand over", click -> {
            if (to.getValue() == null) {
                Toasts.problem("Choose a colleague, or the shared queue.");
                return;
            }
            try {
                handover.reassignCase(IntakeId.of(held.intakeId()), to.getValue() == SHARED_QUEUE ? null
                        : StaffId.of(to.getValue().id()),
                        "Hand-over: " + name + " is leaving the practice");
                act(null);
            } catch (CaseActionRefused | CaseNotFound refused) {
                Toasts.problem(refused.getMessage());
            }
        });
        var row = new FlexLayout(text, to, give);
        row.addClassNames("settings-form", "handover-row");
        row.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        row.setAlignItems(FlexLayout.Alignment.BASELINE);
        return row;
    }

    private void giveEverything(HandoverService.Commitments commitments, StaffSummary colleague, String name) {
        List<String> left = new ArrayList<>();
        for (SessionView session : commitments.sessions()) {
            String refused = giveSession(session, colleague);
            if (refused != null) {
                left.add(WHEN.format(session.start()) + ": " + refused);
            }
        }
        for (HeldCase held : commitments.cases()) {
            try {
                handover.reassignCase(IntakeId.of(held.intakeId()), StaffId.of(colleague.id()), "Hand-over: " + name
                        + " is leaving the practice");
            } catch (CaseActionRefused | CaseNotFound refused) {
                left.add(held.reference() + ": " + refused.getMessage());
            }
        }
        act(left.isEmpty() ? null : "Not everything could go to " + colleague.displayName() + ". "
                + String.join(" ", left));
    }

    /** Null when given; otherwise why not. */
    private @Nullable String giveSession(SessionView session, StaffSummary colleague) {
        return switch (handover.moveSession(AppointmentId.of(session.id()), StaffId.of(colleague.id()), null)) {
            case BookingResult.Booked booked -> null;
            case BookingResult.Unavailable unavailable -> unavailable.message();
            case BookingResult.Conflict conflict -> conflict.message();
            case BookingResult.Invalid invalid -> invalid.message();
            case BookingResult.Blocked blocked -> blocked.refusal().message();
        };
    }

    private void act(@Nullable String problem) {
        if (problem == null) {
            done("Done.");
        } else {
            Toasts.problem(problem);
        }
        render();
    }

    private static void done(String message) {
        Notification.show(message, 3000, Notification.Position.BOTTOM_START)
                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }
}
