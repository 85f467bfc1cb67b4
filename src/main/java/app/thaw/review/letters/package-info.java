/** Letters a therapist downloads after deciding an outside referral, rendered to PDF without Spring or a database. */
@NullMarked
package app.thaw.review.letters;

import org.jspecify.annotations.NullMarked;
