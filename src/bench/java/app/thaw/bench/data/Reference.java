package app.thaw.bench.data;

/**
 * Case references in the app's format (THW- and six of 0-9, A-Z without I, L, O, U), unique by construction:
 * the id goes through a bijection of the 30-bit space, so neighbours look unrelated.
 */
final class Reference {

    private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final long MASK = (1L << 30) - 1;

    private Reference() {
    }

    static String of(long id) {
        long x = (id * 0x2545F491L + 0x1234567L) & MASK; // odd multiplier: a permutation modulo 2^30
        char[] code = new char[6];
        for (int i = 5; i >= 0; i--) {
            code[i] = ALPHABET.charAt((int) (x & 31));
            x >>>= 5;
        }
        return "THW-" + new String(code);
    }
}
