package app.thaw.bench.data;

import app.thaw.base.crypto.FieldCipher;
import app.thaw.bench.BenchKey;

/**
 * Every long answer, note, referral and risk reason the generator stores passes through here and is stored as the
 * application stores it: AES-GCM under the bench key, bound to its column (ADR 5); long answers inside the answers
 * document are bound to {@code intake.answers#<item id>}, as {@code AnswerEncryption} binds them.
 */
public final class FreeText {

    private static final FieldCipher CIPHER = BenchKey.cipher();

    private FreeText() {
    }

    private static final java.util.Map<String, String> SHARED = new java.util.concurrent.ConcurrentHashMap<>();

    public static String store(String plain, String column) {
        return CIPHER.encrypt(plain, column);
    }

    /** One ciphertext per text and column, reused by every row that stores it (the fast bench path only). */
    public static String storeShared(String plain, String column) {
        return SHARED.computeIfAbsent(column + '\u0000' + plain, key -> CIPHER.encrypt(plain, column));
    }
}
