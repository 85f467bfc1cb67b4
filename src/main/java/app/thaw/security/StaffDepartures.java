package app.thaw.security;

/**
 * What a feature lets go of when a staff member is deactivated, in the deactivation's transaction once nothing they
 * must hand over is left ({@link StaffCommitments}): things only they could have given, which no one else can take
 * on as they stand: times held in their diary for waiting clients (the waiting list), their private diary link
 * (notifications).
 */
public interface StaffDepartures {

    /** Lets go of what {@code staffId} held; must never wait for a lock a client's choice holds (skip it instead). */
    void letGo(long staffId);
}
