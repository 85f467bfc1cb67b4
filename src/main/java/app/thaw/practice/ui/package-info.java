/** The practice manager's screens: practice details, reports, session types and a leaver's handover. */
@NullMarked
package app.thaw.practice.ui;

import org.jspecify.annotations.NullMarked;
