package app.thaw.base.crypto;

import jakarta.persistence.AttributeConverter;

import org.jspecify.annotations.Nullable;

/**
 * A JPA converter encrypting one text column; subclasses name the column (its name is the associated data,
 * so a value moved to another column will not decrypt) and are Spring beans, so the re-encryption pass
 * finds them. Plain text from before encryption is still read, until that pass replaces it.
 */
public abstract class EncryptedText implements AttributeConverter<String, String>, EncryptedColumn {

    private final FieldCipher cipher;
    private final String table;
    private final String column;
    private final @Nullable String guardTrigger;

    protected EncryptedText(FieldCipher cipher, String table, String column, @Nullable String guardTrigger) {
        this.cipher = cipher;
        this.table = table;
        this.column = column;
        this.guardTrigger = guardTrigger;
    }

    /** The associated data: table and column. */
    public String context() {
        return table + "." + column;
    }

    @Override
    public String convertToDatabaseColumn(String plaintext) {
        return cipher.encrypt(plaintext, context());
    }

    @Override
    public String convertToEntityAttribute(String stored) {
        return cipher.decryptOrLegacy(stored, context());
    }

    @Override
    public String table() {
        return table;
    }

    @Override
    public String column() {
        return column;
    }

    @Override
    public @Nullable String guardTrigger() {
        return guardTrigger;
    }

    @Override
    public String reencrypt(String stored, FieldCipher ring) {
        return ring.reencrypt(stored, context());
    }
}
