/** Pure mapping between Thaw's records and HAPI FHIR R4 resources; no Spring, no database. */
@NullMarked
package app.thaw.fhir.mapping;

import org.jspecify.annotations.NullMarked;
