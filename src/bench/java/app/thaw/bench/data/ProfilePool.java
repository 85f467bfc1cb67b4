package app.thaw.bench.data;

import java.util.Locale;
import java.util.Random;

/**
 * The fast path's answers (bench data only): a few thousand intakes are written, validated, scored and given their
 * factor suggestions by the real scorer and rules once, a pool per kind of client (alone or in a couple, partnered or
 * not, each risk); every generated intake then takes one of its kind's and only its name, email and phone are its own.
 * Long answers keep the ciphertexts made once by the app's own encryption, so many intakes share them.
 */
final class ProfilePool implements ScoredIntake.Source {

    private static final String FIRST = "Qqzfirst";
    private static final String LAST = "Qqzlast";
    private static final int SERIAL = 987_654_321;
    private static final IntakeAnswers.Risk[] RISKS = IntakeAnswers.Risk.values();

    /** [couples 0/1][partnered 0/1][risk] → that kind's scored intakes, made with a stand-in name. */
    private final ScoredIntake[][][][] pools = new ScoredIntake[2][2][RISKS.length][];

    ProfilePool(ScoredIntake.Source scoring, int perKind, long seed) {
        var random = new Random(seed);
        for (int couples = 0; couples < 2; couples++) {
            for (int partnered = 0; partnered < 2; partnered++) {
                for (var risk : RISKS) {
                    // a couple's client is partnered; fear of a partner is only asked of someone who has one
                    if (couples == 1 && partnered == 0 || partnered == 0 && risk == IntakeAnswers.Risk.PARTNER_FEAR) {
                        continue;
                    }
                    var pool = new ScoredIntake[perKind];
                    for (int i = 0; i < perKind; i++) {
                        pool[i] = scoring.scored(new IntakeAnswers.Profile(FIRST + " " + LAST, couples == 1,
                                partnered == 1, risk), SERIAL, random);
                    }
                    pools[couples][partnered][risk.ordinal()] = pool;
                }
            }
        }
    }

    /** Profiles scored: {@code perKind} of each of the 11 kinds of client. */
    int size() {
        int n = 0;
        for (var byPartnered : pools) {
            for (var byRisk : byPartnered) {
                for (var pool : byRisk) {
                    n += pool == null ? 0 : pool.length;
                }
            }
        }
        return n;
    }

    @Override
    public ScoredIntake scored(IntakeAnswers.Profile profile, int id, Random random) {
        var pool = pools[profile.couples() ? 1 : 0][profile.partnered() ? 1 : 0][profile.risk().ordinal()];
        ScoredIntake template = pool[random.nextInt(pool.length)];
        String[] name = profile.fullName().split(" ", 2);
        String email = (name[0] + "." + name[1]).toLowerCase(Locale.ROOT) + id + "@example.org";
        String phone = String.format(Locale.ROOT, "07700 9%05d", id % 100_000);
        String preferred = template.preferredName() == null ? null : name[0].substring(0, Math.min(3, name[0].length()));
        // the stand-ins appear in the answers document only where the client's name, email and phone were asked
        String answers = template.answersJson()
                .replace(template.email(), email)
                .replace(template.phone(), phone)
                .replace(FIRST + " " + LAST, profile.fullName());
        if (preferred != null) {
            answers = answers.replace('"' + template.preferredName() + '"', '"' + preferred + '"');
        }
        return new ScoredIntake(answers, template.scoresJson(), template.riskFlagsJson(), template.urgent(),
                template.requestedType(), profile.fullName(), preferred, email, phone, template.dateOfBirth(),
                template.emailSafe(), template.partnerFear(), template.suggestions(), template.intakeSet());
    }
}
