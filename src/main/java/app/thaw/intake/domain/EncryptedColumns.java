package app.thaw.intake.domain;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import app.thaw.base.crypto.EncryptedColumn;
import app.thaw.base.crypto.EncryptedText;
import app.thaw.base.crypto.FieldCipher;

/** The intake's encrypted columns (ADR 5): free-text answers, drafts and corrections. */
public final class EncryptedColumns {

    private EncryptedColumns() {
    }

    /** An answers document whose free-text values are encrypted one by one. */
    abstract static class AnswersDocument implements AttributeConverter<String, String>, EncryptedColumn {

        private final AnswerEncryption answers;
        private final String table;
        private final @Nullable String guardTrigger;

        AnswersDocument(AnswerEncryption answers, String table, @Nullable String guardTrigger) {
            this.answers = answers;
            this.table = table;
            this.guardTrigger = guardTrigger;
        }

        String context() {
            return table + ".answers";
        }

        @Override
        public String convertToDatabaseColumn(String plain) {
            return answers.encrypt(plain, context());
        }

        @Override
        public String convertToEntityAttribute(String stored) {
            return answers.decrypt(stored, context());
        }

        @Override
        public String table() {
            return table;
        }

        @Override
        public String column() {
            return "answers";
        }

        @Override
        public @Nullable String guardTrigger() {
            return guardTrigger;
        }

        @Override
        public String placeholder() {
            return "cast(? as jsonb)";
        }

        @Override
        public String staleCondition(FieldCipher ring) {
            return answers.staleCondition("answers", ring);
        }

        @Override
        public String reencrypt(String stored, FieldCipher ring) {
            return answers.reencrypt(stored, context(), ring);
        }
    }

    /** Submitted answers: re-encrypting them is the one change their immutability trigger lets through. */
    @Component
    @Converter
    public static class IntakeAnswers extends AnswersDocument {
        public IntakeAnswers(AnswerEncryption answers) {
            super(answers, "intake", "intake_answers_immutable");
        }
    }

    @Component
    @Converter
    public static class DraftAnswers extends AnswersDocument {
        public DraftAnswers(AnswerEncryption answers) {
            super(answers, "intake_draft", null);
        }
    }

    /** The reason given for a correction (written and read with JDBC). */
    @Component
    public static class AmendmentReason extends EncryptedText {
        public AmendmentReason(FieldCipher cipher) {
            super(cipher, "intake_amendment", "reason", "intake_amendment_no_change");
        }
    }

    /** A corrected answer: every value encrypted, whatever the question (corrections are few and not counted). */
    @Component
    public static class AmendmentAnswer implements EncryptedColumn {

        public static final String CONTEXT = "intake_amendment.answer";

        private final AnswerEncryption answers;

        public AmendmentAnswer(AnswerEncryption answers) {
            this.answers = answers;
        }

        public String encrypt(String valuesJson) {
            return answers.encryptValues(valuesJson, CONTEXT);
        }

        public String decrypt(String valuesJson) {
            return answers.decryptValues(valuesJson, CONTEXT);
        }

        @Override
        public String table() {
            return "intake_amendment";
        }

        @Override
        public String column() {
            return "answer";
        }

        @Override
        public String guardTrigger() {
            return "intake_amendment_no_change";
        }

        @Override
        public String placeholder() {
            return "cast(? as jsonb)";
        }

        @Override
        public String staleCondition(FieldCipher ring) {
            return "exists (select 1 from jsonb_array_elements_text(answer) v(t) where v.t not like '"
                    + ring.activePrefix() + "%')";
        }

        @Override
        public String reencrypt(String stored, FieldCipher ring) {
            return answers.reencryptValues(stored, CONTEXT, ring);
        }
    }

    /** The client's status link, kept only for clients who said email is safe, to put it in their booking emails. */
    @Component
    @Converter
    public static class StatusLinkToken extends EncryptedText {
        public StatusLinkToken(FieldCipher cipher) {
            super(cipher, "client_status_link", "token", null);
        }

        @Override
        public String idColumn() {
            return "intake_id";
        }
    }
}
