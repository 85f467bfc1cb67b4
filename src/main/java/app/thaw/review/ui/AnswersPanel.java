package app.thaw.review.ui;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableBody;
import com.vaadin.flow.component.html.NativeTableCell;
import com.vaadin.flow.component.html.NativeTableHeader;
import com.vaadin.flow.component.html.NativeTableHeaderCell;
import com.vaadin.flow.component.html.NativeTableRow;

import app.thaw.intake.Amendment;
import app.thaw.intake.SubmittedIntake;
import app.thaw.intake.questionnaire.AnswerText;
import app.thaw.intake.questionnaire.Item;
import app.thaw.intake.questionnaire.QuestionnaireDefinition;
import app.thaw.intake.questionnaire.Section;
import app.thaw.intake.questionnaire.Visibility;

import org.jspecify.annotations.Nullable;

/**
 * The answers section by section, worded exactly as the client's questionnaire version asked them;
 * for a couple, the partner's answers beside them with the widest gaps highlighted.
 */
class AnswersPanel extends Div {

    /** The answer as submitted, and under it the latest dated correction, if any. */
    static NativeTableCell answerCell(SubmittedIntake intake, Item item) {
        var cell = new NativeTableCell();
        fill(cell, intake, item);
        return cell;
    }

    private static void fill(NativeTableCell cell, SubmittedIntake intake, Item item) {
        QuestionnaireDefinition definition = intake.questionnaire();
        cell.setText(AnswerText.describe(definition, item, intake.answers().multi(item.id())));
        intake.latestAmendment(item.id()).ifPresent(amendment -> {
            var note = new com.vaadin.flow.component.html.Div("Corrected " + RiskPanel.WHEN.format(amendment.amendedAt())
                    + " by " + amendment.amendedBy() + ": " + AnswerText.describe(definition, item, amendment.values())
                    + " (" + amendment.reason() + ")");
            note.addClassName("answer-amendment");
            cell.add(note);
        });
    }

    /** The client's answer cell of each question shown, so a correction redraws only its own cell. */
    private final Map<String, NativeTableCell> cells = new HashMap<>();
    private SubmittedIntake intake;

    AnswersPanel(SubmittedIntake intake, @Nullable SubmittedIntake partner, List<String> mostDifferent) {
        this.intake = intake;
        addClassName("answers-panel");
        QuestionnaireDefinition definition = intake.questionnaire();
        Visibility visibility = Visibility.of(definition);
        Set<String> highlighted = Set.copyOf(mostDifferent);
        for (Section section : definition.sections()) {
            var table = new NativeTable();
            table.addClassName("answers-table");
            // the partners by name, as the therapist will speak to them; the references are in the header above
            var head = new NativeTableRow(new NativeTableHeaderCell("Question"),
                    new NativeTableHeaderCell(partner == null ? "Answer" : intake.fullName()));
            if (partner != null) {
                table.addClassName("couple");
                head.add(new NativeTableHeaderCell("Partner: " + partner.fullName()));
            }
            table.add(new NativeTableHeader(head));
            var body = new NativeTableBody();
            for (Item item : section.items()) {
                boolean shown = visibility.isVisible(item, intake.answers())
                        || partner != null && visibility.isVisible(item, partner.answers());
                if (!shown) {
                    continue;
                }
                NativeTableCell cell = answerCell(intake, item);
                cells.put(item.id(), cell);
                var row = new NativeTableRow(new NativeTableHeaderCell(item.text()), cell);
                row.getElement().setAttribute("data-item", item.id());
                if (partner != null) {
                    // on a phone the question spans the row and each answer is named under it (CSS)
                    cell.getElement().setAttribute("data-partner", intake.fullName());
                    var partnersAnswer = new NativeTableCell(AnswerText.describe(definition, item,
                            partner.answers().multi(item.id())));
                    partnersAnswer.getElement().setAttribute("data-partner", partner.fullName());
                    row.add(partnersAnswer);
                    if (highlighted.contains(item.id())) {
                        row.addClassName("partners-differ");
                        row.getElement().setAttribute("title", "The partners' answers differ widely here");
                    }
                }
                body.add(row);
            }
            table.add(body);
            // sections sit under the case view's "Answers" heading (H3)
            add(new H4(section.title()), table);
        }
    }

    /**
     * Shows the corrections as they stand now, redrawing only the cells whose latest correction changed: the answers
     * already on screen are neither read nor decrypted again.
     */
    void refreshAmendments(List<Amendment> amendments) {
        SubmittedIntake before = intake;
        intake = intake.withAmendments(amendments);
        for (Item item : intake.questionnaire().items()) {
            NativeTableCell shown = cells.get(item.id());
            if (shown != null && !before.latestAmendment(item.id()).equals(intake.latestAmendment(item.id()))) {
                fill(shown, intake, item);
            }
        }
    }

    /** The intake as shown, with its corrections: what a correction dialog starts from. */
    SubmittedIntake intake() {
        return intake;
    }
}
