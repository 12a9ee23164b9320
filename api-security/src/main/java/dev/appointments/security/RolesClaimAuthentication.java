package dev.appointments.security;

import java.util.List;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Turns a verified JWT into an authentication whose authorities are {@code ROLE_<role>}
 * for each entry of the roles claim, and whose name is the token's subject.
 */
final class RolesClaimAuthentication implements Converter<Jwt, AbstractAuthenticationToken> {

    private final String rolesClaim;

    RolesClaimAuthentication(String rolesClaim) {
        this.rolesClaim = rolesClaim;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        List<SimpleGrantedAuthority> authorities = CallerContext.stringList(jwt.getClaim(rolesClaim))
            .stream()
            .map(role -> new SimpleGrantedAuthority("ROLE_" + role))
            .toList();
        String name = jwt.getSubject() != null ? jwt.getSubject() : jwt.getClaimAsString("client_id");
        // A token without subject is still one caller to the rate limiter, never an
        // unlimited one.
        if (name == null) {
            name = "unknown";
        }
        return new JwtAuthenticationToken(jwt, authorities, name);
    }

}
