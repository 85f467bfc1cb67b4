package app.thaw.bench.data;

/**
 * Every free-text value the generator stores (long answers, notes, referral and risk reasons) passes through
 * here, so the stored form can follow the app's: once free text is encrypted at rest, this returns what the
 * app's cipher would store for {@code plain}.
 */
public final class FreeText {

    private FreeText() {
    }

    public static String store(String plain) {
        return plain;
    }
}
