/** The therapist's screens: the review queue, the case view and its panels and dialogs. */
@NullMarked
package app.thaw.review.ui;

import org.jspecify.annotations.NullMarked;
