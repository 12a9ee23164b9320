package dev.appointments.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import dev.appointments.security.ApiSecurityProperties.Claims;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * The {@link Caller} of the request being served, from the bearer token Spring Security
 * has verified.
 */
public final class CallerContext {

    private static final String ROLE_PREFIX = "ROLE_";

    private final Claims claims;

    CallerContext(Claims claims) {
        this.claims = claims;
    }

    /**
     * The current caller; fails with an authentication error (401) when the request
     * carries no valid token.
     */
    public Caller current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (!(authentication instanceof JwtAuthenticationToken token)) {
            throw new AuthenticationCredentialsNotFoundException("This request has no verified bearer token");
        }
        return from(token);
    }

    Caller from(JwtAuthenticationToken token) {
        List<String> roles = new ArrayList<>();
        for (GrantedAuthority authority : token.getAuthorities()) {
            String name = authority.getAuthority();
            if (name != null && name.startsWith(ROLE_PREFIX)) {
                roles.add(name.substring(ROLE_PREFIX.length()));
            }
        }
        Jwt jwt = token.getToken();
        return new Caller(token.getName(), roles, jwt.getClaimAsString(claims.patientId()),
                stringList(jwt.getClaim(claims.providerId())));
    }

    /**
     * A claim that may be a JSON array or a single string (some issuers flatten
     * one-element arrays).
     */
    static List<String> stringList(Object claim) {
        if (claim == null) {
            return List.of();
        }
        if (claim instanceof Collection<?> values) {
            return values.stream().filter(value -> value != null).map(Object::toString).toList();
        }
        String text = claim.toString().trim();
        return text.isEmpty() ? List.of() : List.of(text.split("[\\s,]+"));
    }

}
