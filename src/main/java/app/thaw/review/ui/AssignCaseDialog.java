package app.thaw.review.ui;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;

import org.jspecify.annotations.Nullable;

import app.thaw.base.ids.StaffId;
import app.thaw.base.ids.IntakeId;
import app.thaw.caseaccess.CaseNotFound;
import app.thaw.review.CaseActionRefused;
import app.thaw.review.CaseAssignments;
import app.thaw.review.QueueRow;
import app.thaw.security.StaffRole;
import app.thaw.security.StaffSummary;
import app.thaw.base.ui.Toasts;

/**
 * The practice manager gives a case (with the partner's, for a couple) to a therapist or back to the shared queue,
 * with the reason for the history; they see who and when, never what the client wrote.
 */
class AssignCaseDialog extends Dialog {

    /** "Nobody": the case goes back to the shared queue. */
    private static final StaffSummary SHARED_QUEUE = new StaffSummary(-1, "", "Back to the shared queue", "",
            StaffRole.THERAPIST, true, Instant.EPOCH);

    AssignCaseDialog(QueueRow row, List<StaffSummary> therapists, CaseAssignments assignments, Runnable onAssigned) {
        setHeaderTitle("Assign " + row.reference());
        setWidth("min(32rem, 95vw)");
        var who = new Select<StaffSummary>();
        who.setLabel("Therapist");
        List<StaffSummary> choices = new ArrayList<>(therapists);
        choices.add(SHARED_QUEUE);
        who.setItems(choices);
        who.setItemLabelGenerator(StaffSummary::displayName);
        // at the select's own width a 320 px phone showed "Back to the shared q"
        who.setWidthFull();
        var reason = new TextArea("Reason (kept in the case history)");
        reason.setMaxLength(CaseAssignments.REASON_MAX);
        reason.setWidthFull();
        reason.setHelperText("For example: Amira on leave until March; couples caseload.");
        var problem = new Paragraph();
        problem.addClassName("dialog-problem");
        problem.getElement().setAttribute("role", "alert");
        var save = new Button("Assign", click -> {
            if (who.getValue() == null) {
                who.setInvalid(true);
                who.setErrorMessage("Choose a therapist, or the shared queue");
                return;
            }
            try {
                assignments.reassign(IntakeId.of(row.intakeId()), StaffId.ofNullable(therapistId(who.getValue())),
                        reason.getValue());
                Toasts.success(who.getValue() == SHARED_QUEUE ? row.reference() + " is back in the shared queue."
                        : row.reference() + " is now assigned to " + who.getValue().displayName() + ".");
                close();
                onAssigned.run();
            } catch (CaseActionRefused | CaseNotFound refused) {
                problem.setText(refused.getMessage());
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(new Paragraph(row.reference() + " · " + row.name() + " · "
                + (row.assigneeName() == null ? "unassigned" : "now with " + row.assigneeName())), who, reason,
                problem);
        getFooter().add(new Button("Cancel", click -> close()), save);
    }

    private static @Nullable Long therapistId(StaffSummary choice) {
        return choice == SHARED_QUEUE ? null : choice.id();
    }
}
