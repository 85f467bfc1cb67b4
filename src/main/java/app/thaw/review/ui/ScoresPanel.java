package app.thaw.review.ui;

import java.util.Optional;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableBody;
import com.vaadin.flow.component.html.NativeTableCell;
import com.vaadin.flow.component.html.NativeTableHeader;
import com.vaadin.flow.component.html.NativeTableHeaderCell;
import com.vaadin.flow.component.html.NativeTableRow;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;

import org.jspecify.annotations.Nullable;

import app.thaw.intake.SubmittedIntake;
import app.thaw.intake.questionnaire.Score;

/**
 * Section scores and the PHQ-9 / GAD-7 totals with their published bands, for a couple both partners' side by side.
 * Screening, not diagnosis.
 */
class ScoresPanel extends Div {

    ScoresPanel(SubmittedIntake intake, @Nullable SubmittedIntake partner) {
        addClassName("scores-panel");
        var table = new NativeTable();
        table.addClassName("scores-table");
        if (partner != null) {
            table.add(new NativeTableHeader(new NativeTableRow(new NativeTableHeaderCell("Score"),
                    new NativeTableHeaderCell(intake.fullName()),
                    new NativeTableHeaderCell("Partner: " + partner.fullName()))));
        }
        var body = new NativeTableBody();
        for (Score score : intake.scores()) {
            var row = new NativeTableRow(new NativeTableHeaderCell(score.label()));
            row.getElement().setAttribute("data-score", score.id());
            if (partner == null) {
                row.add(new NativeTableCell(total(score)), new NativeTableCell(band(score)));
            } else {
                row.add(both(Optional.of(score)), both(partner.scores().stream()
                        .filter(theirs -> theirs.id().equals(score.id())).findFirst()));
            }
            body.add(row);
        }
        table.add(body);
        var note = new Paragraph("Scores are screening measures, not a diagnosis.");
        note.addClassName("panel-note");
        add(new H3("Scores"), table, note);
    }

    /** A partner on another questionnaire version may not have this score at all. */
    private static NativeTableCell both(Optional<Score> score) {
        var cell = new NativeTableCell();
        score.ifPresentOrElse(shown -> {
            cell.add(total(shown));
            if (!band(shown).isEmpty()) {
                cell.add(" " + band(shown));
            }
        }, () -> cell.setText("—"));
        return cell;
    }

    private static Span total(Score score) {
        var total = new Span(score.total() + " / " + score.max());
        total.addClassName("score-total");
        return total;
    }

    private static String band(Score score) {
        return score.band() == null ? "" : score.band();
    }
}
