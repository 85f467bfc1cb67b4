package app.thaw.privacy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.IntStream;

import org.jspecify.annotations.Nullable;

import app.thaw.base.PracticeTime;

/**
 * The withholdable parts of an export ({@link DisclosureItem}), their fingerprint, and the export with some of them
 * taken out. A withheld part leaves no gap or marker where it was: the client is told in general words, once, that
 * information was withheld under the Data Protection Act 2018, never what it was. Pure code.
 */
final class DisclosureItems {

    static final String ANSWERS = "Answers";
    static final String SCORES = "Scores";
    static final String RISK = "Risk";
    static final String FACTORS = "Contributing factors";
    static final String REFERRALS = "Referral decisions";
    static final String NOTES = "Notes";
    static final String SESSION_NOTES = "Session notes";
    static final String MEASURES = "Outcome measures";
    static final String RISK_FLAGS_KEY = "risk-flags";
    static final String RISK_REVIEW_KEY = "risk-review";

    /** What the client reads, in general words, when anything was withheld. */
    static final String WITHHELD_STATEMENT = "Some information in your records has been withheld under the Data "
            + "Protection Act 2018 (Schedule 3, Part 2): a health professional who knows your care judged that "
            + "giving it to you would be likely to cause serious harm to your physical or mental health, or to "
            + "someone else's. You can ask us about this decision, and you can complain to the Information "
            + "Commissioner's Office (ico.org.uk).";

    private static final DateTimeFormatter TIME = PracticeTime.DATE_COMMA_TIME;

    private DisclosureItems() {
    }

    static List<DisclosureItem> of(SubjectAccessExport export) {
        var items = new ArrayList<DisclosureItem>();
        List<String> answerKeys = answerKeys(export);
        for (int i = 0; i < export.answers().size(); i++) {
            var answer = export.answers().get(i);
            var text = new StringBuilder(answer.answer());
            answer.corrections().forEach(c -> text.append("\nCorrected ").append(time(c.correctedAt())).append(" by ")
                    .append(c.correctedBy()).append(": ").append(c.answer()).append(" (why: ").append(c.reason())
                    .append(")"));
            items.add(new DisclosureItem(answerKeys.get(i), ANSWERS, answer.section() + " · " + answer.question(),
                    text.toString()));
        }
        List<String> scoreKeys = scoreKeys(export);
        for (int i = 0; i < export.scores().size(); i++) {
            var score = export.scores().get(i);
            items.add(new DisclosureItem(scoreKeys.get(i), SCORES, score.label(), score.total() + " of "
                    + score.max() + (score.band() == null ? "" : ", " + score.band())
                    + (score.complete() ? "" : " (not every question answered)")));
        }
        if (!export.riskFlags().isEmpty()) {
            items.add(new DisclosureItem(RISK_FLAGS_KEY, RISK, "What made the case urgent",
                    String.join("\n", export.riskFlags())));
        }
        var review = export.review();
        if (review.riskReviewedAt() != null) {
            items.add(new DisclosureItem(RISK_REVIEW_KEY, RISK, "Risk review by " + review.riskReviewedBy() + ", "
                    + time(review.riskReviewedAt()), review.riskReviewNote() == null ? "" : review.riskReviewNote()));
        }
        List<String> factorKeys = factorKeys(export);
        for (int i = 0; i < export.factors().size(); i++) {
            var factor = export.factors().get(i);
            var text = new StringBuilder(factor.suggested() ? "Suggested from the answers" : "Added by a therapist");
            factor.reasons().forEach(reason -> text.append("\n• ").append(reason));
            factor.decisions().forEach(d -> text.append("\n").append(d.decision()).append(" by ").append(d.decidedBy())
                    .append(", ").append(time(d.decidedAt())));
            items.add(new DisclosureItem(factorKeys.get(i), FACTORS, factor.label(), text.toString()));
        }
        List<String> referralKeys = referralKeys(export);
        for (int i = 0; i < export.referrals().size(); i++) {
            var referral = export.referrals().get(i);
            items.add(new DisclosureItem(referralKeys.get(i), REFERRALS, referral.kind() + " · "
                    + referral.decidedBy() + ", " + time(referral.decidedAt()), referral.reason()
                    + (referral.jointWorkDecision() == null ? ""
                            : "\nDecision on joint sessions: " + referral.jointWorkDecision())));
        }
        List<String> noteKeys = noteKeys(export);
        for (int i = 0; i < export.notes().size(); i++) {
            var note = export.notes().get(i);
            items.add(new DisclosureItem(noteKeys.get(i), NOTES, "Note by " + note.author() + ", "
                    + time(note.writtenAt()), note.text()));
        }
        List<String> sessionKeys = sessionNoteKeys(export);
        for (int i = 0; i < export.appointments().size(); i++) {
            var session = export.appointments().get(i);
            if (session.sessionNote() != null) {
                items.add(new DisclosureItem(sessionKeys.get(i), SESSION_NOTES, "Session with " + session.therapist()
                        + ", " + time(session.start()), session.sessionNote()));
            }
        }
        List<String> measureKeys = measureKeys(export);
        for (int i = 0; i < export.measures().size(); i++) {
            var measure = export.measures().get(i);
            var text = new StringBuilder(measure.score() == null ? "Not scored"
                    : "Score " + measure.score() + " of " + measure.max());
            measure.answers().forEach(a -> text.append("\n").append(a.question()).append(": ").append(a.answer()));
            items.add(new DisclosureItem(measureKeys.get(i), MEASURES, measure.measure() + " · " + measure.occasion()
                    + ", " + time(measure.answeredAt()), text.toString()));
        }
        return items;
    }

