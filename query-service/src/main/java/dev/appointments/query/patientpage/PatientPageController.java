package dev.appointments.query.patientpage;

import java.net.URI;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /patient-page/config}: the settings the patient page
 * ({@code static/index.html}, {@code patient.js}) needs before anyone signs in, so it is
 * served without a token ({@code appointments.security.access} in
 * {@code query-service.yml}). It holds addresses and a public client id only, nothing
 * secret or personal.
 */
@RestController
class PatientPageController {

    private final PatientPageProperties properties;

    PatientPageController(PatientPageProperties properties) {
        this.properties = properties;
    }

    @GetMapping(path = "/patient-page/config", produces = MediaType.APPLICATION_JSON_VALUE)
    PageSettings config() {
        return new PageSettings(properties.authorizationEndpoint(), properties.tokenEndpoint(), properties.clientId(),
                properties.scope(), properties.redirectUri(), properties.requestServiceUrl(), properties.providers());
    }

    /** The page's view of {@link PatientPageProperties}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record PageSettings(URI authorizationEndpoint, URI tokenEndpoint, String clientId, String scope, URI redirectUri,
            URI requestServiceUrl, List<String> providers) {
    }

}
