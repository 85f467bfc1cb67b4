/** The therapist's side: the review queue, case view, suggested contributing factors and referral decisions. */
@NullMarked
package app.thaw.review;

import org.jspecify.annotations.NullMarked;
