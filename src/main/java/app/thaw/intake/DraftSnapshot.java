package app.thaw.intake;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import app.thaw.intake.questionnaire.Answers;

/** A form in progress as the wizard needs it: its private resume token, answers and where the client was. */
public record DraftSnapshot(String token, Answers answers, @Nullable String currentSection, boolean partnerIntake,
                            Instant expiresAt) {
}
