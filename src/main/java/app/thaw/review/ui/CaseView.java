package app.thaw.review.ui;

import java.io.ByteArrayInputStream;
import java.util.List;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
import com.vaadin.flow.component.Shortcuts;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.dom.DomListenerRegistration;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;

import jakarta.annotation.security.RolesAllowed;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;

import app.thaw.base.ids.StaffId;
import app.thaw.base.ids.IntakeId;
import app.thaw.base.ui.MainLayout;
import app.thaw.caseaccess.CaseNotFound;
import app.thaw.intake.SubmittedIntake;
import app.thaw.review.CaseActionRefused;
import app.thaw.review.CareActions;
import app.thaw.review.CaseAssignments;
import app.thaw.review.CaseOpeningService;
import app.thaw.review.CaseWorkService;
import app.thaw.review.FactorService;
import app.thaw.review.LetterService;
import app.thaw.review.ReferralService;
import app.thaw.review.CaseDetail;
import app.thaw.review.CaseTransferExport;
import app.thaw.security.StaffAccountService;
import app.thaw.security.StaffSummary;
import app.thaw.security.Roles;
import app.thaw.base.ui.Toasts;

/**
 * One case: risk first, then answers and scores, factors, referral, the course of care (status from events), session
 * notes, clinical notes and history. Therapists only.
 */
@Route(value = "staff/cases/:reference", layout = MainLayout.class)
@PageTitle("Case · Thaw")
@RolesAllowed(Roles.THERAPIST)
public class CaseView extends Div implements BeforeEnterObserver {

    private final CaseOpeningService opening;
    private final CaseWorkService work;
    private final FactorService factors;
    private final CaseAssignments assignments;
    private final ReferralService referrals;
    private final LetterService letters;
    private final CareActions care;
    private final StaffAccountService staff;
    private final @Nullable CaseTransferExport transfer;
    private String reference = "";
    private long intakeId;
    /** What the therapist has typed but not yet saved, kept across the redraw after every action. */
    private String riskNoteDraft = "";
    private String noteDraft = "";
    private @Nullable DomListenerRegistration helpKey;

    public CaseView(CaseOpeningService opening, CaseWorkService work, FactorService factors,
                    CaseAssignments assignments, ReferralService referrals, LetterService letters, CareActions care,
                    StaffAccountService staff, ObjectProvider<CaseTransferExport> transfer) {
        this.care = care;
        this.transfer = transfer.getIfAvailable();
        this.opening = opening;
        this.work = work;
        this.factors = factors;
        this.assignments = assignments;
        this.referrals = referrals;
        this.letters = letters;
        this.staff = staff;
        addClassName("case-view");
        Shortcuts.addShortcutListener(this, () -> step(1), Key.KEY_J, KeyModifier.ALT);
        Shortcuts.addShortcutListener(this, () -> step(-1), Key.KEY_K, KeyModifier.ALT);
        Shortcuts.addShortcutListener(this, () -> getElement().executeJs(
                "const f = this.querySelector('#factors'); if (f) { f.scrollIntoView(); f.focus(); }"),
                Key.KEY_T, KeyModifier.ALT);
        Shortcuts.addShortcutListener(this, () -> act(() -> assignments.assignToMe(IntakeId.of(currentIntakeId())),
                "Assigned to you.",
                "assign-to-me", "risk"), Key.KEY_A, KeyModifier.ALT);
    }

    /**
     * "?" opens the shortcut list, except while typing: a shortcut would swallow the question mark in a note.
     * Listens on the UI (like a shortcut does) so it works wherever focus is.
     */
    @Override
    protected void onAttach(AttachEvent attach) {
        super.onAttach(attach);
        helpKey = attach.getUI().getElement().addEventListener("keydown", event -> new KeyboardHelp().open())
                .setFilter("event.key === '?' && !event.ctrlKey && !event.altKey && !event.metaKey"
                        + " && !event.composedPath().some(n => n.localName === 'input'"
                        + " || n.localName === 'textarea' || n.isContentEditable)");
    }

