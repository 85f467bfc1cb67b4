/** The client's side: the public intake questionnaire, drafts, submission, risk pathway and status link. */
@NullMarked
package app.thaw.intake;

import org.jspecify.annotations.NullMarked;
