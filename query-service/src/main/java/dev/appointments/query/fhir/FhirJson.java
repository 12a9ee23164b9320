package dev.appointments.query.fhir;

import ca.uhn.fhir.context.FhirContext;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * Writes resources as {@code application/fhir+json} responses. HAPI parsers are not
 * thread-safe, so each response gets its own (they are cheap; the context is not).
 */
@Component
class FhirJson {

    static final MediaType FHIR_JSON = MediaType.parseMediaType("application/fhir+json");

    private final FhirContext context;

    FhirJson(FhirContext context) {
        this.context = context;
    }

    String write(IBaseResource resource) {
        return context.newJsonParser().encodeResourceToString(resource);
    }

    ResponseEntity<String> ok(IBaseResource resource) {
        return ResponseEntity.ok().contentType(FHIR_JSON).body(write(resource));
    }

}
