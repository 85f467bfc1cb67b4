package app.thaw.scheduling;

/**
 * What a feature lets go of when a room goes out of use, in the same transaction: times held in it for waiting
 * clients (the waiting list), which would otherwise become sessions in a room no longer offered.
 */
public interface RoomsOutOfUse {

    /** Lets go of what is held in the room; must never wait for a lock a client's choice holds (skip it instead). */
    void letGo(long roomId);
}
