package app.thaw.base.events;

/** A test-only event: only {@link FailOnceListener} listens to it. */
public record ProbeEvent(String key) {
}
