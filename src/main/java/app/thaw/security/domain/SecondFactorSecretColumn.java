package app.thaw.security.domain;

import jakarta.persistence.Converter;

import org.springframework.stereotype.Component;

import app.thaw.base.crypto.EncryptedText;
import app.thaw.base.crypto.FieldCipher;

/** The TOTP secret is as good as a password for the second step, so it is encrypted at rest (ADR 5). */
@Component
@Converter
public class SecondFactorSecretColumn extends EncryptedText {

    public SecondFactorSecretColumn(FieldCipher cipher) {
        super(cipher, "staff_second_factor", "secret", null);
    }
}
