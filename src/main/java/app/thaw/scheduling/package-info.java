/** Sessions in the diary: rooms, working hours, booking without double booking, series, cancellations. */
package app.thaw.scheduling;
