package app.thaw.base.crypto;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a missing or malformed key into a short start-up message instead of a stack trace. */
class MissingKeyFailureAnalyzer extends AbstractFailureAnalyzer<EncryptionKeys.MissingEncryptionKeyException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, EncryptionKeys.MissingEncryptionKeyException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Configure thaw.crypto.keys.<id> and thaw.crypto.active-key (see README, Encryption at rest).", cause);
    }
}
