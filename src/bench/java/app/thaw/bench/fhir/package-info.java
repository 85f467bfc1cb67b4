/** {@code -Dbench=fhir}: FHIR API reads at bench scale. */
package app.thaw.bench.fhir;
