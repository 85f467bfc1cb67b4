package app.thaw.bench.data;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

import app.thaw.care.CareEventKind;
import app.thaw.intake.IntakeStatus;
import app.thaw.intake.questionnaire.QuestionnaireDefinition;
import app.thaw.review.factors.FactorRuleSet;

/**
 * Writes one case (an intake, or both partners' intakes of a couple) with what the app would have made of it:
 * scores and risk flags from the real scorer, factor suggestions from the real rules, the review case, the
 * submission in the audit log, the form's own first measure, and for cases further along a risk review, a note and a
 * referral decision.
 */
final class CaseWriter {

    /** What the diary planner needs to know about each intake, indexed by intake id. */
    static final class Ledger {
        final short[] therapist;     // 1-based therapist index, 0 = unassigned
        final int[] submittedMinute; // minutes since the generator's first day
        final int[] partner;         // partner's intake id for a linked couple's first partner, else 0
        final boolean[] client;      // scheduled or closed: has had sessions
        final int[] closedMinute;    // when the case was closed, minutes since the generator's first day; else MAX_VALUE
        final byte[] submittedSecond; // the second of that minute it was submitted in
        final boolean[] coupleCase;  // asked for couples work (a couple case, whether or not the partner came)
        final byte[] intakePhq9;     // the intake's own first measure (-1: none)
        final byte[] intakeGad7;
        final byte[] status;         // the status written with the intake (IntakeStatus ordinal), before the diary

        Ledger(int size) {
            therapist = new short[size + 1];
            submittedMinute = new int[size + 1];
            partner = new int[size + 1];
            client = new boolean[size + 1];
            closedMinute = new int[size + 1];
            java.util.Arrays.fill(closedMinute, Integer.MAX_VALUE);
            submittedSecond = new byte[size + 1];
            coupleCase = new boolean[size + 1];
            intakePhq9 = new byte[size + 1];
            intakeGad7 = new byte[size + 1];
            status = new byte[size + 1];
            java.util.Arrays.fill(intakePhq9, (byte) -1);
            java.util.Arrays.fill(intakeGad7, (byte) -1);
        }

        /** When the intake arrived, to the second (intake.submitted_at). */
        Instant submittedAt(Instant start, int intakeId) {
            return start.plusSeconds(submittedMinute[intakeId] * 60L + submittedSecond[intakeId]);
        }
    }

    private final ScoredIntake.Source scoring;
    private final java.util.function.BinaryOperator<String> text;
    private final String questionnaireId;
    private final int questionnaireVersion;
    private final String privacyNoticeVersion;
    private final int ruleSetVersion;
    private final Instant start;
    private final Instant now;
    private final long[] therapistIds;
    private final Ledger ledger;
    private final MessageDigest sha256;
    private final int firstIntake;
    private int nextIntake;
    private int nextCouple;
    int urgent;
    int linkedCouples;

