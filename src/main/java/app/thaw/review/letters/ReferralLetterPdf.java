package app.thaw.review.letters;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.openpdf.text.Chunk;
import org.openpdf.text.Document;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.HeaderFooter;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.Rectangle;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfWriter;
import org.springframework.lang.Contract;

import app.thaw.base.PracticeTime;
import app.thaw.base.pdf.PdfText;

/** Lays out a {@link ReferralLetter} as an A4 PDF in built-in Helvetica; characters it cannot show print as '?'. */
public final class ReferralLetterPdf {

    static final DateTimeFormatter UK_DATE = PracticeTime.LONG_DATE;

    static final String SCORES_CAVEAT = "These are self-report screening questionnaires completed at intake. "
            + "They indicate the severity of symptoms the client reported and are not a diagnosis.";

    private static final Color INK = PdfText.INK;
    private static final Color MUTED = PdfText.MUTED;
    private static final Color ACCENT = PdfText.ACCENT;
    private static final Color RULE = PdfText.RULE;

    // Explicit BaseFonts: otherwise OpenPDF moves any chunk with ’ – “ to an embedded regular fallback, losing bold.

    private static final Font PRACTICE = PdfText.heavy(20, ACCENT);
    private static final Font SMALL = PdfText.regular(8.5f, MUTED);
    private static final Font BODY = PdfText.regular(10.5f, INK);
    private static final Font BOLD = PdfText.heavy(10.5f, INK);
    private static final Font SUBJECT = PdfText.heavy(11.5f, INK);
    private static final Font CONFIDENTIAL = PdfText.heavy(10.5f, ACCENT);
    private static final Font TABLE_HEAD = PdfText.heavy(9.5f, INK);
    private static final Font TABLE = PdfText.regular(9.5f, INK);

    private ReferralLetterPdf() {
    }

    /** The letter as PDF bytes, starting "%PDF-". The metadata names the reference, never the client. */
    public static byte[] render(ReferralLetter letter) {
        var out = new ByteArrayOutputStream();
        var document = new Document(PageSize.A4, 62, 62, 48, 56);
        PdfWriter.getInstance(document, out);
        document.addTitle(safe("Referral letter " + letter.clientReference()));
        document.addAuthor(safe(letter.practice().practiceName()));
        document.addSubject(letter.kind().subject());
        document.addCreator("Thaw");
        document.setFooter(footer(letter));
        document.open();
        try {
            letterhead(document, letter.practice());
            body(document, letter);
        } finally {
            document.close();
        }
        return out.toByteArray();
    }

    private static HeaderFooter footer(ReferralLetter letter) {
        // Reference only: a loose page must still be matched to the case without naming the client.
        var footer = new HeaderFooter(new Phrase(
                safe("Private and confidential · our reference " + letter.clientReference() + " · page "), SMALL),
                true);
        footer.setAlignment(Element.ALIGN_CENTER);
        footer.setBorder(Rectangle.TOP);
        footer.setBorderColor(RULE);
        return footer;
    }

    private static void letterhead(Document document, Letterhead practice) {
        var table = new PdfPTable(new float[] {3, 2});
        table.setWidthPercentage(100);
        var name = cell(new Phrase(safe(practice.practiceName()), PRACTICE));
        name.setVerticalAlignment(Element.ALIGN_BOTTOM);
        name.setBorder(Rectangle.BOTTOM);
        name.setBorderColor(RULE);
        name.setPaddingBottom(10);
        table.addCell(name);

        var details = new ArrayList<>(practice.addressLines());
        if (!isBlank(practice.phone())) {
            details.add("Tel " + practice.phone());
        }
        if (!isBlank(practice.email())) {
            details.add(practice.email());
        }
        var contact = cell(new Phrase(safe(String.join("\n", details)), SMALL));
        contact.setLeading(0, 1.35f);
        contact.setHorizontalAlignment(Element.ALIGN_RIGHT);
        contact.setBorder(Rectangle.BOTTOM);
        contact.setBorderColor(RULE);
        contact.setPaddingBottom(10);
        table.addCell(contact);
        table.setSpacingAfter(22);
        document.add(table);
    }

    private static void body(Document document, ReferralLetter letter) {
        document.add(new Paragraph(formatDate(letter.date()), BODY));
        document.add(spaced(new Paragraph("Private and confidential", CONFIDENTIAL), 14, 0));

        if (!isBlank(letter.recipient())) {
            document.add(spaced(new Paragraph(safe(letter.recipient().strip()), BODY), 8, 0));
        }
        document.add(spaced(new Paragraph(salutation(letter), BODY), 18, 0));

        document.add(spaced(new Paragraph(reLine(letter), BOLD), 10, 0));
        document.add(spaced(new Paragraph(letter.kind().subject(), SUBJECT), 4, 0));

        document.add(bodyParagraph(opening(letter.kind())));
        for (var paragraph : paragraphs(letter.reason())) {
            document.add(bodyParagraph(paragraph));
        }

        if (!letter.reported().isEmpty()) {
            document.add(spaced(new Paragraph("What the client told us on our intake form", BOLD), 12, 4));
            document.add(reportedTable(letter.reported()));
        }

        if (!letter.scores().isEmpty()) {
            document.add(spaced(new Paragraph("Relevant scores", BOLD), 12, 4));
            document.add(scoreTable(letter.scores()));
            document.add(bodyParagraph(SCORES_CAVEAT));
        }

        document.add(bodyParagraph("If you need any further information, please contact me at the practice."));
        document.add(spaced(new Paragraph("Yours sincerely", BODY), 14, 0));
        document.add(signature(letter));
    }

