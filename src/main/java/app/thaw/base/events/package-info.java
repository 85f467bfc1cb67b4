/**
 * Cross-feature events that cannot be lost: Spring Modulith's JDBC event publication registry stores every event
 * for each after-commit listener with the commit, and {@link app.thaw.base.events.EventResubmission} hands what a
 * listener has not finished back to it on start and every minute, on one instance at a time.
 */
@NullMarked
package app.thaw.base.events;

import org.jspecify.annotations.NullMarked;