    /** Writes intakes from id {@code firstIntake} and couple cases from {@code firstCouple} on (one chunk's ranges). */
    CaseWriter(QuestionnaireDefinition definition, FactorRuleSet rules, ScoredIntake.Source scoring, boolean sharedCiphertexts,
               Instant start, Instant now, long[] therapistIds, Ledger ledger, int firstIntake, int firstCouple) {
        this.firstIntake = firstIntake;
        this.nextIntake = firstIntake;
        this.nextCouple = firstCouple;
        this.scoring = scoring;
        // the fast path encrypts each note text once and shares the ciphertext (bench data only)
        this.text = sharedCiphertexts ? FreeText::storeShared : FreeText::store;
        this.questionnaireId = definition.id();
        this.questionnaireVersion = definition.version();
        this.privacyNoticeVersion = definition.privacyNoticeVersion();
        this.ruleSetVersion = rules.version();
        this.start = start;
        this.now = now;
        this.therapistIds = therapistIds;
        this.ledger = ledger;
        try {
            this.sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    int written() {
        return nextIntake - firstIntake;
    }

    /** One case submitted at {@code at}; returns the intakes written (1 or 2). */
    int write(Chunk chunk, Instant at, int room, Random random) {
        double ageDays = Duration.between(at, now).toMinutes() / (24.0 * 60);
        IntakeStatus status = CaseMix.status(ageDays, random);
        boolean couple = room >= 2 && random.nextDouble() < CaseMix.COUPLE_CASE_SHARE;
        int therapist = 1 + random.nextInt(therapistIds.length);
        if (!couple) {
            boolean partnered = random.nextBoolean();
            intake(chunk, at, status, therapist, new IntakeAnswers.Profile(IntakeAnswers.randomName(random), false,
                    partnered, CaseMix.risk(partnered, false, random)), null, 0, null, random);
            return 1;
        }
        long coupleId = nextCouple++;
        boolean partnerComes = random.nextDouble() >= CaseMix.PARTNER_NEVER_COMES;
        Instant partnerAt = at.plus(Duration.ofMinutes(30 + random.nextInt(3 * 24 * 60)));
        if (partnerAt.isAfter(now)) {
            partnerComes = false;
        }
        if (!partnerComes && ageDays < 30) {
            status = IntakeStatus.AWAITING_PARTNER;
        }
        chunk.coupleCases.add(coupleId).add(hash("invitation", coupleId))
                .add(partnerComes ? partnerAt : at.plus(Duration.ofDays(30))).add(at).endRow();
        String surname = IntakeAnswers.randomName(random).split(" ")[1];
        int lead = intake(chunk, at, status, therapist, new IntakeAnswers.Profile(
                IntakeAnswers.randomName(random).split(" ")[0] + " " + surname, true, true, CaseMix.risk(true, true, random)),
                coupleId, 0, partnerComes ? partnerAt : null, random);
        if (!partnerComes) {
            return 1;
        }
        linkedCouples++;
        intake(chunk, partnerAt, status, therapist, new IntakeAnswers.Profile(
                IntakeAnswers.randomName(random).split(" ")[0] + " " + surname, true, true, CaseMix.risk(true, false, random)),
                coupleId, lead, null, random);
        return 2;
    }

    private int intake(Chunk chunk, Instant at, IntakeStatus status, int therapist, IntakeAnswers.Profile profile,
                       Long coupleId, int leadPartner, Instant partnerJoined, Random random) {
        int id = nextIntake++;
        ScoredIntake scored = scoring.scored(profile, id, random);
        String reference = Reference.of(id);
        boolean assigned = status != IntakeStatus.NEW && (status != IntakeStatus.AWAITING_PARTNER || random.nextInt(3) == 0);
        Long therapistId = assigned ? therapistIds[therapist - 1] : null;
        Instant reviewed = min(at.plus(Duration.ofMinutes(20 + random.nextInt(3 * 24 * 60))), now);
        // reviewing the risk starts the review (ReviewStart): a case still waiting for the partner's form has had none
        boolean riskReviewed = scored.urgent() && assigned && status != IntakeStatus.AWAITING_PARTNER;
        if (scored.urgent()) {
            urgent++;
        }
        chunk.intakes.add(id).add(reference).add(status.name()).add(scored.requestedType())
                .add(scored.urgent()).add(questionnaireId).add(questionnaireVersion)
                .add(scored.answersJson()).add(scored.scoresJson()).add(scored.riskFlagsJson())
                .add(scored.fullName()).add(scored.preferredName()).add(scored.email()).add(scored.phone())
                .add(scored.dateOfBirth()).add(privacyNoticeVersion)
                .add(at.minusSeconds(20)).add(hash("status", id)).add(id).add(coupleId).add(at)
                // closed some weeks after submission (retention counts from then); the queue's copy of the assignee
                .add(status == IntakeStatus.CLOSED ? closedAt(at, now) : null).add(therapistId)
                // the queue's rank as its triggers set it (V17, V70): urgent first until the risk is reviewed
                .add(scored.emailSafe()).add(!scored.urgent() ? 2 : riskReviewed ? 1 : 0).endRow();

        chunk.reviewCases.add(id).add(therapistId).add(riskReviewed ? reviewed : null)
                .add(riskReviewed ? therapistId : null)
                .add(riskReviewed ? text.apply("Phoned the client the same day; safety plan agreed, GP informed.",
                        "review_case.risk_acknowledgement_note")
                        : null).endRow();
        for (ScoredIntake.Suggestion suggestion : scored.suggestions()) {
            chunk.suggestions.add(id).add(suggestion.tagId()).add(suggestion.reasonsJson()).add(ruleSetVersion).add(at)
                    .endRow();
        }
        chunk.audit.add(at).add(null).add(app.thaw.security.SystemActor.NAME).add("INTAKE_SUBMITTED").add(id)
                .add(reference).add(scored.urgent() ? "Flagged urgent by the client's answers" : null).endRow();
        // the form's own PHQ-9, GAD-7 and feelings items, kept as the first measure as the form arrives (the app's
        // MeasureRecords.recordIntake); its id is the intake's, the answers to requests numbered after them
        ScoredIntake.IntakeSet first = scored.intakeSet();
        chunk.measureResponses.add(id).add(id).add(null).add("INTAKE").add(at).add(first.versions())
                .add(first.answersJson()).add(first.phq9()).add(first.gad7()).add(first.csi4()).add(first.feelings())
                .add(false).endRow();
        if (assigned && random.nextBoolean()) {
            chunk.notes.add(id).add(therapistId).add(text.apply(NOTES.get(random.nextInt(NOTES.size())), "case_note.body"))
                    .add(reviewed).endRow();
        }
        String kind = null;
        if (status == IntakeStatus.REFERRED || CaseMix.hadSessions(status)) {
            boolean fear = scored.partnerFear();
            kind = coupleId != null && !fear ? "COUPLES" : random.nextInt(10) == 0 ? "NHS_TALKING_THERAPIES"
                    : "INDIVIDUAL";
            chunk.referrals.add(id).add(kind).add(text.apply(REFERRAL_REASONS.get(random.nextInt(REFERRAL_REASONS.size())),
                    "referral.reason"))
                    .add(null).add(therapistId).add(reviewed.plusSeconds(600)).endRow();
        }
        events(chunk.careEvents, id, at, status, therapistId, coupleId != null && leadPartner == 0, partnerJoined,
                reviewed, kind);
        ledger.therapist[id] = (short) (assigned ? therapist : 0);
        long second = Duration.between(start, at).toSeconds();
        ledger.submittedMinute[id] = (int) (second / 60);
        ledger.submittedSecond[id] = (byte) (second % 60);
        ledger.client[id] = assigned && CaseMix.hadSessions(status) && leadPartner == 0;
        ledger.closedMinute[id] = status == IntakeStatus.CLOSED
                ? (int) Duration.between(start, closedAt(at, now)).toMinutes() : Integer.MAX_VALUE;
        ledger.coupleCase[id] = coupleId != null;
        ledger.status[id] = (byte) status.ordinal();
        ledger.intakePhq9[id] = first.phq9() == null ? -1 : first.phq9().byteValue();
        ledger.intakeGad7[id] = first.gad7() == null ? -1 : first.gad7().byteValue();
        if (leadPartner != 0) {
            ledger.partner[leadPartner] = id;
        }
        return id;
    }

    /**
     * The case's events up to its referral, in the order they happened (CareSubmissions, ReviewStart,
     * ReferralService): the form arriving, the first partner's case waiting for the other's form until it arrives,
     * the therapist opening the case (any case past new), the referral decided ten minutes later. The diary's
     * sessions and the closing follow later ({@link SessionLoad}).
     */
    private static void events(CopyBuffer rows, long id, Instant at, IntakeStatus status, Long therapistId,
                               boolean firstPartner, Instant partnerJoined, Instant reviewed, String referralKind) {
        CareHistory.event(rows, id, CareEventKind.SUBMITTED, at, null);
        if (firstPartner) {
            CareHistory.event(rows, id, CareEventKind.AWAITING_PARTNER, at, null);
        }
        boolean review = status != IntakeStatus.NEW && status != IntakeStatus.AWAITING_PARTNER;
        Instant referred = reviewed.plusSeconds(600);
        boolean joined = false;
        if (partnerJoined != null && (!review || !partnerJoined.isAfter(reviewed))) {
            CareHistory.event(rows, id, CareEventKind.PARTNER_JOINED, partnerJoined, null);
            joined = true;
        }
        if (review) {
            CareHistory.event(rows, id, CareEventKind.REVIEW_STARTED, reviewed, therapistId);
        }
        if (partnerJoined != null && !joined && (referralKind == null || !partnerJoined.isAfter(referred))) {
            CareHistory.event(rows, id, CareEventKind.PARTNER_JOINED, partnerJoined, null);
            joined = true;
        }
        if (referralKind != null) {
            CareHistory.referred(rows, id, referralKind, referred, therapistId);
        }
        if (partnerJoined != null && !joined) {
            CareHistory.event(rows, id, CareEventKind.PARTNER_JOINED, partnerJoined, null);
        }
    }

    private static final Duration CLOSED_AFTER = Duration.ofDays(60);

    /** When a closed case was closed (intake.closed_at): some weeks after its intake, or now at the latest. */
    static Instant closedAt(Instant submitted, Instant now) {
        return min(submitted.plus(CLOSED_AFTER), now);
    }

    private static final List<String> NOTES = List.of(
            "Assessment call booked; client prefers evenings.",
            "Talked through the numbness scores; client relieved it has a name.",
            "Partner keen to join; discussed what couples work involves.",
            "Burnout picture; suggested a GP review of sleep.");
    private static final List<String> REFERRAL_REASONS = List.of(
            "Emotional numbness after prolonged stress; individual work first.",
            "Both partners describe the same withdrawal cycle; couples work suits.",
            "Moderate low mood with numbness; talking therapy, GP kept informed.");

    /** A unique, stable SHA-256 in hex, standing in for the hash of a secret link nobody holds. */
    private String hash(String kind, long id) {
        return HexFormat.of().formatHex(sha256.digest((kind + ":" + id + ":bench").getBytes(StandardCharsets.UTF_8)));
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
