/** Registered FHIR API clients as stored, with their repository. */
@NullMarked
package app.thaw.fhir.domain;

import org.jspecify.annotations.NullMarked;
