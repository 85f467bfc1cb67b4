package app.thaw.privacy;

import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Normalizer;

import org.jspecify.annotations.Nullable;
import org.openpdf.text.Document;
import org.openpdf.text.Font;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.Rectangle;
import org.openpdf.text.pdf.BaseFont;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;

/** Fonts, headings and two-column tables for the export PDF, in built-in Helvetica. */
final class PdfParts {

    static final Color INK = new Color(0x22, 0x22, 0x22);
    static final Color MUTED = new Color(0x5f, 0x63, 0x68);
    static final Color ACCENT = new Color(0x1f, 0x5c, 0x63);
    static final Color RULE = new Color(0xc8, 0xcc, 0xd0);

    // explicit BaseFonts keep bold text bold when it holds ’ – “ (OpenPDF would otherwise fall back)
    private static final BaseFont REGULAR = helvetica(BaseFont.HELVETICA);
    private static final BaseFont HEAVY = helvetica(BaseFont.HELVETICA_BOLD);

    static final Font TITLE = new Font(HEAVY, 18, Font.NORMAL, ACCENT);
    static final Font HEADING = new Font(HEAVY, 13, Font.NORMAL, ACCENT);
    static final Font SUBHEADING = new Font(HEAVY, 10.5f, Font.NORMAL, INK);
    static final Font BODY = new Font(REGULAR, 9.5f, Font.NORMAL, INK);
    static final Font BOLD = new Font(HEAVY, 9.5f, Font.NORMAL, INK);
    static final Font SMALL = new Font(REGULAR, 8, Font.NORMAL, MUTED);

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

    /** NFC text with what WinAnsi Helvetica cannot show as '?', invisible format characters dropped. */
    static String safe(@Nullable String text) {
        if (text == null) {
            return "";
        }
        var composed = Normalizer.normalize(text, Normalizer.Form.NFC);
        var out = new StringBuilder(composed.length());
        composed.codePoints().forEach(cp -> {
            if (cp == '\n') {
                out.append('\n');
            } else if (cp == '\u2192') {
                out.append("->");
            } else if (cp == '\t') {
                out.append(' ');
            } else if (Character.getType(cp) == Character.FORMAT) {
                // invisible: a '?' would only add noise
            } else if (!Character.isISOControl(cp) && Character.isBmpCodePoint(cp) && REGULAR.charExists(cp)) {
                out.append((char) cp);
            } else if (cp != '\r') {
                out.append('?');
            }
        });
        return out.toString();
    }

    private static BaseFont helvetica(String name) {
        try {
            return BaseFont.createFont(name, BaseFont.WINANSI, BaseFont.NOT_EMBEDDED);
        } catch (IOException e) {
            throw new UncheckedIOException("Built-in font " + name + " is missing from OpenPDF", e);
        }
    }
}
