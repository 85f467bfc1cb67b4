package app.thaw.base.crypto;

import org.jspecify.annotations.Nullable;

/**
 * A column holding encrypted values, as the re-encryption pass sees it: which rows are not yet under the
 * active key, and how to re-encrypt one stored value. Each feature declares its own columns as beans.
 */
public interface EncryptedColumn {

    String table();

    String column();

    default String idColumn() {
        return "id";
    }

    /** The trigger that keeps the row append-only or immutable, paused only while its value is re-encrypted. */
    default @Nullable String guardTrigger() {
        return null;
    }

    /** SQL for the value in an UPDATE (e.g. a cast to jsonb). */
    default String placeholder() {
        return "?";
    }

    /** A WHERE condition for rows holding a value not yet under the ring's active key (plain text or an old key). */
    default String staleCondition(FieldCipher ring) {
        return column() + " is not null and " + column() + " not like '" + ring.activePrefix() + "%'";
    }

    /** The stored value, decrypted with whichever key wrote it and encrypted under the ring's active key. */
    String reencrypt(String stored, FieldCipher ring);
}
