/**
 * Outcome measures through therapy: versioned measure sets on the intake's questionnaire engine, asked before each
 * session through the client's own link, risk on every repeat, the therapist's charts with the NHS Talking Therapies
 * states, and the practice's results read from a summary kept ready as courses of care end.
 */
@NullMarked
package app.thaw.outcomes;

import org.jspecify.annotations.NullMarked;
