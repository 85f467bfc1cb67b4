package app.thaw.intake;

import org.jspecify.annotations.Nullable;

/** Published when a client's intake is stored; carries no clinical content, only what to look up. */
public record IntakeSubmitted(long intakeId, String reference, boolean urgent, RequestedType requestedType,
                              @Nullable Long coupleCaseId) {
}
