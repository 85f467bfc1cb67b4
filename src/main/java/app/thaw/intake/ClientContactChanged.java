package app.thaw.intake;

/**
 * A client's email address was corrected, or email stopped being safe for them: nothing more about them may go to
 * {@code previousAddress}. Published in the transaction that recorded the correction.
 */
public record ClientContactChanged(long intakeId, String previousAddress) {
}
