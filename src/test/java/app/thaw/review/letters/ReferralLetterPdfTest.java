package app.thaw.review.letters;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.openpdf.text.pdf.PdfReader;

import app.thaw.PdfText;

class ReferralLetterPdfTest {

    private static final Letterhead PRACTICE = new Letterhead("Thaw Therapy",
            List.of("12 Example Street", "Manchester", "M1 1AA"), "0161 000 0000", "hello@thaw.example");

    private static final String CLIENT = "Siobhán O’Connor";
    private static final String REFERENCE = "TH-7Q4K-9MXD";

    private static ReferralLetter letter(ReferralKind kind, String recipient, String reason, List<ScoreLine> scores) {
        return letter(kind, recipient, reason, scores, List.of());
    }

    private static ReferralLetter letter(ReferralKind kind, String recipient, String reason, List<ScoreLine> scores,
                                         List<ReportedAnswer> reported) {
        return new ReferralLetter(PRACTICE, LocalDate.of(2026, 11, 25), CLIENT, LocalDate.of(1988, 3, 4), REFERENCE,
                recipient, kind, reason, scores, reported, "Alex Morgan", "Couples and individual therapist",
                "BACP registered member 123456");
    }

    private static ReferralLetter sample() {
        return letter(ReferralKind.GP_MEDICATION_REVIEW, "The GP\nAncoats Medical Practice",
                "Since starting sertraline in August the client reports feeling flat – “like nothing lands”.\n"
                        + "Sleep is broken most nights.\n\n"
                        + "They would like to discuss whether the dose or the medication itself should change; "
                        + "prescription charges (£9.90) are a concern.",
                List.of(new ScoreLine("PHQ-9", 12, 27, "Moderate"), new ScoreLine("GAD-7", 8, 21, "Mild")),
                List.of(new ReportedAnswer("Which medication, and roughly when did you start taking it?",
                        "Sertraline 50 mg, since August")));
    }

    private static int pages(byte[] pdf) throws IOException {
        var reader = new PdfReader(pdf);
        try {
            return reader.getNumberOfPages();
        } finally {
            reader.close();
        }
    }

    @Test
    void rendersAPdfWithTheLetterContents() throws IOException {
        var pdf = ReferralLetterPdf.render(sample());
        Files.write(Path.of(System.getProperty("java.io.tmpdir"), "letter.pdf"), pdf); // for eyeballing

        assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        assertThat(pages(pdf)).isEqualTo(1);
        assertThat(PdfText.of(pdf))
                .contains("Thaw Therapy", "0161 000 0000", "hello@thaw.example")
                .contains("25 November 2026", "Private and confidential", "Ancoats Medical Practice")
                .contains(REFERENCE, CLIENT, "4 March 1988")
                .contains("Request for medication review")
                .contains("What the client told us on our intake form",
                        "Which medication, and roughly when did you start taking it?", "Sertraline 50 mg, since August")
                .contains("Relevant scores", "PHQ-9", "12 / 27", "Moderate", "GAD-7", "8 / 21", "Mild")
                .contains("not a diagnosis")
                .contains("“like nothing lands”", "£9.90")
                .contains("Yours sincerely", "Alex Morgan", "Couples and individual therapist",
                        "BACP registered member 123456");
    }

    @ParameterizedTest
    @EnumSource(ReferralKind.class)
    void everyKindPrintsItsSubject(ReferralKind kind) throws IOException {
        var text = PdfText.of(ReferralLetterPdf.render(letter(kind, null, "Reason.", List.of())));

        assertThat(text).contains(kind.subject(), REFERENCE, CLIENT, "Alex Morgan");
    }

    @Test
    void subjectsArePlainLines() {
        assertThat(ReferralKind.GP_MEDICATION_REVIEW.subject()).isEqualTo("Request for medication review");
        assertThat(ReferralKind.GP_HORMONAL_REVIEW.subject()).isEqualTo("Request for hormonal review");
        assertThat(ReferralKind.NHS_TALKING_THERAPIES.subject()).isEqualTo("Referral to NHS Talking Therapies");
        assertThat(ReferralKind.CRISIS_SERVICE.subject()).isEqualTo("Urgent referral to crisis services");
    }

    @Test
    void metadataNamesTheReferenceAndPracticeButNeverTheClient() throws IOException {
        var reader = new PdfReader(ReferralLetterPdf.render(sample()));
        try {
            var info = reader.getInfo();
            assertThat(info.get("Title")).isEqualTo("Referral letter " + REFERENCE);
            assertThat(info.get("Author")).isEqualTo("Thaw Therapy");
            assertThat(info.values()).noneMatch(value -> value.contains("Siobh") || value.contains("Connor"));
        } finally {
            reader.close();
        }
    }

    @Test
    void noRecipientGreetsDearDoctor() throws IOException {
        var text = PdfText.of(ReferralLetterPdf.render(letter(ReferralKind.NHS_TALKING_THERAPIES, null, "Reason.",
                List.of())));

        assertThat(text).contains("Dear Doctor");
    }

