package app.thaw.privacy;

import static app.thaw.privacy.PdfParts.BODY;
import static app.thaw.privacy.PdfParts.SMALL;
import static app.thaw.privacy.PdfParts.heading;
import static app.thaw.privacy.PdfParts.labelled;
import static app.thaw.privacy.PdfParts.paragraph;
import static app.thaw.privacy.PdfParts.row;
import static app.thaw.privacy.PdfParts.safe;
import static app.thaw.privacy.PdfParts.subheading;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.openpdf.text.Document;
import org.openpdf.text.Element;
import org.openpdf.text.HeaderFooter;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.Rectangle;
import org.openpdf.text.pdf.PdfWriter;

import app.thaw.base.PracticeTime;

/** The readable copy of a {@link SubjectAccessExport}: the same content as the JSON file, laid out on A4. */
final class SubjectAccessPdf {

    private static final DateTimeFormatter DATE = PracticeTime.LONG_DATE;
    private static final DateTimeFormatter TIME = PracticeTime.DATE_COMMA_TIME;
    private static final DateTimeFormatter CLOCK = PracticeTime.TIME;

    private SubjectAccessPdf() {
    }

    static byte[] render(SubjectAccessExport export) {
        var out = new ByteArrayOutputStream();
        var document = new Document(PageSize.A4, 56, 56, 48, 56);
        PdfWriter.getInstance(document, out);
        // the metadata names the reference, never the client: a file name or a preview may be seen by others
        document.addTitle("Subject access export " + export.client().reference());
        document.addAuthor(safe(export.practice()));
        document.addCreator("Thaw");
        var footer = new HeaderFooter(new Phrase(safe("Private and confidential · subject access export · "
                + export.client().reference() + " · page "), SMALL), true);
        footer.setAlignment(Element.ALIGN_CENTER);
        footer.setBorder(Rectangle.TOP);
        footer.setBorderColor(PdfParts.RULE);
        document.setFooter(footer);
        document.open();
        try {
            intro(document, export);
            aboutYou(document, export);
            answers(document, export);
            review(document, export);
            sessions(document, export);
            measures(document, export);
            history(document, export);
            leftOut(document, export);
        } finally {
            document.close();
        }
        return out.toByteArray();
    }

    private static void intro(Document document, SubjectAccessExport export) {
        document.add(new Paragraph(safe("The information " + export.practice() + " holds about you"),
                PdfParts.TITLE));
        paragraph(document, "Reference " + export.client().reference() + ". Produced on "
                + TIME.format(export.generatedAt()) + " by " + export.generatedBy()
                + " in answer to your subject access request under UK GDPR. Times are UK time. The same "
                + "information comes as a machine-readable JSON file (format " + export.format() + ", version "
                + export.formatVersion() + ").", SMALL);
    }

    private static void aboutYou(Document document, SubjectAccessExport export) {
        var client = export.client();
        heading(document, "About you");
        var table = labelled();
        row(table, "Full name", client.fullName());
        row(table, "Preferred name", client.preferredName());
        row(table, "Date of birth", client.dateOfBirth() == null ? "" : DATE.format(client.dateOfBirth()));
        row(table, "Email", client.email());
        row(table, "Phone", client.phone());
        row(table, "Asked for", client.requestedType());
        row(table, "Where your case stands", client.status());
        row(table, "Form sent", time(client.formSentAt()));
        row(table, "Couple case", export.couple().partner() == null ? null : export.couple().link());
        document.add(table);

        heading(document, "Your consent");
        var consent = export.consent();
        var consentTable = labelled();
        row(consentTable, "Privacy notice", "Version " + consent.privacyNoticeVersion() + ", accepted "
                + time(consent.acceptedAt()));
        row(consentTable, "Form sent", time(consent.formSentAt()));
        row(consentTable, "Contact", consent.contactConsent() ? "You agreed to be contacted about your enquiry"
                : "Not agreed");
        row(consentTable, "Age", consent.adultConfirmed() ? "You confirmed you are 18 or over" : "Not confirmed");
        document.add(consentTable);
    }

    private static void answers(Document document, SubjectAccessExport export) {
        heading(document, "Your answers");
        paragraph(document, "As asked in \"" + export.questionnaire().title() + "\" (version "
                + export.questionnaire().version() + "). A corrected answer is shown under the original, "
                + "which never changes.", SMALL);
        String section = null;
        for (var answer : export.answers()) {
            if (!answer.section().equals(section)) {
                section = answer.section();
                subheading(document, section);
            }
            var table = labelled();
            row(table, answer.question(), answer.answer());
            for (var correction : answer.corrections()) {
                row(table, "Corrected " + time(correction.correctedAt()) + " by " + correction.correctedBy(),
                        correction.answer() + " (why: " + correction.reason() + ")");
            }
            document.add(table);
        }
        if (!export.scores().isEmpty()) {
            subheading(document, "Scores from your answers");
            var table = labelled();
            export.scores().forEach(s -> row(table, s.label(), s.total() + " of " + s.max()
                    + (s.band() == null ? "" : " (" + s.band() + ")") + (s.complete() ? "" : ", not every item answered")));
            document.add(table);
        }
        if (!export.riskFlags().isEmpty()) {
            subheading(document, "Answers flagged for a therapist's prompt attention");
            export.riskFlags().forEach(flag -> paragraph(document, "• " + flag, BODY));
        }
    }

