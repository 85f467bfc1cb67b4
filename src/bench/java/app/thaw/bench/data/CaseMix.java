package app.thaw.bench.data;

import java.util.Random;

import app.thaw.intake.IntakeStatus;

/**
 * Where an intake of a given age stands: the last week's are mostly new, last month's in review or referred,
 * older ones scheduled or closed. Risk ~2%, couples ~30% of intakes (both partners linked), a few partners never come.
 */
public final class CaseMix {

    public static final double RISK_SHARE = 0.02;
    /** Share of generated cases that are couples: 2c/(1+c) ≈ 30% of intakes belong to a linked couple. */
    public static final double COUPLE_CASE_SHARE = 0.176;
    /** Couples requests whose partner never sends a form (the invitation stays open, then lapses). */
    public static final double PARTNER_NEVER_COMES = 0.04;

    private CaseMix() {
    }

    public static IntakeStatus status(double ageDays, Random random) {
        double r = random.nextDouble();
        if (ageDays < 7) {
            return r < 0.75 ? IntakeStatus.NEW : IntakeStatus.IN_REVIEW;
        }
        if (ageDays < 30) {
            return r < 0.1 ? IntakeStatus.NEW : r < 0.5 ? IntakeStatus.IN_REVIEW : r < 0.7 ? IntakeStatus.REFERRED
                    : IntakeStatus.SCHEDULED;
        }
        if (ageDays < 180) {
            return r < 0.03 ? IntakeStatus.IN_REVIEW : r < 0.13 ? IntakeStatus.REFERRED : r < 0.63
                    ? IntakeStatus.SCHEDULED : IntakeStatus.CLOSED;
        }
        return r < 0.08 ? IntakeStatus.SCHEDULED : IntakeStatus.CLOSED;
    }

    /** Sessions happen for cases that were scheduled, and for closed ones that had therapy first. */
    public static boolean hadSessions(IntakeStatus status) {
        return status == IntakeStatus.SCHEDULED || status == IntakeStatus.CLOSED;
    }

    public static IntakeAnswers.Risk risk(boolean partnered, boolean couplesLead, Random random) {
        if (random.nextDouble() >= RISK_SHARE) {
            return IntakeAnswers.Risk.NONE;
        }
        double r = random.nextDouble();
        if (r < 0.15 && partnered && !couplesLead) {
            return IntakeAnswers.Risk.PARTNER_FEAR;
        }
        return r < 0.7 ? IntakeAnswers.Risk.PHQ9_ITEM9 : IntakeAnswers.Risk.NOT_SAFE_NOW;
    }
}
