package app.thaw.review.ui;

import java.util.Objects;
import java.util.function.Consumer;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;

import app.thaw.base.ids.IntakeId;
import app.thaw.care.CaseStage;
import app.thaw.care.CourseOfCare;
import app.thaw.care.TherapyOutcome;
import app.thaw.intake.IntakeStatus;
import app.thaw.review.CareActions;
import app.thaw.review.CaseDetail;
import app.thaw.review.ClosureReason;

/**
 * Where the case stands and its course of care, as its events tell it (nobody sets a status by hand), with the
 * therapist's steps no diary event makes: the waiting list, the end of therapy with its outcome, closing, reopening.
 */
class CareStagePanel extends Div {

    /** Runs a case action the way the case view does (refusals shown, the case redrawn). */
    interface Act extends Consumer<Runnable> {
    }

    private final long id;
    private final boolean couple;
    private final CareActions care;
    private final Act act;

    CareStagePanel(CaseDetail detail, CareActions care, Act act) {
        this.id = detail.intake().id();
        this.couple = detail.partner() != null;
        this.care = care;
        this.act = act;
        addClassName("care-stage");
        setId("care-stage");
        refresh(detail.stage());
    }

    /** Shows where the case stands now, with the steps open from there. */
    void refresh(CaseStage stage) {
        removeAll();
        CourseOfCare course = stage.course();
        add(new H3("Course of care"));
        var status = new Paragraph("Status: " + stage.status().label());
        status.addClassName("care-status");
        add(status);
        if (course.started() != null) {
            add(new Paragraph("In therapy since " + RiskPanel.WHEN.format(course.started()) + " · "
                    + course.attendedSessions() + " attended (" + course.attendedTreatmentSessions()
                    + " treatment) · " + course.missedSessions() + " missed · " + course.sessionsToCome()
                    + " to come"));
        } else if (course.sessionsToCome() > 0) {
            add(new Paragraph(course.sessionsToCome() + (course.sessionsToCome() == 1 ? " session" : " sessions")
                    + " booked; therapy starts with the first one attended."));
        }
        if (course.ended() != null) {
            add(new Paragraph("Therapy ended " + RiskPanel.WHEN.format(course.ended()) + ": "
                    + Objects.requireNonNull(course.outcome(), "ended with an outcome").label()
                    + (course.finishedTreatment() ? " · finished treatment" : " · fewer than two treatment sessions")));
        }
        var both = new Checkbox("For both partners");
        both.setValue(true);
        both.setVisible(couple);
        IntakeStatus now = stage.status();
        if (now == IntakeStatus.REFERRED || now == IntakeStatus.IN_REVIEW) {
            var waiting = new Button("Add to the waiting list", click -> act.accept(() ->
                    care.addToWaitingList(IntakeId.of(id), couple && both.getValue())));
            waiting.setId("add-to-waiting-list");
            add(waiting);
        }
        if (course.inTherapy()) {
            int ahead = course.sessionsToCome();
            var end = new Button("End therapy…", click -> endTherapy(id, couple, ahead, care, act));
            end.setId("end-therapy");
            add(end);
        }
        if (now == IntakeStatus.CLOSED) {
            var reopen = new Button("Reopen the case", click -> act.accept(() -> care.reopenCase(IntakeId.of(id))));
            reopen.setId("reopen-case");
            add(reopen);
        } else if (!course.inTherapy()) {
            var close = new Button("Close the case…", click -> closeCase(id, couple, care, act));
            close.setId("close-case");
            add(close);
        }
        add(both);
    }

    private static void endTherapy(long id, boolean couple, int ahead, CareActions care, Act act) {
        var dialog = new Dialog();
        dialog.setHeaderTitle("End therapy");
        var outcome = new Select<TherapyOutcome>();
        outcome.setLabel("How therapy ended");
        outcome.setItems(TherapyOutcome.values());
        outcome.setItemLabelGenerator(TherapyOutcome::label);
        var both = new Checkbox("For both partners");
        both.setValue(couple);
        both.setVisible(couple);
        // a follow-up already in the diary need not be cancelled and booked again (two emails to the client)
        var keep = new Checkbox("Keep sessions still booked, as review sessions after the end");
        keep.setId("keep-for-review");
        keep.setHelperText(ahead == 1 ? "1 session is still booked. Left unticked, cancel it in the diary first."
                : ahead > 1 ? ahead + " sessions are still booked. Left unticked, cancel them in the diary first."
                : "Only matters if a session is still booked (a partner's too, for both).");
        keep.setVisible(ahead > 0 || couple);
        var end = new Button("End therapy", click -> {
            if (outcome.getValue() == null) {
                outcome.setInvalid(true);
                outcome.setErrorMessage("Choose how therapy ended.");
                return;
            }
            dialog.close();
            act.accept(() -> care.endTherapy(IntakeId.of(id), outcome.getValue(), couple && both.getValue(),
                    keep.getValue()));
        });
        dialog.add(outcome, both, keep);
        dialog.getFooter().add(new Button("Cancel", click -> dialog.close()), end);
        dialog.open();
    }

    private static void closeCase(long id, boolean couple, CareActions care, Act act) {
        var dialog = new Dialog();
        dialog.setHeaderTitle("Close the case");
        var reason = new Select<ClosureReason>();
        reason.setLabel("Why");
        reason.setItems(ClosureReason.values());
        reason.setItemLabelGenerator(ClosureReason::label);
        var both = new Checkbox("For both partners");
        both.setValue(couple);
        both.setVisible(couple);
        var close = new Button("Close the case", click -> {
            if (reason.getValue() == null) {
                reason.setInvalid(true);
                reason.setErrorMessage("Choose why the case is closed.");
                return;
            }
            dialog.close();
            act.accept(() -> care.closeCase(IntakeId.of(id), reason.getValue(), couple && both.getValue()));
        });
        dialog.add(reason, both);
        dialog.getFooter().add(new Button("Cancel", click -> dialog.close()), close);
        dialog.open();
    }
}
