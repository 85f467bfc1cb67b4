package app.thaw.privacy.ui;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Function;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.DescriptionList;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;

import org.jspecify.annotations.Nullable;

import app.thaw.base.ids.AccessRequestId;
import app.thaw.base.ids.IntakeId;
import app.thaw.base.ids.StaffId;
import app.thaw.base.PracticeTime;
import app.thaw.privacy.AccessRequestStatus;
import app.thaw.privacy.AccessRequestView;
import app.thaw.privacy.ExportFile;
import app.thaw.privacy.ReviewerChoice;
import app.thaw.privacy.SubjectAccessRefused;
import app.thaw.privacy.SubjectAccessRequests;
import app.thaw.privacy.domain.AccessRequest;

/**
 * One client's subject access requests on the practice manager's privacy page: record one (date received, the
 * clinician who reviews it), follow its deadline and state, extend or withdraw it, and download the files once the
 * clinician approved them. Dates, people and states only: nothing clinical is shown.
 */
class SubjectAccessPanel extends Div {

    private static final DateTimeFormatter TIME = PracticeTime.DATE_COMMA_TIME;

    private final SubjectAccessRequests service;
    private final long intakeId;
    private final boolean couple;
    private final LocalDate today;
    private final Paragraph message = new Paragraph();
    private final DescriptionList facts = new DescriptionList();

    SubjectAccessPanel(SubjectAccessRequests service, long intakeId, boolean couple, LocalDate today) {
        this.service = service;
        this.intakeId = intakeId;
        this.couple = couple;
        this.today = today;
        addClassName("subject-access-panel");
        message.setId("sar-message");
        message.getElement().setAttribute("role", "status");
        render();
    }

    void render() {
        removeAll();
        List<AccessRequestView> all = service.requests(IntakeId.of(intakeId));
        AccessRequestView open = all.stream().filter(r -> r.status().open()).findFirst().orElse(null);
        add(new H3("Subject access request"), message);
        if (open != null) {
            show(open);
        } else {
            if (!all.isEmpty()) {
                show(all.getFirst());
            }
            add(recordForm());
        }
        List<AccessRequestView> earlier = all.stream().skip(1).filter(r -> r != open).toList();
        if (!earlier.isEmpty()) {
            var list = new Div();
            list.addClassName("sar-earlier");
            earlier.forEach(r -> list.add(new Paragraph("Received " + UkDates.format(r.receivedOn()) + " · "
                    + r.status().label() + (r.releasedAt() == null ? "" : " " + TIME.format(r.releasedAt())))));
            add(new H4("Earlier requests"), list);
        }
    }

    private Div recordForm() {
        var form = new Div();
        form.addClassName("sar-record");
        var received = UkDates.picker("Date received", today);
        received.setId("sar-received");
        received.setRequiredIndicatorVisible(true);
        received.setHelperText("When the request reached the practice (letter, email or in person).");
        var due = new Paragraph();
        due.setId("sar-due-preview");
        received.addValueChangeListener(change -> due.setText(change.getValue() == null
                || change.getValue().isAfter(today) ? ""
                : "It must be answered by " + UkDates.format(app.thaw.privacy.SubjectAccessDeadline.due(
                        change.getValue(), 0)) + "."));
        ReviewerChoice choice = service.reviewerChoice(IntakeId.of(intakeId));
        Select<ReviewerChoice.Reviewer> reviewer = reviewerSelect(choice, null);
        var record = new Button("Record request", click -> {
            if (received.getValue() == null) {
                received.setInvalid(true);
                received.setErrorMessage("Enter the date the request was received as day/month/year, for example "
                        + "31/01/2026.");
                return;
            }
            act(() -> service.record(IntakeId.of(intakeId), received.getValue(),
                    reviewer.getValue() == null ? null : StaffId.of(reviewer.getValue().id())), "Request recorded.");
        });
        record.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        record.setEnabled(!choice.reviewers().isEmpty());
        var fields = new FlexLayout(received, reviewer, record);
        fields.addClassName("queue-filters");
        fields.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        form.add(new Paragraph("A client may ask for a copy of everything the practice holds about them. Record the "
                + "request the day it arrives: it must be answered within one calendar month. Their clinician "
                + "reviews the files before anything is released."), fields, due);
        if (choice.reviewers().isEmpty()) {
            form.add(new Paragraph("No therapist can review this client's record yet: assign the case to a therapist "
                    + "first (Cases), then record the request."));
        }
        return form;
    }

