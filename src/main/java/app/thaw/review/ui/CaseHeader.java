package app.thaw.review.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;

import app.thaw.intake.SubmittedIntake;
import app.thaw.review.CaseDetail;

/** Whose case it is and where it stands: the reference and name, then type, status, assignee, sent, contacts. */
class CaseHeader extends Div {

    private final Paragraph facts = new Paragraph();

    CaseHeader(CaseDetail detail) {
        SubmittedIntake intake = detail.intake();
        String name = intake.fullName() + (intake.preferredName() == null ? "" : " (" + intake.preferredName() + ")");
        facts.addClassName("case-facts");
        add(new H2(intake.reference() + " · " + name), facts);
        addClassName("case-header");
        if (detail.partner() != null) {
            add(new Paragraph("Couple case with partner " + detail.partner().reference()
                    + ": neither partner can see the other's answers."));
        }
        refresh(detail);
    }

    /** The status and the assignee as they stand now; the rest of the header never changes. */
    void refresh(CaseDetail detail) {
        SubmittedIntake intake = detail.intake();
        facts.setText(String.join(" · ", intake.requestedType().label(), detail.stage().status().label(),
                detail.state().assigneeName() == null ? "Unassigned" : "Assigned to " + detail.state().assigneeName(),
                "Sent " + RiskPanel.WHEN.format(intake.submittedAt()), intake.email(), intake.phone()));
    }
}
