/** The client's side: the public intake questionnaire, drafts, submission, risk pathway and status link. */
package app.thaw.intake;