    @Override
    protected void onDetach(DetachEvent detach) {
        if (helpKey != null) {
            helpKey.remove();
            helpKey = null;
        }
        super.onDetach(detach);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String next = event.getRouteParameters().get("reference").orElse("");
        if (!next.equals(reference)) {
            riskNoteDraft = "";
            noteDraft = "";
        }
        reference = next;
        if (!render()) {
            event.rerouteToError(NotFoundException.class);
        }
    }

    private long currentIntakeId() {
        return intakeId;
    }

    /** Rebuilds the view from the service; false when the case is missing or not this therapist's. */
    private boolean render() {
        var detail = opening.openCase(reference);
        if (detail.isEmpty()) {
            return false;
        }
        removeAll();
        CaseDetail caseDetail = detail.get();
        SubmittedIntake intake = caseDetail.intake();
        intakeId = intake.id();
        add(header(caseDetail));
        if (intake.urgent()) {
            add(new RiskPanel(caseDetail, riskNoteDraft, draft -> riskNoteDraft = draft,
                    note -> act(() -> {
                        work.acknowledgeRisk(IntakeId.of(intake.id()), note);
                        riskNoteDraft = "";
                    }, "Risk review recorded.", "risk-note", "risk")));
        }
        if (caseDetail.state().needsRiskReview(intake.urgent())) {
            // the answers are there to read before the review is written; nothing can be done with them yet
            var answers = new Div(new H3("Answers"), new ScoresPanel(intake), new AnswersPanel(intake,
                    caseDetail.partner(), caseDetail.mostDifferentItems()));
            answers.addClassName("case-main");
            answers.addClassName("case-read-only");
            add(answers);
            return true;
        }
        add(actions(caseDetail));
        var side = new Div(new ScoresPanel(intake),
                new FactorsPanel(caseDetail.factors(), factors.factorTags(),
                        (tag, decision) -> act(() -> factors.decideFactor(IntakeId.of(intake.id()), tag, decision),
                                null,
                                FactorsPanel.buttonId(tag, decision), "factor-" + tag)),
                new ReferralPanel(caseDetail, referrals, letters, () -> {
                    render();
                    focus("referral", "referral");
                }),
                new CareStagePanel(caseDetail, care, action -> act(action, "Done.", "care-stage", "care-stage")),
                new SessionNotesPanel(caseDetail.sessionNotes()),
                new NotesPanel(caseDetail.notes(), caseDetail.history(), noteDraft, draft -> noteDraft = draft,
                        text -> act(() -> {
                            work.addNote(IntakeId.of(intake.id()), text);
                            noteDraft = "";
                        }, "Note added.", "new-note", "new-note")));
        side.addClassName("case-side");
        var main = new Div(new H3("Answers"), new AnswersPanel(intake, caseDetail.partner(),
                caseDetail.mostDifferentItems()));
        main.addClassName("case-main");
        var columns = new Div(main, side);
        columns.addClassName("case-columns");
        add(columns);
        return true;
    }

    private Div header(CaseDetail detail) {
        SubmittedIntake intake = detail.intake();
        String name = intake.fullName() + (intake.preferredName() == null ? "" : " (" + intake.preferredName() + ")");
        var title = new H2(intake.reference() + " · " + name);
        var facts = new Paragraph(String.join(" · ", intake.requestedType().label(),
                detail.stage().status().label(),
                detail.state().assigneeName() == null ? "Unassigned" : "Assigned to " + detail.state().assigneeName(),
                "Sent " + RiskPanel.WHEN.format(intake.submittedAt()),
                intake.email(), intake.phone()));
        facts.addClassName("case-facts");
        var header = new Div(title, facts);
        header.addClassName("case-header");
        if (detail.partner() != null) {
            header.add(new Paragraph("Couple case with partner " + detail.partner().reference()
                    + ": neither partner can see the other's answers."));
        }
        return header;
    }

