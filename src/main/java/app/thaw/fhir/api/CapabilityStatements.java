package app.thaw.fhir.api;

import java.util.Date;
import java.util.Map;
import java.util.Set;

import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceComponent;
import org.hl7.fhir.r4.model.CapabilityStatement.RestfulCapabilityMode;
import org.hl7.fhir.r4.model.CapabilityStatement.TypeRestfulInteraction;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Enumerations;

import app.thaw.fhir.ApiScopes;

/** What this server does, for {@code GET /fhir/R4/metadata}: read and search, by type, JSON and XML, bearer tokens. */
final class CapabilityStatements {

    private static final Map<String, Enumerations.SearchParamType> TYPES = Map.of("patient",
            Enumerations.SearchParamType.REFERENCE, "subject", Enumerations.SearchParamType.REFERENCE,
            "questionnaire", Enumerations.SearchParamType.REFERENCE, "authored", Enumerations.SearchParamType.DATE,
            "date", Enumerations.SearchParamType.DATE, "code", Enumerations.SearchParamType.TOKEN,
            "_id", Enumerations.SearchParamType.TOKEN, "identifier", Enumerations.SearchParamType.TOKEN,
            "url", Enumerations.SearchParamType.URI, "version", Enumerations.SearchParamType.TOKEN);

    private CapabilityStatements() {
    }

    static CapabilityStatement of(String base, Map<String, Set<String>> parameters) {
        var statement = new CapabilityStatement();
        statement.setStatus(Enumerations.PublicationStatus.ACTIVE);
        statement.setDate(new Date());
        statement.setPublisher("Thaw");
        statement.setKind(CapabilityStatement.CapabilityStatementKind.INSTANCE);
        statement.getSoftware().setName("Thaw");
        statement.getImplementation().setDescription("Thaw FHIR R4 API (read-only)").setUrl(base);
        statement.setFhirVersion(Enumerations.FHIRVersion._4_0_1);
        statement.addFormat("json");
        statement.addFormat("xml");
        var rest = statement.addRest().setMode(RestfulCapabilityMode.SERVER);
        rest.getSecurity().addService(new CodeableConcept(new Coding(
                "http://terminology.hl7.org/CodeSystem/restful-security-service", "SMART-on-FHIR", "SMART-on-FHIR")))
                .setDescription("Bearer tokens issued by the practice manager to a named system, with SMART-style "
                        + "system scopes (" + ApiScopes.ALL + " or system/<type>.read). Tokens expire and can be "
                        + "revoked; every read of a client's record is audited.");
        for (String type : ApiScopes.TYPES) {
            CapabilityStatementRestResourceComponent resource = rest.addResource().setType(type);
            resource.addInteraction().setCode(TypeRestfulInteraction.READ);
            if (type.equals("Bundle")) {
                resource.setDocumentation("Bundle/{case reference}: the client's case as a FHIR document for a "
                        + "transfer of care (never the partner's answers).");
                continue;
            }
            resource.addInteraction().setCode(TypeRestfulInteraction.SEARCHTYPE);
            for (String name : parameters.getOrDefault(type, Set.of()).stream().sorted().toList()) {
                resource.addSearchParam().setName(name).setType(TYPES.get(name));
            }
        }
        return statement;
    }
}
