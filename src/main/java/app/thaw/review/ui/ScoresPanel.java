package app.thaw.review.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableBody;
import com.vaadin.flow.component.html.NativeTableCell;
import com.vaadin.flow.component.html.NativeTableHeaderCell;
import com.vaadin.flow.component.html.NativeTableRow;
import com.vaadin.flow.component.html.Paragraph;

import app.thaw.intake.SubmittedIntake;
import app.thaw.intake.questionnaire.Score;

/** Section scores and the PHQ-9 / GAD-7 totals with their published bands. Screening, not diagnosis. */
class ScoresPanel extends Div {

    ScoresPanel(SubmittedIntake intake) {
        addClassName("scores-panel");
        var body = new NativeTableBody();
        for (Score score : intake.scores()) {
            body.add(new NativeTableRow(new NativeTableHeaderCell(score.label()),
                    new NativeTableCell(score.total() + " / " + score.max()),
                    new NativeTableCell(score.band() == null ? "" : score.band())));
        }
        var table = new NativeTable(body);
        table.addClassName("scores-table");
        var note = new Paragraph("Scores are screening measures, not a diagnosis.");
        note.addClassName("panel-note");
        add(new H3("Scores"), table, note);
    }
}