    @Test
    void aNamedServiceIsGreetedAsAColleague() throws IOException {
        var text = PdfText.of(ReferralLetterPdf.render(
                letter(ReferralKind.CRISIS_SERVICE, "Manchester Crisis Team", "Reason.", List.of())));

        assertThat(text).contains("Manchester Crisis Team", "Dear Colleague").doesNotContain("Dear Doctor");
    }

    @Test
    void noScoresMeansNoScoreTable() throws IOException {
        var text = PdfText.of(ReferralLetterPdf.render(letter(ReferralKind.GP_HORMONAL_REVIEW, null, "Reason.",
                List.of())));

        assertThat(text).doesNotContain("Relevant scores").doesNotContain("not a diagnosis")
                .doesNotContain("What the client told us");
    }

    @Test
    void lineBreaksInTheReasonAreKept() throws IOException {
        var reason = "First line of the reason\nSecond line of the reason\r\n\r\nA new paragraph";
        var text = PdfText.of(ReferralLetterPdf.render(letter(ReferralKind.GP_MEDICATION_REVIEW, null, reason,
                List.of())));

        assertThat(text).containsSubsequence("First line of the reason\n", "Second line of the reason\n",
                "A new paragraph");
        assertThat(ReferralLetterPdf.paragraphs(reason))
                .containsExactly("First line of the reason\nSecond line of the reason", "A new paragraph");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "العميل يشعر بالقلق", // Arabic, right to left
            "הלקוח מדווח על חרדה", // Hebrew, right to left
            "Feels 😞 most days 👩‍❤️‍👨 and ⚠️ at night",
            "Zero\u200Bwidth, bidi \u202Eoverride\u202C, NUL \u0000 and tab\there",
            "Unpaired surrogate \uD83D here",
            "Ελληνικά, Кириллица, 中文, हिन्दी"})
    void anyUnicodeReasonRendersWithoutFailing(String reason) throws IOException {
        var pdf = ReferralLetterPdf.render(letter(ReferralKind.GP_MEDICATION_REVIEW, reason, reason,
                List.of(new ScoreLine(reason, 1, 27, reason))));

        assertThat(PdfText.of(pdf)).contains(REFERENCE, "Alex Morgan");
    }

    @Test
    void unshowableCharactersBecomeQuestionMarks() {
        assertThat(ReferralLetterPdf.safe("Low 😞 mood")).isEqualTo("Low ? mood");
        assertThat(ReferralLetterPdf.safe("שלום")).isEqualTo("????");
        assertThat(ReferralLetterPdf.safe("ok ⚠️")).isEqualTo("ok ?");
        assertThat(ReferralLetterPdf.safe("e\u0301 – — ’ “ ” £ €\tx")).isEqualTo("é – — ’ “ ” £ € x");
        assertThat(ReferralLetterPdf.safe(null)).isEmpty();
    }

    @Test
    void aVeryLongReasonFlowsOntoMorePages() throws IOException {
        var words = "The client describes persistent low mood and poor sleep. ".repeat(400).substring(0, 20_000);
        var pdf = ReferralLetterPdf.render(letter(ReferralKind.NHS_TALKING_THERAPIES, null, words,
                List.of(new ScoreLine("PHQ-9", 19, 27, "Moderately severe"))));

        assertThat(pages(pdf)).isGreaterThan(1);
        var text = PdfText.of(pdf);
        assertThat(text).contains("Alex Morgan", "Yours sincerely", "19 / 27");
    }

    @Test
    void aLongUnbrokenReasonStillRenders() throws IOException {
        var pdf = ReferralLetterPdf.render(letter(ReferralKind.GP_MEDICATION_REVIEW, null, "x".repeat(20_000), List.of()));

        assertThat(pages(pdf)).isGreaterThan(1);
        assertThat(PdfText.of(pdf)).contains("Alex Morgan");
    }

    @Test
    void typographicPunctuationStaysInHelveticaInsteadOfAFallbackFont() {
        // OpenPDF swaps a chunk with any character above U+00FF to an embedded regular font unless the Font has a BaseFont.
        var pdf = new String(ReferralLetterPdf.render(sample()), StandardCharsets.ISO_8859_1);

        assertThat(pdf).contains("/Helvetica-Bold").doesNotContain("LiberationSans");
    }

    @Test
    void datesAreWrittenTheUkWay() {
        assertThat(ReferralLetterPdf.formatDate(LocalDate.of(2026, 11, 25))).isEqualTo("25 November 2026");
        assertThat(ReferralLetterPdf.formatDate(LocalDate.of(2026, 9, 1))).isEqualTo("1 September 2026");
    }

    @Test
    void theReLineLeavesOutAMissingDateOfBirth() {
        var withoutDob = new ReferralLetter(PRACTICE, LocalDate.of(2026, 11, 25), CLIENT, null, REFERENCE, null,
                ReferralKind.GP_MEDICATION_REVIEW, null, null, null, "Alex Morgan", null, null);

        assertThat(ReferralLetterPdf.reLine(withoutDob)).isEqualTo("Re: Siobhán O’Connor, our reference " + REFERENCE);
        assertThat(ReferralLetterPdf.render(withoutDob)).isNotEmpty();
    }
}
