package app.thaw.privacy.domain;

import jakarta.persistence.Converter;

import org.springframework.stereotype.Component;

import app.thaw.base.crypto.EncryptedText;
import app.thaw.base.crypto.FieldCipher;

/** What a clinician withheld from a subject access export and why: clinical content, encrypted at rest (ADR 5). */
public final class EncryptedColumns {

    private EncryptedColumns() {
    }

    @Component
    @Converter
    public static class WithheldKey extends EncryptedText {
        public WithheldKey(FieldCipher cipher) {
            super(cipher, "subject_access_withheld", "item_key", null);
        }
    }

    @Component
    @Converter
    public static class WithheldTitle extends EncryptedText {
        public WithheldTitle(FieldCipher cipher) {
            super(cipher, "subject_access_withheld", "item_title", null);
        }
    }

    @Component
    @Converter
    public static class WithheldReason extends EncryptedText {
        public WithheldReason(FieldCipher cipher) {
            super(cipher, "subject_access_withheld", "reason", null);
        }
    }
}
