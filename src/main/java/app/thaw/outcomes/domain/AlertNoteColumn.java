package app.thaw.outcomes.domain;

import org.springframework.stereotype.Component;

import app.thaw.base.crypto.EncryptedText;
import app.thaw.base.crypto.FieldCipher;

/** The therapist's note on acknowledging a repeat-measure alert: clinical free text, encrypted at rest (ADR 5). */
@Component
public class AlertNoteColumn extends EncryptedText {

    public AlertNoteColumn(FieldCipher cipher) {
        super(cipher, "measure_alert", "note", null);
    }
}
