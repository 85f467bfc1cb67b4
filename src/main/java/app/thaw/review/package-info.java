/** The therapist's side: the review queue, case view, suggested contributing factors and referral decisions. */
package app.thaw.review;
