package dev.appointments.security;

import java.util.ArrayList;
import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerProperties;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;
import org.springframework.util.StringUtils;

/**
 * Builds the JWT decoder from Spring Boot's standard resource-server properties. The
 * issuer's metadata and keys are fetched on the first token, not at startup, so a service
 * starts while its issuer is still down; without any issuer configured every token is
 * refused.
 */
final class IssuerJwtDecoders {

    private static final Log log = LogFactory.getLog(IssuerJwtDecoders.class);

    private IssuerJwtDecoders() {
    }

    static JwtDecoder from(OAuth2ResourceServerProperties.Jwt properties) {
        String issuer = properties.getIssuerUri();
        String jwkSetUri = properties.getJwkSetUri();
        if (!StringUtils.hasText(issuer) && !StringUtils.hasText(jwkSetUri)) {
            log.warn("No token issuer is configured (spring.security.oauth2.resourceserver.jwt.issuer-uri): "
                    + "every request that needs a token will be answered 401");
            return token -> {
                throw new BadJwtException("No token issuer is configured");
            };
        }
        List<String> audiences = List.copyOf(properties.getAudiences());
        return new SupplierJwtDecoder(() -> {
            NimbusJwtDecoder decoder = StringUtils.hasText(jwkSetUri)
                    ? NimbusJwtDecoder.withJwkSetUri(jwkSetUri).build()
                    : NimbusJwtDecoder.withIssuerLocation(issuer).build();
            List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
            validators.add(StringUtils.hasText(issuer) ? JwtValidators.createDefaultWithIssuer(issuer)
                    : JwtValidators.createDefault());
            if (!audiences.isEmpty()) {
                validators.add(new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
                        audience -> audience != null && audience.stream().anyMatch(audiences::contains)));
            }
            decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(validators));
            return decoder;
        });
    }

}
