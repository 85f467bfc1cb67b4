/** The practice manager's outbox and the therapist's calendar feed screens. */
@NullMarked
package app.thaw.notification.ui;

import org.jspecify.annotations.NullMarked;
