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
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;

import app.thaw.base.ids.AccessRequestId;
import app.thaw.base.ids.IntakeId;
import app.thaw.base.ids.AppointmentId;
import app.thaw.base.ids.StaffId;
import app.thaw.base.PracticeTime;
import app.thaw.base.ui.MainLayout;
import app.thaw.base.ui.Toasts;
import app.thaw.caseaccess.CaseNotFound;
import app.thaw.practice.HandoverService;
import app.thaw.privacy.PendingReview;
import app.thaw.privacy.ReviewerChoice;
import app.thaw.privacy.SubjectAccessRefused;
import app.thaw.review.CaseActionRefused;
import app.thaw.review.HeldCase;
import app.thaw.scheduling.BookingResult;
import app.thaw.scheduling.SessionView;
import app.thaw.security.StaffAccountService;
import app.thaw.security.StaffActionRefused;
import app.thaw.security.StaffRole;
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
    private static final DateTimeFormatter DUE = PracticeTime.DATE;
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
        if (commitments.therapist().role() != StaffRole.THERAPIST) {
            // as the Team menu: hand-over is for therapists; anyone else's page (the manager's own too) is not found
            throw new IllegalArgumentException("Hand-over is for therapists.");
        }
        String name = commitments.therapist().displayName();
        List<StaffSummary> colleagues = staff.activeTherapists().stream().filter(t -> t.id() != staffId).toList();
        add(new H2("Hand over " + name + "'s work"));
        add(new Paragraph("Before " + name + " is deactivated, every session to come, every case they hold and "
                + "every subject access review they have to do goes somewhere. The clients are told of a new "
                + "therapist or a cancellation by email. Times in " + name + "'s diary offered to waiting clients are "
                + "released when they are deactivated; an offer left with no time is withdrawn and the case's "
                + "therapist is told."));
        var all = new Select<StaffSummary>();
        all.setLabel("Give everything to");
        all.setItems(colleagues);
        all.setItemLabelGenerator(StaffSummary::displayName);
        all.setManualValidation(true);
        var giveAll = new Button("Give all sessions, cases and reviews", click -> {
            if (all.getValue() == null) {
                all.setErrorMessage("Choose the colleague who takes everything.");
                all.setInvalid(true);
                return;
            }
            all.setInvalid(false);
            giveEverything(commitments, all.getValue(), name);
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
        add(new H3("Subject access reviews to do (" + commitments.reviews().size() + ")"));
        if (commitments.reviews().isEmpty()) {
            add(new Paragraph("None."));
        }
        commitments.reviews().forEach(review -> add(reviewRow(review)));
        var deactivate = new Button("Deactivate " + name, click -> new ConfirmDeactivation(name, () -> {
            try {
                handover.deactivate(StaffId.of(staffId));
                Toasts.success(name + " is deactivated and signed out.");
                UI.getCurrent().navigate("staff/admin/team");
            } catch (StaffActionRefused refused) {
                Toasts.problem(refused.getMessage());
            }
        }).open());
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

    private FlexLayout reviewRow(PendingReview review) {
        var text = new Span(review.reference() + " · due " + DUE.format(review.due()));
        text.addClassName("handover-item");
        var row = new FlexLayout(text);
        row.addClassNames("settings-form", "handover-row");
        row.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        row.setAlignItems(FlexLayout.Alignment.BASELINE);
        if (review.others().isEmpty()) {
            // only someone who may read the case can review it: its new therapist, once it has one
            row.add(new Span("Hand the case over first; its new therapist can then review."));
            return row;
        }
        var to = new Select<ReviewerChoice.Reviewer>();
        to.setAriaLabel("Who reviews " + review.reference());
        to.setItems(review.others());
        // the list says why each colleague may read the case; the narrow field shows only who was chosen, whole
        to.setTextRenderer(reviewer -> reviewer.name() + " · " + reviewer.relation());
        to.setItemLabelGenerator(ReviewerChoice.Reviewer::name);
        var give = new Button("Give", click -> {
            if (to.getValue() == null) {
                Toasts.problem("Choose the colleague who will review the record.");
                return;
            }
            act(giveReview(review, to.getValue().id()));
        });
        row.add(to, give);
        return row;
    }

    /** Null when given; otherwise why not. */
    private @Nullable String giveReview(PendingReview review, long colleagueId) {
        try {
            handover.changeReviewer(AccessRequestId.of(review.requestId()), StaffId.of(colleagueId));
            return null;
        } catch (SubjectAccessRefused | CaseNotFound refused) {
            return refused.getMessage();
        }
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
        // after the cases: the colleague now holds the case, so may review its record
        for (PendingReview review : handover.commitments(StaffId.of(commitments.therapist().id())).reviews()) {
            String refused = giveReview(review, colleague.id());
            if (refused != null) {
                left.add(review.reference() + ": " + refused);
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
            Toasts.success("Done.");
        } else {
            Toasts.problem(problem);
        }
        render();
    }
}
