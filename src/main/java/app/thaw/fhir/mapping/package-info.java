/** Pure mapping between Thaw's records and HAPI FHIR R4 resources; no Spring, no database. */
package app.thaw.fhir.mapping;
