package app.thaw.privacy.ui;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.DescriptionList;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;

import org.jspecify.annotations.Nullable;

import app.thaw.base.ids.AccessRequestId;
import app.thaw.base.PracticeTime;
import app.thaw.base.ui.MainLayout;
import app.thaw.caseaccess.CaseNotFound;
import app.thaw.privacy.DisclosureItem;
import app.thaw.privacy.DisclosureReview;
import app.thaw.privacy.DisclosureReviews;
import app.thaw.privacy.SubjectAccessExport;
import app.thaw.privacy.SubjectAccessRefused;
import app.thaw.privacy.domain.WithheldPart;
import app.thaw.security.Roles;

/**
 * One subject access review: everything the client would receive, on screen, with a way to withhold each answer,
 * score, risk flag or review note, factor, referral decision and note, giving the serious-harm reason, and then to
 * approve the release. Only the clinician named on the request gets here; anyone else finds "not found".
 */
@Route(value = "staff/disclosures/:" + DisclosureReviewView.PARAMETER, layout = MainLayout.class)
@PageTitle("Disclosure review · Thaw")
@RolesAllowed(Roles.THERAPIST)
public class DisclosureReviewView extends VerticalLayout implements BeforeEnterObserver {

    static final String PARAMETER = "request";

    private static final DateTimeFormatter TIME = PracticeTime.DATE_COMMA_TIME;

    private final DisclosureReviews reviews;
    private final Paragraph message = new Paragraph();
    /** Item key to its choice, in the order shown. */
    private final Map<String, Choice> choices = new LinkedHashMap<>();
    private @Nullable AccessRequestId requestId;
    private @Nullable DisclosureReview review;

    private record Choice(DisclosureItem item, Checkbox withhold, TextArea reason) {
    }

    public DisclosureReviewView(DisclosureReviews reviews) {
        this.reviews = reviews;
        addClassName("disclosure-review-view");
        message.setId("disclosure-message");
        message.getElement().setAttribute("role", "status");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        requestId = AccessRequestId.parse(event.getRouteParameters().get(PARAMETER).orElse(null)).orElse(null);
        if (requestId == null) {
            event.rerouteToError(NotFoundException.class);
            return;
        }
        try {
            render(reviews.open(requestId), Map.of());
        } catch (CaseNotFound notFound) {
            event.rerouteToError(NotFoundException.class);
        }
    }

    @Nullable DisclosureReview shown() {
        return review;
    }

    /** Rebuilds the page; {@code typed} keeps reasons being written across a reload of a changed record. */
    private void render(DisclosureReview next, Map<String, String> typed) {
        review = next;
        choices.clear();
        removeAll();
        var request = next.request();
        add(new H2("Disclosure review · " + request.clientName() + " · " + request.reference()));
        var facts = new DescriptionList();
        facts.addClassName("session-details");
        item(facts, "Received", UkDates.format(request.receivedOn()));
        item(facts, "Due", UkDates.format(request.dueOn()) + " · " + request.deadlineWords());
        item(facts, "Asked for by", "the client; recorded by " + request.recordedBy());
        item(facts, "Status", request.status().label() + (request.reviewedAt() == null ? ""
                : " (" + request.reviewedBy() + ", " + TIME.format(request.reviewedAt()) + ")"));
        add(facts, new Paragraph(next.open()
                ? "This is everything the client would receive. Withhold a part only if giving it to them would be "
                + "likely to cause serious harm to their physical or mental health, or to someone else's (Data "
                + "Protection Act 2018, Schedule 3, Part 2), and say why. The client is told in general words that "
                + "some information was withheld, never what it was."
                : "You have decided this request. What you withheld, and why, is shown with each part."), message);
        String group = null;
        for (DisclosureItem item : next.items()) {
            if (!item.group().equals(group)) {
                group = item.group();
                add(new H3(group));
            }
            add(itemRow(item, next.withheld().get(item.key()), typed.get(item.key()), next.open()));
        }
        add(alsoIncluded(next.export()));
        if (next.open()) {
            var approve = new Button("Approve release", click -> approve());
            approve.setId("disclosure-approve");
            approve.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            add(approve);
        }
    }

