/** The FHIR R4 REST API at /fhir/R4: bearer-token security of its own, content negotiation, OperationOutcomes. */
@NullMarked
package app.thaw.fhir.api;

import org.jspecify.annotations.NullMarked;
