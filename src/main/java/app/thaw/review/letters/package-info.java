/** Letters a therapist downloads after deciding an outside referral, rendered to PDF without Spring or a database. */
package app.thaw.review.letters;
