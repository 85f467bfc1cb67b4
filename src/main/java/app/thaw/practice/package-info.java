/**
 * Running the practice, for the practice manager: its details, notice period, reminder times and kinds of session;
 * operational reports (nothing clinical); handing a leaving therapist's sessions and cases over.
 */
@NullMarked
package app.thaw.practice;

import org.jspecify.annotations.NullMarked;
