package app.thaw.care.domain;

import jakarta.persistence.Converter;

import org.springframework.stereotype.Component;

import app.thaw.base.crypto.EncryptedText;
import app.thaw.base.crypto.FieldCipher;

/** Session notes and their addenda: clinical free text, encrypted at rest (ADR 5). */
public final class EncryptedColumns {

    private EncryptedColumns() {
    }

    @Component
    @Converter
    public static class NoteBody extends EncryptedText {
        public NoteBody(FieldCipher cipher) {
            super(cipher, "session_note", "body", "session_note_locked");
        }
    }

    @Component
    @Converter
    public static class AddendumBody extends EncryptedText {
        public AddendumBody(FieldCipher cipher) {
            super(cipher, "session_note_addendum", "body", "session_note_addendum_no_change");
        }
    }
}
