package app.thaw.review.ui;

import java.util.List;
import java.util.Map;
import java.util.Set;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;

import app.thaw.intake.SubmittedIntake;
import app.thaw.review.CaseDetail;
import app.thaw.review.CaseLinks;

/**
 * Whose case it is and where it stands: the reference and name, then type, status, assignee, sent, contacts, and the
 * ways the client said it is safe to reach them, beside the number a therapist might otherwise just ring.
 */
class CaseHeader extends Div {

    private static final Map<String, String> WAYS = Map.of("email", "email", "phone", "phone calls",
            "text", "text messages", "voicemail", "voicemail messages");

    private final Paragraph facts = new Paragraph();
    private final Paragraph contact = new Paragraph();

    CaseHeader(CaseDetail detail) {
        SubmittedIntake intake = detail.intake();
        String name = intake.fullName() + (intake.preferredName() == null ? "" : " (" + intake.preferredName() + ")");
        facts.addClassName("case-facts");
        contact.addClassName("case-contact");
        add(new H2(intake.reference() + " · " + name), facts, contact);
        addClassName("case-header");
        if (detail.partner() != null) {
            SubmittedIntake partner = detail.partner();
            var couple = new Paragraph("Couple case with " + partner.fullName() + " (");
            couple.add(new Anchor("staff/cases/" + partner.reference(), partner.reference()));
            couple.add("): neither partner can see the other's answers.");
            couple.addClassName("case-partner");
            add(couple);
            if (detail.partnerRiskToReview()) {
                // the risk is in the partner's case, a page away: say so where joint work is being planned
                var risk = new Paragraph(partner.fullName() + "'s answers raised an urgent risk that no therapist has "
                        + "reviewed yet: no session can be booked for either partner until one has. ");
                risk.add(new Anchor(CaseLinks.risk(partner.reference()), "Review the risk in " + partner.reference()));
                risk.addClassName("partner-risk");
                add(risk);
            }
        }
        refresh(detail);
    }

    /** The status, the assignee and the contact details as they stand now; the rest of the header never changes. */
    void refresh(CaseDetail detail) {
        SubmittedIntake intake = detail.intake();
        facts.setText(String.join(" · ", intake.requestedType().label(), detail.stage().status().label(),
                detail.state().assigneeName() == null ? "Unassigned" : "Assigned to " + detail.state().assigneeName(),
                "Sent " + RiskPanel.WHEN.format(intake.submittedAt()), intake.currentText("about.email", intake.email()),
                intake.currentText("about.phone", intake.phone())));
        Set<String> ways = intake.safeContactWays();
        contact.setText(safeWays(ways));
        contact.getElement().getClassList().set("case-contact-none", ways.isEmpty());
    }

    static String safeWays(Set<String> ways) {
        if (ways.isEmpty()) {
            return "No way of contact is safe: the client said they will contact the practice themselves.";
        }
        // in the form's own order
        List<String> named = List.of("email", "phone", "text", "voicemail").stream().filter(ways::contains)
                .map(WAYS::get).toList();
        return "Safe to contact by " + (named.size() == 1 ? named.getFirst()
                : String.join(", ", named.subList(0, named.size() - 1)) + " and " + named.getLast()) + " only.";
    }
}