    private static void review(Document document, SubjectAccessExport export) {
        heading(document, "The practice's review");
        var review = export.review();
        var table = labelled();
        row(table, "Therapist", Objects.requireNonNullElse(review.assignedTherapist(), "Not assigned"));
        if (review.riskReviewedAt() != null) {
            row(table, "Risk reviewed", time(review.riskReviewedAt()) + " by " + review.riskReviewedBy());
            row(table, "Risk review note", review.riskReviewNote());
        }
        document.add(table);
        if (!export.factors().isEmpty()) {
            subheading(document, "Contributing factors");
            var factors = labelled();
            for (var factor : export.factors()) {
                var text = new StringBuilder(factor.suggested() ? "Suggested from your answers" : "Added by a therapist");
                factor.reasons().forEach(reason -> text.append("\n• ").append(reason));
                factor.decisions().forEach(d -> text.append("\n").append(capital(d.decision())).append(" by ")
                        .append(d.decidedBy()).append(", ").append(time(d.decidedAt())));
                row(factors, factor.label(), text.toString());
            }
            document.add(factors);
        }
        if (!export.referrals().isEmpty()) {
            subheading(document, "Referral decisions (latest first)");
            var referrals = labelled();
            for (var referral : export.referrals()) {
                String text = referral.reason() + (referral.jointWorkDecision() == null ? ""
                        : "\nDecision on joint sessions: " + referral.jointWorkDecision())
                        + "\n" + referral.decidedBy() + ", " + time(referral.decidedAt());
                row(referrals, referral.kind(), text);
            }
            document.add(referrals);
        }
        subheading(document, "Notes");
        if (export.notes().isEmpty()) {
            paragraph(document, "None.", BODY);
        }
        var notes = labelled();
        export.notes().forEach(n -> row(notes, time(n.writtenAt()) + "\n" + n.author(), n.text()));
        document.add(notes);
    }

    private static void sessions(Document document, SubjectAccessExport export) {
        heading(document, "Sessions");
        if (export.appointments().isEmpty()) {
            paragraph(document, "None booked.", BODY);
        }
        var table = labelled();
        for (var s : export.appointments()) {
            var text = new StringBuilder(s.type() + (s.withPartner() ? " with " + SubjectAccessExport.PARTNER : "")
                    + ", " + s.format() + (s.room() == null ? "" : ", " + s.room()) + ", with " + s.therapist()
                    + "\n" + s.state() + " (booked " + time(s.bookedAt()) + ")");
            if (s.cancelledAt() != null) {
                text.append("\nCancelled ").append(time(s.cancelledAt()))
                        .append(Boolean.TRUE.equals(s.cancelledByClient()) ? " at your request" : " by the practice");
                if (s.cancelReason() != null) {
                    text.append(": ").append(s.cancelReason());
                }
            }
            s.requests().forEach(r -> text.append("\nYou asked to ").append(r.kind().toLowerCase(Locale.ROOT))
                    .append(" on ").append(time(r.sentAt())).append(r.message() == null ? "" : ": " + r.message()));
            if (s.sessionNote() != null) {
                text.append("\nSession note: ").append(s.sessionNote());
            }
            row(table, time(s.start()) + "–" + CLOCK.format(s.end()), text.toString());
        }
        document.add(table);
    }

    private static void measures(Document document, SubjectAccessExport export) {
        if (export.measures().isEmpty()) {
            return;
        }
        heading(document, "Your answers to outcome measures");
        paragraph(document, "The short questionnaires you answered on your form and before sessions, so your "
                + "therapist could follow how you were doing. Your own answers only.", SMALL);
        for (var measure : export.measures()) {
            subheading(document, measure.measure() + " · " + measure.occasion() + ", " + time(measure.answeredAt()));
            var table = labelled();
            measure.answers().forEach(a -> row(table, a.question(), a.answer()));
            if (measure.score() != null) {
                row(table, "Score", measure.score() + " of " + measure.max());
            }
            document.add(table);
        }
    }

    private static void history(Document document, SubjectAccessExport export) {
        heading(document, "How your case moved on");
        var status = labelled();
        export.statusHistory().forEach(s -> row(status, time(s.at()), s.change() + " (" + s.by() + ")"));
        document.add(status);

        heading(document, "Emails we sent you");
        if (export.emails().isEmpty()) {
            paragraph(document, "None.", BODY);
        }
        for (var email : export.emails()) {
            subheading(document, time(email.writtenAt()) + " · " + email.kind() + " · " + email.status());
            paragraph(document, "Subject: " + email.subject(), PdfParts.BOLD);
            paragraph(document, email.body(), BODY);
        }

        heading(document, "Who read or changed your record");
        var log = labelled();
        export.accessLog().forEach(line -> row(log, time(line.at()), line.staff() + " · " + line.action()
                + (line.detail() == null ? "" : " · " + line.detail())));
        document.add(log);
    }

    private static void leftOut(Document document, SubjectAccessExport export) {
        if (export.leftOut().isEmpty()) {
            return;
        }
        heading(document, "What is not included, and why");
        export.leftOut().forEach(line -> paragraph(document, line, BODY));
    }

    private static String time(@Nullable Instant instant) {
        return instant == null ? "" : TIME.format(instant);
    }

    private static String capital(String word) {
        return word.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
}
