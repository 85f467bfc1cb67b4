/** The waiting list screen, the offer dialog and the client's page for choosing an offered time. */
@NullMarked
package app.thaw.waitlist.ui;

import org.jspecify.annotations.NullMarked;
