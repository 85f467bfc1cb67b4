/** The client's screens: the landing page, the intake form wizard, confirmation and status pages. */
@NullMarked
package app.thaw.intake.ui;

import org.jspecify.annotations.NullMarked;
