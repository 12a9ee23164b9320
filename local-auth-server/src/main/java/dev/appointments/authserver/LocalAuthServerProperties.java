package dev.appointments.authserver;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The demo clients and users of the local authorization server
 * ({@code local-auth-server.yml}). Every value can be overridden by an environment
 * variable, e.g. {@code LOCAL_AUTH_SERVER_USERS_0_PATIENT_ID}.
 *
 * @param issuer the issuer URI written into tokens; set by {@link LocalAuthServer#start}
 * from the bound port
 * @param accessTokenTtl how long an access token is valid
 * @param clients client-credentials clients (machines and test callers) and the claims
 * their tokens carry
 * @param users people who sign in through the authorization-code flow of the patient web
 * client
 * @param patientWebClient the public client (PKCE, no secret) of the patient web page
 * @param corsAllowedOrigins browser origins that may call the token endpoint; empty means
 * the origins of the patient web client's redirect URIs
 */
@ConfigurationProperties("local-auth-server")
record LocalAuthServerProperties(URI issuer, @DefaultValue("1h") Duration accessTokenTtl, List<Client> clients,
        List<User> users, @DefaultValue PatientWebClient patientWebClient, List<String> corsAllowedOrigins) {

    LocalAuthServerProperties {
        clients = clients == null ? List.of() : List.copyOf(clients);
        users = users == null ? List.of() : List.copyOf(users);
        corsAllowedOrigins = corsAllowedOrigins == null ? List.of() : List.copyOf(corsAllowedOrigins);
    }

    /**
     * A client-credentials client; its tokens carry its roles and, where given, patient
     * and provider ids.
     */
    record Client(String clientId, String secret, List<String> roles, String patientId, List<String> providerIds) {

        Client {
            roles = roles == null ? List.of() : List.copyOf(roles);
            providerIds = providerIds == null ? List.of() : List.copyOf(providerIds);
        }
    }

    /**
     * A person who signs in with a password; tokens issued for them carry these roles,
     * and the patient id or the provider ids they have.
     */
    record User(String username, String password, @DefaultValue("patient") List<String> roles, String patientId,
            List<String> providerIds) {

        User {
            roles = roles == null ? List.of() : List.copyOf(roles);
            providerIds = providerIds == null ? List.of() : List.copyOf(providerIds);
        }
    }

    /**
     * The patient and provider pages' public client: authorization code with PKCE, exact
     * redirect URIs.
     */
    record PatientWebClient(@DefaultValue("patient-web") String clientId, @DefaultValue( {
            "http://127.0.0.1:8080/", "http://127.0.0.1:8080/provider" }) List<String> redirectUris){
    }
}
