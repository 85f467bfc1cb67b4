/**
 * The waiting list: referred cases waiting for a first session (urgent first, then longest waiting), offers of held
 * times that each client may choose from through their own link (either partner of a couple), expiry of those offers,
 * and the waits per service type. Holds take part in the diary's no-double-booking constraint; booking a chosen time
 * goes through scheduling's {@code HeldBookings}, with the same safety gates as any booking.
 */
@NullMarked
package app.thaw.waitlist;

import org.jspecify.annotations.NullMarked;
