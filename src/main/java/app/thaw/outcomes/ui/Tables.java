package app.thaw.outcomes.ui;

import java.util.List;

import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableRow;

/** Plain HTML tables: the table alternative of every chart, read by screen readers cell by cell. */
final class Tables {

    private Tables() {
    }

    static NativeTable of(String caption, List<String> headers, List<List<String>> rows) {
        var table = new NativeTable();
        table.setCaptionText(caption);
        table.addClassName("outcome-table");
        NativeTableRow head = table.getHead().addRow();
        headers.forEach(h -> {
            var cell = head.addHeaderCell();
            cell.setText(h);
            cell.getElement().setAttribute("scope", "col");
        });
        var body = table.getBody();
        for (List<String> row : rows) {
            NativeTableRow tr = body.addRow();
            for (int i = 0; i < row.size(); i++) {
                if (i == 0) {
                    var cell = tr.addHeaderCell();
                    cell.setText(row.get(i));
                    cell.getElement().setAttribute("scope", "row");
                } else {
                    tr.addDataCell().setText(row.get(i));
                }
            }
        }
        return table;
    }
}
