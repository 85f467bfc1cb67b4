/** Client emails through a transactional outbox (bookings, reminders, receipts, invitations) and calendar feeds. */
package app.thaw.notification;