    private Select<ReviewerChoice.Reviewer> reviewerSelect(ReviewerChoice choice, @Nullable Long current) {
        Select<ReviewerChoice.Reviewer> select = new Select<>();
        select.setLabel("Clinician to review");
        select.setId("sar-reviewer");
        select.setItems(choice.reviewers());
        // the list says how each clinician knows the client; the chosen one's name alone fits the field on a phone
        select.setTextRenderer(r -> r.name() + " · " + r.relation());
        select.setItemLabelGenerator(ReviewerChoice.Reviewer::name);
        select.setWidthFull();
        select.setMaxWidth("24rem");
        Long preselect = current != null ? current : choice.suggested();
        choice.reviewers().stream().filter(r -> preselect != null && r.id() == preselect).findFirst()
                .ifPresent(select::setValue);
        if (preselect == null && !choice.reviewers().isEmpty()) {
            select.setHelperText("The case has no therapist and no sessions yet: choose who reviews it.");
        }
        return select;
    }

    private void show(AccessRequestView request) {
        facts.setId("sar-facts");
        facts.addClassName("session-details");
        fill(request);
        add(facts);
        if (request.status() == AccessRequestStatus.AWAITING_REVIEW) {
            add(changeReviewer(request));
        }
        if (request.status().downloadable()) {
            add(downloads(request));
        }
        if (request.extendable()) {
            add(extend(request));
        }
        if (request.status().open()) {
            add(withdraw(request));
        }
    }

    /** The request's dates, reviewer and state; refilled alone after a download, so the links stay as they are. */
    private void fill(AccessRequestView request) {
        facts.removeAll();
        item(facts, "Received", UkDates.format(request.receivedOn()) + " (recorded by " + request.recordedBy() + ")");
        item(facts, "Due", UkDates.format(request.dueOn()) + (request.status().open()
                ? " · " + request.deadlineWords() : ""));
        if (request.extensionMonths() > 0) {
            item(facts, "Extended", "By " + request.extensionMonths() + (request.extensionMonths() == 1 ? " month: "
                    : " months: ") + request.extensionReason());
        }
        item(facts, "Clinician reviewing", request.reviewerName());
        item(facts, "Status", status(request));
    }

    private String status(AccessRequestView request) {
        return switch (request.status()) {
            case AWAITING_REVIEW -> "Waiting for " + request.reviewerName() + "'s review";
            case APPROVED, APPROVED_WITH_REDACTIONS -> request.status().label() + " by " + request.reviewedBy()
                    + ", " + TIME.format(request.reviewedAt());
            case RELEASED -> "Released " + TIME.format(request.releasedAt()) + " by " + request.releasedBy()
                    + (request.withheldAny() ? " (some information withheld by " + request.reviewedBy() + ")" : "");
            case WITHDRAWN -> "Withdrawn " + TIME.format(request.withdrawnAt()) + ": " + request.withdrawalReason();
        };
    }