    private Div itemRow(DisclosureItem item, @Nullable String withheldReason, @Nullable String typed, boolean open) {
        var row = new Div();
        row.addClassName("disclosure-item");
        var title = new Span(item.title());
        title.addClassName("disclosure-item-title");
        var text = new Paragraph(item.text());
        text.addClassName("disclosure-item-text");
        var withhold = new Checkbox("Withhold this from the client");
        var reason = new TextArea("Why disclosing it would be likely to cause serious harm");
        reason.setMaxLength(WithheldPart.REASON_MAX);
        reason.setWidthFull();
        String start = typed != null ? typed : withheldReason;
        withhold.setValue(start != null);
        reason.setValue(start == null ? "" : start);
        reason.setVisible(start != null);
        withhold.addValueChangeListener(change -> {
            reason.setVisible(change.getValue());
            row.setClassName("disclosure-withheld", change.getValue());
        });
        row.setClassName("disclosure-withheld", start != null);
        withhold.setReadOnly(!open);
        reason.setReadOnly(!open);
        row.add(title, text, withhold, reason);
        choices.put(item.key(), new Choice(item, withhold, reason));
        return row;
    }

    /** The rest of the export, shown so the clinician sees the whole of it; these parts are not withheld here. */
    private Component alsoIncluded(SubjectAccessExport export) {
        var box = new Div();
        box.addClassName("disclosure-also");
        box.add(new H3("Also in the files"), new Paragraph("Who the client is, their consent, their sessions and who "
                + "read or changed their record are theirs to have and are not withheld here; if something in them "
                + "concerns you, speak to the practice manager before the release."));
        var client = export.client();
        var about = new DescriptionList();
        about.addClassName("session-details");
        item(about, "Name", client.fullName());
        item(about, "Email", client.email());
        item(about, "Phone", client.phone());
        item(about, "Status", client.status());
        box.add(about);
        var sessions = new Div();
        export.appointments().forEach(s -> sessions.add(new Paragraph(TIME.format(s.start()) + " · " + s.type()
                + " with " + s.therapist() + " · " + s.state() + (s.cancelReason() == null ? ""
                : " · " + s.cancelReason()))));
        box.add(new Details("Sessions (" + export.appointments().size() + ")", sessions));
        box.add(new Paragraph("The files also carry the emails the practice sent the client (booking "
                + "confirmations, reminders): names, times and places only."));
        var log = new Div();
        export.accessLog().forEach(line -> log.add(new Paragraph(time(line.at()) + " · " + line.staff() + " · "
                + line.action() + (line.detail() == null ? "" : " · " + line.detail()))));
        box.add(new Details("Who read or changed the record (" + export.accessLog().size() + ")", log));
        export.leftOut().forEach(line -> box.add(new Paragraph(line)));
        return box;
    }

    private void approve() {
        Map<String, String> withheld = new LinkedHashMap<>();
        List<TextArea> missing = new ArrayList<>();
        choices.forEach((key, choice) -> {
            if (Boolean.TRUE.equals(choice.withhold().getValue())) {
                String why = choice.reason().getValue().strip();
                if (why.isEmpty()) {
                    choice.reason().setInvalid(true);
                    choice.reason().setErrorMessage("Say why giving this to the client would be likely to cause "
                            + "serious harm.");
                    missing.add(choice.reason());
                } else {
                    withheld.put(key, why);
                }
            }
        });
        if (!missing.isEmpty()) {
            message.setText("Give the reason for each part you withhold.");
            missing.getFirst().focus();
            return;
        }
        DisclosureReview current = review;
        if (current == null) {
            return;
        }
        try {
            reviews.approve(Objects.requireNonNull(requestId), withheld, current.content());
            Notification.show(withheld.isEmpty() ? "Release approved." : "Release approved with " + withheld.size()
                    + (withheld.size() == 1 ? " part" : " parts") + " withheld.", 5000,
                    Notification.Position.BOTTOM_START).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            getUI().ifPresent(ui -> ui.navigate(DisclosureReviewsView.class));
        } catch (SubjectAccessRefused.ReviewOutdated changed) {
            render(reviews.open(Objects.requireNonNull(requestId)), withheld);
            message.setText(changed.getMessage());
        } catch (SubjectAccessRefused refused) {
            message.setText(refused.getMessage());
        }
    }

    private static String time(@Nullable Instant instant) {
        return instant == null ? "" : TIME.format(instant);
    }

    private static void item(DescriptionList list, String term, @Nullable String description) {
        if (description != null && !description.isBlank()) {
            list.add(new DescriptionList.Term(term), new DescriptionList.Description(description));
        }
    }
}
