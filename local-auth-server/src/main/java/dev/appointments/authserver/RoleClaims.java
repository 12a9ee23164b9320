package dev.appointments.authserver;

import java.util.List;

import dev.appointments.authserver.LocalAuthServerProperties.User;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

/**
 * Writes the product's claims into tokens: {@code roles}, and {@code patient_id} /
 * {@code provider_id} where the caller has them. A machine's claims come from its client
 * registration, a person's from their demo user entry.
 */
final class RoleClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

    private final DemoUsers users;

    RoleClaims(DemoUsers users) {
        this.users = users;
    }

    @Override
    public void customize(JwtEncodingContext context) {
        boolean accessToken = OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType());
        boolean idToken = OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue());
        if (!accessToken && !idToken) {
            return;
        }
        JwtClaimsSet.Builder claims = context.getClaims();
        if (AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())) {
            ClientSettings settings = context.getRegisteredClient().getClientSettings();
            put(claims, Claims.ROLES, settings.<List<String>>getSetting(Claims.ROLES_SETTING));
            put(claims, Claims.PATIENT_ID, settings.<String>getSetting(Claims.PATIENT_ID_SETTING));
            put(claims, Claims.PROVIDER_ID, settings.<List<String>>getSetting(Claims.PROVIDER_IDS_SETTING));
            return;
        }
        users.find(context.getPrincipal().getName()).ifPresent((User user) -> {
            put(claims, Claims.ROLES, user.roles());
            put(claims, Claims.PATIENT_ID, user.patientId());
            put(claims, Claims.PROVIDER_ID, user.providerIds());
        });
    }

    private static void put(JwtClaimsSet.Builder claims, String name, Object value) {
        if (value == null || (value instanceof List<?> list && list.isEmpty())) {
            return;
        }
        claims.claim(name, value);
    }

}
