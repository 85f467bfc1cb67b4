/** The screens where a practice manager registers FHIR API clients and issues their tokens. */
@NullMarked
package app.thaw.fhir.ui;

import org.jspecify.annotations.NullMarked;