    private Div downloads(AccessRequestView request) {
        var links = new HorizontalLayout(
                download(request.id(), service::exportJson, "Download export (JSON)", "privacy-export-json"),
                download(request.id(), service::exportPdf, "Download export (PDF)", "privacy-export-pdf"));
        links.addClassName("case-actions");
        var box = new Div();
        box.add(new Paragraph((request.status() == AccessRequestStatus.RELEASED ? "Download the released files "
                + "again if needed." : "Approved for release: the first download releases the files.")
                + (request.withheldAny() ? " The clinician withheld some information; the files tell the client so "
                + "in general words, without saying what." : "")
                + (couple ? " The partner's answers and notes are left out, and the partner is shown as [partner]."
                : "")), links);
        return box;
    }

    private Anchor download(long accessRequestId, Function<AccessRequestId, ExportFile> export, String text,
            String id) {
        var anchor = new Anchor(DownloadHandler.fromInputStream(event -> {
            try {
                ExportFile file = export.apply(AccessRequestId.of(accessRequestId));
                // the facts only: replacing the links now would break the other one until the page next talks to us
                event.getUI().access(() -> service.requests(IntakeId.of(intakeId)).stream()
                        .filter(r -> r.id() == accessRequestId).findFirst().ifPresent(this::fill));
                return new DownloadResponse(new ByteArrayInputStream(file.content()), file.fileName(),
                        file.contentType(), file.content().length);
            } catch (SubjectAccessRefused refused) {
                event.getUI().access(() -> {
                    render();
                    message.setText(refused.getMessage());
                });
                return DownloadResponse.error(409, refused.getMessage());
            }
        }), AttachmentType.DOWNLOAD, text);
        anchor.setId(id);
        return anchor;
    }

    private Details changeReviewer(AccessRequestView request) {
        Select<ReviewerChoice.Reviewer> reviewer = reviewerSelect(service.reviewerChoice(IntakeId.of(intakeId)),
                request.reviewerId());
        var save = new Button("Change reviewer", click -> {
            if (reviewer.getValue() != null) {
                act(() -> service.changeReviewer(AccessRequestId.of(request.id()),
                        StaffId.of(reviewer.getValue().id())), "Reviewer changed.");
            }
        });
        return details("Choose another reviewer", new FlexLayout(reviewer, save));
    }

    private Details extend(AccessRequestView request) {
        Select<Integer> months = new Select<>();
        months.setLabel("Extend by");
        months.setItems(1, 2);
        months.setItemLabelGenerator(m -> m == 1 ? "1 month" : m + " months");
        months.setValue(2);
        var reason = reasonField("Why (the client must be told, within the first month)");
        var save = new Button("Extend deadline", click -> act(() -> service.extend(AccessRequestId.of(request.id()),
                months.getValue(), reason.getValue()), "Deadline extended."));
        return details("Extend the deadline (complex or numerous requests)", new FlexLayout(months, reason, save));
    }

    private Details withdraw(AccessRequestView request) {
        var reason = reasonField("Why (the client withdrew it, recorded in error, …)");
        var save = new Button("Withdraw request", click -> act(() -> service.withdraw(AccessRequestId.of(request.id()),
                reason.getValue()), "Request withdrawn."));
        save.addThemeVariants(ButtonVariant.LUMO_ERROR);
        return details("Withdraw the request", new FlexLayout(reason, save));
    }

    private static TextArea reasonField(String label) {
        var reason = new TextArea(label);
        reason.setMaxLength(AccessRequest.REASON_MAX);
        reason.setWidthFull();
        reason.setMaxWidth("24rem");
        return reason;
    }

    private static Details details(String summary, FlexLayout content) {
        content.addClassName("queue-filters");
        content.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        content.setAlignItems(FlexLayout.Alignment.BASELINE);
        return new Details(summary, content);
    }

    private void act(Runnable action, String done) {
        try {
            action.run();
            render();
            message.setText(done);
        } catch (SubjectAccessRefused refused) {
            message.setText(refused.getMessage());
        }
    }

    private static void item(DescriptionList list, String term, @Nullable String description) {
        if (description != null && !description.isBlank()) {
            list.add(new DescriptionList.Term(term), new DescriptionList.Description(description));
        }
    }
}
