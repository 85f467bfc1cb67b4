package app.thaw.base.pdf;

import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Normalizer;

import org.jspecify.annotations.Nullable;
import org.openpdf.text.Font;
import org.openpdf.text.pdf.BaseFont;

/** The practice's PDF look (letters, exports) in built-in Helvetica, and text made safe for its WinAnsi glyphs. */
public final class PdfText {

    public static final Color INK = new Color(0x22, 0x22, 0x22);
    public static final Color MUTED = new Color(0x5f, 0x63, 0x68);
    public static final Color ACCENT = new Color(0x1f, 0x5c, 0x63);
    public static final Color RULE = new Color(0xc8, 0xcc, 0xd0);

    // explicit BaseFonts keep bold text bold when it holds ’ – “ (OpenPDF would otherwise fall back)
    private static final BaseFont REGULAR = helvetica(BaseFont.HELVETICA);
    private static final BaseFont HEAVY = helvetica(BaseFont.HELVETICA_BOLD);

    private PdfText() {
    }

    public static Font regular(float size, Color color) {
        return new Font(REGULAR, size, Font.NORMAL, color);
    }

    public static Font heavy(float size, Color color) {
        return new Font(HEAVY, size, Font.NORMAL, color);
    }

    /** NFC-composed text with what WinAnsi Helvetica cannot show as '?', invisible format characters dropped. */
    public static String safe(@Nullable String text) {
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
            } else if (Character.getType(cp) == Character.FORMAT || isVariationSelector(cp)) {
                // invisible: printing '?' for these would only add noise
            } else if (!Character.isISOControl(cp) && Character.isBmpCodePoint(cp) && REGULAR.charExists(cp)) {
                out.append((char) cp);
            } else if (cp != '\r') {
                out.append('?');
            }
        });
        return out.toString();
    }

    private static boolean isVariationSelector(int cp) {
        return (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xE0100 && cp <= 0xE01EF);
    }

    private static BaseFont helvetica(String name) {
        try {
            return BaseFont.createFont(name, BaseFont.WINANSI, BaseFont.NOT_EMBEDDED);
        } catch (IOException e) {
            throw new UncheckedIOException("Built-in font " + name + " is missing from OpenPDF", e);
        }
    }
}
