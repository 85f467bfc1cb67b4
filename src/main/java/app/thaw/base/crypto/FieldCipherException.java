package app.thaw.base.crypto;

/** A stored value that cannot be decrypted; the message names the column, never the content. */
public class FieldCipherException extends RuntimeException {

    public FieldCipherException(String message) {
        super(message);
    }
}
