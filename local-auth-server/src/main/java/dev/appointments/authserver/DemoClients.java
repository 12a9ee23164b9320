package dev.appointments.authserver;

import java.time.Duration;
import java.util.UUID;

import dev.appointments.authserver.LocalAuthServerProperties.Client;
import dev.appointments.authserver.LocalAuthServerProperties.PatientWebClient;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;

/**
 * Turns the configured demo clients into registrations of the authorization server.
 */
final class DemoClients {

    private DemoClients() {
    }

    /**
     * A machine client: client-credentials grant, secret in the Basic header or the form.
     */
    static RegisteredClient machine(Client client, Duration accessTokenTtl) {
        if (client.clientId() == null || client.clientId().isBlank() || client.secret() == null) {
            throw new IllegalArgumentException("A demo client needs a client-id and a secret");
        }
        ClientSettings.Builder settings = ClientSettings.builder()
            .requireAuthorizationConsent(false)
            .setting(Claims.ROLES_SETTING, client.roles())
            .setting(Claims.PROVIDER_IDS_SETTING, client.providerIds());
        if (client.patientId() != null) {
            settings.setting(Claims.PATIENT_ID_SETTING, client.patientId());
        }
        return RegisteredClient.withId(UUID.randomUUID().toString())
            .clientId(client.clientId())
            // {noop}: an in-memory demo secret of a server that only ever runs on
            // loopback.
            .clientSecret("{noop}" + client.secret())
            .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
            .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
            .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
            .clientSettings(settings.build())
            .tokenSettings(TokenSettings.builder().accessTokenTimeToLive(accessTokenTtl).build())
            .build();
    }

    /**
     * The patient web page: a public client, so PKCE is required and nothing is secret.
     */
    static RegisteredClient patientWeb(PatientWebClient client, Duration accessTokenTtl) {
        return RegisteredClient.withId(UUID.randomUUID().toString())
            .clientId(client.clientId())
            .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
            .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
            .redirectUris(uris -> uris.addAll(client.redirectUris()))
            .scope(OidcScopes.OPENID)
            .clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false).build())
            .tokenSettings(TokenSettings.builder().accessTokenTimeToLive(accessTokenTtl).build())
            .build();
    }

}
