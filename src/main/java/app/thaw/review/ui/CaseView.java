package app.thaw.review.ui;

import java.util.List;
import java.util.Objects;
import java.util.Set;

import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
import com.vaadin.flow.component.Shortcuts;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;

import jakarta.annotation.security.RolesAllowed;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;

import app.thaw.base.ids.CaseReference;
import app.thaw.base.ids.StaffId;
import app.thaw.base.ids.IntakeId;
import app.thaw.base.ui.MainLayout;
import app.thaw.base.ui.Toasts;
import app.thaw.caseaccess.CaseNotFound;
import app.thaw.intake.SubmittedIntake;
import app.thaw.review.CareActions;
import app.thaw.review.CaseActionRefused;
import app.thaw.review.CaseAssignments;
import app.thaw.review.CaseDetail;
import app.thaw.review.CaseOpeningService;
import app.thaw.review.CasePart;
import app.thaw.review.CaseParts;
import app.thaw.review.CaseTransferExport;
import app.thaw.review.CaseWorkService;
import app.thaw.review.FactorService;
import app.thaw.review.LetterService;
import app.thaw.review.ReferralService;
import app.thaw.security.Roles;
import app.thaw.security.CurrentUser;
import app.thaw.security.StaffAccountService;

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
    private final CurrentUser currentUser;
    private final @Nullable CaseTransferExport transfer;
    private String reference = "";
    private long intakeId;
    /** What the therapist has typed but not yet saved, kept when the same case is opened again. */
    private String riskNoteDraft = "";
    private String noteDraft = "";
    /** What is on screen for the open case; none before it is opened. */
    private @Nullable ShownCase shown;

    public CaseView(CaseOpeningService opening, CaseWorkService work, FactorService factors,
                    CaseAssignments assignments, ReferralService referrals, LetterService letters, CareActions care,
                    StaffAccountService staff, CurrentUser currentUser, ObjectProvider<CaseTransferExport> transfer) {
        this.currentUser = currentUser;
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
        KeyboardHelp.openOnQuestionMark(this);
        Shortcuts.addShortcutListener(this, () -> step(1), Key.KEY_J, KeyModifier.ALT);
        Shortcuts.addShortcutListener(this, () -> step(-1), Key.KEY_K, KeyModifier.ALT);
        Shortcuts.addShortcutListener(this, () -> getElement().executeJs(
                "const f = this.querySelector('#factors'); if (f) { f.scrollIntoView(); f.focus(); }"),
                Key.KEY_T, KeyModifier.ALT);
        Shortcuts.addShortcutListener(this, () -> act(() -> assignments.assignToMe(IntakeId.of(currentIntakeId())),
                "Assigned to you.", "assign-to-me", "risk", CaseSections.ASSIGNED), Key.KEY_A, KeyModifier.ALT);
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

    /** Opens the case and builds the view; false when the case is missing or not this therapist's. */
    private boolean render() {
        // text that is no reference finds nothing, as a reference that is no case does
        var opened = CaseReference.typed(reference).flatMap(opening::openCase);
        if (opened.isEmpty()) {
            return false;
        }
        removeAll();
        var now = new ShownCase(opened.get());
        shown = now;
        SubmittedIntake intake = now.detail.intake();
        intakeId = intake.id();
        add(now.header);
        if (intake.urgent()) {
            now.risk = new RiskPanel(now.detail, riskNoteDraft, draft -> riskNoteDraft = draft,
                    note -> act(() -> {
                        work.acknowledgeRisk(IntakeId.of(intake.id()), note);
                        riskNoteDraft = "";
                    }, "Risk review recorded.", "risk-note", "risk", CaseSections.ASSIGNED));
            add(now.risk);
        }
        if (now.locked()) {
            // the answers are there to read before the review is written; nothing can be done with them yet
            var locked = new Div(now.scores, new H3("Answers"), now.answers);
            locked.addClassName("case-main");
            locked.addClassName("case-read-only");
            add(locked);
        } else {
            unlock(now);
        }
        return true;
    }

    /** Adds what can be done with the case beside the answers already on screen (once the risk is reviewed). */
    private void unlock(ShownCase now) {
        getChildren().filter(child -> child.hasClassName("case-read-only")).toList().forEach(this::remove);
        CaseDetail detail = now.detail;
        long id = intakeId;
        var sections = new CaseSections(
                new FactorsPanel(detail.factors(), factors.factorTags(),
                        (tag, decision) -> act(() -> factors.decideFactor(IntakeId.of(id), tag, decision), null,
                                FactorsPanel.buttonId(tag, decision), "factor-" + tag, CaseSections.FACTOR)),
                new ReferralPanel(detail, referrals, letters, () -> {
                    if (!refresh(CaseSections.REFERRAL)) {
                        UI.getCurrent().navigate(ReviewQueueView.class);
                        return;
                    }
                    focus("referral", "referral");
                }),
                new CareStagePanel(detail, care, action -> act(action, "Done.", "care-stage", "care-stage",
                        CaseSections.CARE)),
                new SessionNotesPanel(detail.sessionNotes()),
                new NotesPanel(detail.notes(), detail.history(), noteDraft, draft -> noteDraft = draft,
                        text -> act(() -> work.addNote(IntakeId.of(id), text), "Note added.", "new-note", "new-note",
                                CaseSections.NOTE)));
        now.sections = sections;
        var actions = new CaseActionBar(detail.intake().reference(), id, staff.activeTherapists(),
                currentUser.require().id(), transfer,
                () -> act(() -> assignments.assignToMe(IntakeId.of(id)), "Assigned to you.", "assign-to-me",
                        "assign-to", CaseSections.ASSIGNED),
                therapist -> act(() -> assignments.assign(IntakeId.of(id), therapist == null ? null
                        : StaffId.of(therapist.id())), therapist == null ? "Returned to the shared queue."
                        : "Assigned to " + therapist.displayName() + ".", "assign-to", "assign-to",
                        CaseSections.ASSIGNED),
                () -> new AmendAnswerDialog(now.answers.intake(),
                        (item, values, reason) -> work.amendAnswer(IntakeId.of(id), item, values, reason),
                        () -> act(() -> { }, "Correction saved.", "case-actions", "case-actions",
                                CaseSections.CORRECTION)).open());
        actions.refresh(detail.state());
        now.actions = actions;
        add(actions);
        var side = new Div(now.scores, sections.factors(), sections.referral(), sections.care(),
                sections.sessionNotes(), sections.notes());
        side.addClassName("case-side");
        var main = new Div(new H3("Answers"), now.answers);
        main.addClassName("case-main");
        var columns = new Div(main, side);
        columns.addClassName("case-columns");
        add(columns);
    }

    /**
     * Reads again only the {@code parts} an action changed and redraws only their sections: the answers on screen
     * stay as they are, never read or decrypted again. False when the case can no longer be seen.
     */
    private boolean refresh(Set<CasePart> parts) {
        ShownCase now = Objects.requireNonNull(shown, "a case is open");
        CaseParts fresh;
        try {
            fresh = opening.reread(IntakeId.of(intakeId), parts);
        } catch (CaseNotFound gone) {
            return false;
        }
        boolean wasLocked = now.locked();
        now.detail = CaseSections.merge(now.detail, fresh);
        if (fresh.state() != null || fresh.stage() != null) {
            now.header.refresh(now.detail);
        }
        if (fresh.state() != null && now.actions != null) {
            now.actions.refresh(now.detail.state());
        }
        if (fresh.state() != null && now.risk != null) {
            now.risk.refresh(now.detail.state(), riskNoteDraft);
        }
        if (fresh.amendments() != null) {
            now.answers.refreshAmendments(fresh.amendments());
            // a corrected address, number or safe way of contact shows in the header at once
            now.header.refresh(now.detail);
        }
        if (now.sections != null) {
            now.sections.refresh(fresh);
        } else if (wasLocked && !now.locked()) {
            unlock(now);
        }
        return true;
    }

    /**
     * Runs a case action, explains a refusal where the therapist is looking, then shows the fresh state of the
     * {@code parts} the action changes (every part but the answers after a refusal or a colleague's change) and puts
     * keyboard focus back where the action was taken ({@code focusId}, else {@code fallbackId}). True when the action
     * was done.
     */
    private boolean act(Runnable action, @Nullable String confirmation, String focusId, String fallbackId,
                        Set<CasePart> parts) {
        Set<CasePart> changed = CaseSections.EVERYTHING;
        boolean done = false;
        try {
            action.run();
            done = true;
            changed = parts;
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
        if (!refresh(changed)) {
            UI.getCurrent().navigate(ReviewQueueView.class);
            return done;
        }
        focus(focusId, fallbackId);
        return done;
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
