/** Sessions in the diary: rooms, working hours, booking without double booking, series, cancellations. */
@NullMarked
package app.thaw.scheduling;

import org.jspecify.annotations.NullMarked;
