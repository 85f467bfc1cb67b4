package app.thaw.privacy;

import java.awt.Color;

import org.jspecify.annotations.Nullable;
import org.openpdf.text.Document;
import org.openpdf.text.Font;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.Rectangle;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;

import app.thaw.base.pdf.PdfText;

/** Fonts, headings and two-column tables for the export PDF, in built-in Helvetica. */
final class PdfParts {

    static final Color INK = PdfText.INK;
    static final Color MUTED = PdfText.MUTED;
    static final Color ACCENT = PdfText.ACCENT;
    static final Color RULE = PdfText.RULE;

    static final Font TITLE = PdfText.heavy(18, ACCENT);
    static final Font HEADING = PdfText.heavy(13, ACCENT);
    static final Font SUBHEADING = PdfText.heavy(10.5f, INK);
    static final Font BODY = PdfText.regular(9.5f, INK);
    static final Font BOLD = PdfText.heavy(9.5f, INK);
    static final Font SMALL = PdfText.regular(8, MUTED);

    private PdfParts() {
    }

    static void heading(Document document, String text) {
        var heading = new Paragraph(safe(text), HEADING);
        heading.setSpacingBefore(16);
        heading.setSpacingAfter(6);
        document.add(heading);
    }

    static void subheading(Document document, String text) {
        var heading = new Paragraph(safe(text), SUBHEADING);
        heading.setSpacingBefore(8);
        heading.setSpacingAfter(3);
        document.add(heading);
    }

    static void paragraph(Document document, String text, Font font) {
        var paragraph = new Paragraph(safe(text), font);
        paragraph.setSpacingAfter(4);
        document.add(paragraph);
    }

    /** Label on the left, value on the right; rows whose value is missing are left out. */
    static PdfPTable labelled() {
        var table = new PdfPTable(new float[] {2, 5});
        table.setWidthPercentage(100);
        table.setSpacingAfter(4);
        return table;
    }

    static void row(PdfPTable table, String label, @Nullable String value) {
        if (value == null || value.isBlank()) {
            return;
        }
        table.addCell(cell(label, BOLD));
        table.addCell(cell(value, BODY));
    }

    static PdfPCell cell(String text, Font font) {
        var cell = new PdfPCell(new Phrase(safe(text), font));
        cell.setBorder(Rectangle.BOTTOM);
        cell.setBorderColor(RULE);
        cell.setPaddingTop(3);
        cell.setPaddingBottom(5);
        return cell;
    }

    static String safe(@Nullable String text) {
        return PdfText.safe(text);
    }
}
