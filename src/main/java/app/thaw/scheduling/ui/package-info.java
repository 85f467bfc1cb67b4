/**
 * The diary screens: calendar, booking and session dialogs, working hours, closed days and clients' change
 * requests.
 */
@NullMarked
package app.thaw.scheduling.ui;

import org.jspecify.annotations.NullMarked;