    private static Paragraph signature(ReferralLetter letter) {
        // Kept together so the name never lands alone at the top of a new page.
        var block = new Paragraph(14);
        block.add(new Chunk(safe(letter.therapistName()), BOLD));
        block.setKeepTogether(true);
        block.setSpacingBefore(34);
        for (var line : new String[] {letter.therapistRole(), letter.therapistRegistration(),
                letter.practice().practiceName()}) {
            if (!isBlank(line)) {
                block.add(new Chunk("\n" + safe(line.strip()), BODY));
            }
        }
        return block;
    }

    private static PdfPTable scoreTable(List<ScoreLine> scores) {
        var table = new PdfPTable(new float[] {3, 2, 3});
        table.setWidthPercentage(62);
        table.setHorizontalAlignment(Element.ALIGN_LEFT);
        table.setHeaderRows(1);
        for (var head : new String[] {"Measure", "Score", "Band"}) {
            var cell = scoreCell(head, TABLE_HEAD);
            cell.setBackgroundColor(new Color(0xee, 0xf2, 0xf3));
            table.addCell(cell);
        }
        for (var score : scores) {
            table.addCell(scoreCell(score.measure(), TABLE));
            table.addCell(scoreCell(score.total() + " / " + score.max(), TABLE));
            table.addCell(scoreCell(score.band() == null ? "" : score.band(), TABLE));
        }
        table.setSpacingAfter(2);
        return table;
    }

    private static PdfPTable reportedTable(List<ReportedAnswer> reported) {
        var table = new PdfPTable(new float[] {3, 2});
        table.setWidthPercentage(100);
        table.setHorizontalAlignment(Element.ALIGN_LEFT);
        for (var answer : reported) {
            table.addCell(scoreCell(answer.question(), TABLE));
            table.addCell(scoreCell(answer.answer(), TABLE_HEAD));
        }
        table.setSpacingAfter(2);
        return table;
    }

    private static PdfPCell scoreCell(String text, Font font) {
        var cell = new PdfPCell(new Phrase(safe(text), font));
        cell.setBorder(Rectangle.BOTTOM);
        cell.setBorderColor(RULE);
        cell.setPadding(4);
        cell.setPaddingBottom(5);
        return cell;
    }

    private static PdfPCell cell(Phrase phrase) {
        var cell = new PdfPCell(phrase);
        cell.setBorder(Rectangle.NO_BORDER);
        cell.setPadding(0);
        return cell;
    }

    private static Paragraph bodyParagraph(String text) {
        var paragraph = new Paragraph(14, safe(text), BODY);
        paragraph.setSpacingBefore(8);
        return paragraph;
    }

    private static Paragraph spaced(Paragraph paragraph, float before, float after) {
        paragraph.setSpacingBefore(before);
        paragraph.setSpacingAfter(after);
        return paragraph;
    }

    static String salutation(ReferralLetter letter) {
        // "Dear The GP" reads wrong, so a named recipient only changes the greeting for services.
        if (isBlank(letter.recipient()) || letter.kind().toGp()) {
            return "Dear Doctor";
        }
        return "Dear Colleague";
    }

    static String reLine(ReferralLetter letter) {
        var line = new StringBuilder("Re: ").append(letter.clientName().strip());
        if (letter.clientDateOfBirth() != null) {
            line.append(", date of birth ").append(formatDate(letter.clientDateOfBirth()));
        }
        line.append(", our reference ").append(letter.clientReference().strip());
        return safe(line.toString());
    }

    static String opening(ReferralKind kind) {
        return switch (kind) {
            case GP_MEDICATION_REVIEW -> "I am writing about the above client, who has approached our practice "
                    + "for therapy. I would be grateful if you could review their current medication, for the "
                    + "reasons set out below.";
            case GP_HORMONAL_REVIEW -> "I am writing about the above client, who has approached our practice "
                    + "for therapy. I would be grateful if you could consider whether a hormonal cause may be "
                    + "contributing to their difficulties, and review them accordingly, for the reasons set out below.";
            case NHS_TALKING_THERAPIES -> "I am writing to refer the above client to NHS Talking Therapies. "
                    + "Following their intake with our practice, I believe they would be better supported by "
                    + "your service, for the reasons set out below.";
            case CRISIS_SERVICE -> "I am writing to refer the above client urgently. Their intake with our "
                    + "practice raised concerns about their safety, and I would be grateful if your service "
                    + "could assess them as soon as possible, for the reasons set out below.";
        };
    }

    static String formatDate(LocalDate date) {
        return UK_DATE.format(date);
    }

    /** The therapist's text split into paragraphs at blank lines; single line breaks stay inside a paragraph. */
    static List<String> paragraphs(String text) {
        var normalised = text.replace("\r\n", "\n").replace('\r', '\n');
        var result = new ArrayList<String>();
        for (var block : normalised.split("\n\\s*\n")) {
            var lines = block.lines().map(String::stripTrailing).toList();
            var paragraph = String.join("\n", lines).strip();
            if (!paragraph.isEmpty()) {
                result.add(paragraph);
            }
        }
        return result;
    }

    /** NFC-composed text with what WinAnsi Helvetica cannot show as '?', invisible format characters dropped. */
    static String safe(String text) {
        return PdfText.safe(text);
    }

    @Contract("null -> true")
    private static boolean isBlank(@Nullable String text) {
        return text == null || text.isBlank();
    }
}
