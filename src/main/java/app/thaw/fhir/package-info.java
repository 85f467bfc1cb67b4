/**
 * FHIR R4 for other clinical systems: the questionnaires, a client's answers, scores, risk flags, referrals and
 * sessions as HAPI FHIR resources, read through a token-protected API or downloaded as a transfer-of-care document.
 * Every case read goes through the case-access policy and is audited.
 */
@NullMarked
package app.thaw.fhir;

import org.jspecify.annotations.NullMarked;