    private HorizontalLayout actions(CaseDetail detail) {
        long id = detail.intake().id();
        var assignToMe = new Button("Assign to me (Alt+A)", click -> act(() -> assignments.assignToMe(IntakeId.of(id)),
                "Assigned to you.", "assign-to-me", "assign-to-me"));
        assignToMe.setId("assign-to-me");
        var colleague = new ComboBox<StaffSummary>("Assign to");
        colleague.setId("assign-to");
        colleague.setItems(staff.activeTherapists());
        colleague.setItemLabelGenerator(StaffSummary::displayName);
        colleague.addValueChangeListener(change -> {
            if (change.isFromClient() && change.getValue() != null) {
                act(() -> assignments.assign(IntakeId.of(id), StaffId.of(change.getValue().id())),
                        "Assigned to " + change.getValue().displayName() + ".", "assign-to", "assign-to");
            }
        });
        // the diary opens its booking dialog for this case, with the partner and the free-slot finder
        var book = new Anchor("staff/calendar?case=" + detail.intake().reference(), "Book a session");
        book.addClassName("book-session-link");
        // the outcome measures' own screen (charts, alerts, what the case is asked)
        var measures = new Anchor("staff/cases/" + detail.intake().reference() + "/measures", "Outcome measures");
        measures.addClassName("outcome-measures-link");
        var amend = new Button("Correct an answer", click -> new AmendAnswerDialog(detail.intake(),
                (item, values, reason) -> work.amendAnswer(IntakeId.of(id), item, values, reason),
                () -> act(() -> { }, "Correction saved.", "case-actions", "case-actions")).open());
        var bar = new HorizontalLayout(assignToMe, colleague, amend, book, measures);
        if (transfer != null) {
            var export = new Anchor(DownloadHandler.fromInputStream(event -> {
                var file = transfer.download(IntakeId.of(id));
                return new DownloadResponse(new ByteArrayInputStream(file.content()), file.fileName(),
                        file.contentType(), file.content().length);
            }), AttachmentType.DOWNLOAD, transfer.label());
            export.addClassName("transfer-download");
            bar.add(export);
        }
        bar.setAlignItems(HorizontalLayout.Alignment.BASELINE);
        bar.addClassName("case-actions");
        return bar;
    }

    /**
     * Runs a case action, explains a refusal where the therapist is looking, then shows the fresh state and puts
     * keyboard focus back where the action was taken ({@code focusId}, else {@code fallbackId}): the redraw
     * replaces every element, and focus would otherwise drop to the top of the page.
     */
    private void act(Runnable action, @Nullable String confirmation, String focusId, String fallbackId) {
        try {
            action.run();
            if (confirmation != null) {
                Toasts.success(confirmation);
            }
        } catch (CaseActionRefused refused) {
            Toasts.problem(refused.getMessage());
        } catch (CaseNotFound gone) {
            // handed to a colleague meanwhile: this therapist may no longer see it
            Toasts.problem(gone.getMessage());
        } catch (org.springframework.dao.OptimisticLockingFailureException concurrent) {
            Toasts.problem("Someone else changed this case just now. Here is the latest version.");
        }
        if (!render()) {
            UI.getCurrent().navigate(ReviewQueueView.class);
            return;
        }
        focus(focusId, fallbackId);
    }

    /** Focuses the element with id {@code id}, else {@code fallbackId}, once the redrawn fields have rendered. */
    private void focus(String id, String fallbackId) {
        getElement().executeJs("setTimeout(() => { const t = this.querySelector('#' + $0) "
                + "|| this.querySelector('#' + $1); if (t) { t.focus(); } })", id, fallbackId);
    }

    private void step(int direction) {
        @SuppressWarnings("unchecked")
        List<String> order = (List<String>) ComponentUtil.getData(UI.getCurrent(), ReviewQueueView.QUEUE_ORDER);
        if (order == null) {
            return;
        }
        int next = order.indexOf(reference) + direction;
        if (next >= 0 && next < order.size()) {
            UI.getCurrent().navigate(CaseView.class, new RouteParameters("reference", order.get(next)));
        }
    }
}
