/** Client emails through a transactional outbox (bookings, reminders, receipts, invitations) and calendar feeds. */
@NullMarked
package app.thaw.notification;

import org.jspecify.annotations.NullMarked;
