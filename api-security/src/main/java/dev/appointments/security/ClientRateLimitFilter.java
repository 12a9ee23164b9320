package dev.appointments.security;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Limits chosen requests per client (the token's subject; the remote address for requests
 * without a token) and answers 429 with {@code Retry-After} when a client's bucket is
 * empty. It runs after authorization, so requests that are refused anyway cost the client
 * nothing.
 */
final class ClientRateLimitFilter extends OncePerRequestFilter {

    private final List<LimitedRequests> limits;

    ClientRateLimitFilter(List<LimitedRequests> limits) {
        this.limits = List.copyOf(limits);
    }

    /** Requests matching {@code matcher} share one set of buckets. */
    record LimitedRequests(RequestMatcher matcher, TokenBuckets buckets) {
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        for (LimitedRequests limit : limits) {
            if (limit.matcher().matches(request)) {
                Optional<Duration> wait = limit.buckets().tryTake(client(request));
                if (wait.isPresent()) {
                    long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
                    response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
                    Problems.write(request, response, HttpStatus.TOO_MANY_REQUESTS,
                            "Too many requests from this client; retry after %d seconds.".formatted(seconds));
                    return;
                }
                break;
            }
        }
        chain.doFilter(request, response);
    }

    private static String client(HttpServletRequest request) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof JwtAuthenticationToken token) {
            return "sub:" + token.getName();
        }
        return "addr:" + request.getRemoteAddr();
    }

}
