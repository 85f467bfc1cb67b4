package app.thaw.care.domain;

import jakarta.persistence.Converter;

import org.springframework.stereotype.Component;

import app.thaw.base.crypto.EncryptedText;
import app.thaw.base.crypto.FieldCipher;

/** Session notes, their addenda and text kept at sign-out: clinical free text, encrypted at rest (ADR 5). */
public final class EncryptedColumns {

    private EncryptedColumns() {
    }

    @Component
    @Converter
    public static class SessionNoteBody extends EncryptedText {
        public SessionNoteBody(FieldCipher cipher) {
            super(cipher, "session_note", "body", "session_note_locked");
        }
    }

    @Component
    @Converter
    public static class SessionNoteAddendumBody extends EncryptedText {
        public SessionNoteAddendumBody(FieldCipher cipher) {
            super(cipher, "session_note_addendum", "body", "session_note_addendum_no_change");
        }
    }

    @Component
    @Converter
    public static class KeptNoteTextBody extends EncryptedText {
        public KeptNoteTextBody(FieldCipher cipher) {
            super(cipher, "session_note_kept_text", "body", null);
        }
    }
}
