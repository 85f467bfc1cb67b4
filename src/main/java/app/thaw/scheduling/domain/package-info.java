/** Appointments, rooms, session types, closed days and clients' change requests as stored, with their repositories. */
@NullMarked
package app.thaw.scheduling.domain;

import org.jspecify.annotations.NullMarked;