    /** SHA-256 of every withholdable part: any new, changed or removed part gives another value. */
    static String fingerprint(List<DisclosureItem> items) {
        try {
            var digest = MessageDigest.getInstance("SHA-256");
            for (DisclosureItem item : items) {
                digest.update((item.key() + '\u0000' + item.title() + '\u0000' + item.text() + '\u0001')
                        .getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The export without the withheld parts, with the general statement when anything was taken out. */
    static SubjectAccessExport withhold(SubjectAccessExport export, Set<String> keys) {
        if (keys.isEmpty()) {
            return export;
        }
        List<String> answerKeys = answerKeys(export);
        var withheldQuestions = new ArrayList<String>();
        for (int i = 0; i < export.answers().size(); i++) {
            if (keys.contains(answerKeys.get(i))) {
                withheldQuestions.add("Question " + export.answers().get(i).itemId());
            }
        }
        var review = export.review();
        var leftOut = new ArrayList<>(export.leftOut());
        leftOut.add(WITHHELD_STATEMENT);
        return new SubjectAccessExport(export.format(), export.formatVersion(), export.generatedAt(),
                export.generatedBy(), export.practice(), export.client(), export.consent(), export.couple(),
                export.questionnaire(),
                keep(export.answers(), answerKeys, keys),
                keep(export.scores(), scoreKeys(export), keys),
                keys.contains(RISK_FLAGS_KEY) ? List.of() : export.riskFlags(),
                keys.contains(RISK_REVIEW_KEY)
                        ? new SubjectAccessExport.Review(review.assignedTherapist(), null, null, null) : review,
                keep(export.factors(), factorKeys(export), keys),
                keep(export.referrals(), referralKeys(export), keys),
                keep(export.notes(), noteKeys(export), keys),
                withholdSessionNotes(export, keys), keep(export.measures(), measureKeys(export), keys),
                export.statusHistory(), export.emails(),
                // the log says a withheld answer was corrected, never which question
                export.accessLog().stream().map(line -> line.detail() != null
                        && withheldQuestions.contains(line.detail())
                        ? new SubjectAccessExport.AccessLine(line.at(), line.staff(), line.action(), null) : line)
                        .toList(),
                List.copyOf(leftOut));
    }

    /** A withheld session note goes; the session itself (a time and a place) stays. */
    private static List<SubjectAccessExport.Session> withholdSessionNotes(SubjectAccessExport export,
                                                                          Set<String> keys) {
        List<String> sessionKeys = sessionNoteKeys(export);
        return IntStream.range(0, export.appointments().size()).mapToObj(i -> {
            var s = export.appointments().get(i);
            return s.sessionNote() == null || !keys.contains(sessionKeys.get(i)) ? s
                    : new SubjectAccessExport.Session(s.start(), s.end(), s.type(), s.format(), s.room(),
                            s.therapist(), s.withPartner(), s.state(), s.bookedAt(), s.cancelledAt(),
                            s.cancelledByClient(), s.cancelReason(), s.requests(), null);
        }).toList();
    }

    private static List<String> sessionNoteKeys(SubjectAccessExport export) {
        return keys(export.appointments(), s -> "session-note:" + s.start());
    }

    private static List<String> measureKeys(SubjectAccessExport export) {
        return keys(export.measures(), m -> "measure:" + m.answeredAt() + ":" + m.measure());
    }

    private static <T> List<T> keep(List<T> parts, List<String> partKeys, Set<String> withheld) {
        return IntStream.range(0, parts.size()).filter(i -> !withheld.contains(partKeys.get(i)))
                .mapToObj(parts::get).toList();
    }

    private static List<String> answerKeys(SubjectAccessExport export) {
        return keys(export.answers(), a -> "answer:" + a.itemId());
    }

    private static List<String> scoreKeys(SubjectAccessExport export) {
        return keys(export.scores(), s -> "score:" + s.id());
    }

    private static List<String> factorKeys(SubjectAccessExport export) {
        return keys(export.factors(), f -> "factor:" + f.label());
    }

    private static List<String> referralKeys(SubjectAccessExport export) {
        return keys(export.referrals(), r -> "referral:" + r.decidedAt());
    }

    private static List<String> noteKeys(SubjectAccessExport export) {
        return keys(export.notes(), n -> "note:" + n.writtenAt() + ":" + n.author());
    }

    /** Keys in list order; a repeated key gets a running number, so two notes of the same instant stay apart. */
    private static <T> List<String> keys(List<T> parts, Function<T, String> key) {
        Map<String, Integer> seen = new HashMap<>();
        return parts.stream().map(part -> {
            String base = key.apply(part);
            int count = seen.merge(base, 1, Integer::sum);
            return count == 1 ? base : base + "#" + count;
        }).toList();
    }

    private static String time(@Nullable Instant instant) {
        return instant == null ? "" : TIME.format(instant);
    }
}
