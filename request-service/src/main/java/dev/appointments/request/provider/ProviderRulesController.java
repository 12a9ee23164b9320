package dev.appointments.request.provider;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import dev.appointments.rules.ProviderRules;
import dev.appointments.rules.RuleViolation;
import dev.appointments.security.Caller;
import dev.appointments.security.Roles;
import dev.appointments.store.provider.Provider;
import dev.appointments.store.provider.Providers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET} and {@code PUT /api/providers/{providerId}/rules}: a provider edits its own
 * booking rules (an admin any provider's). Every change is conditional: {@code If-Match}
 * with the {@code ETag} (the rules' version) is required, and the write happens only
 * while the stored rules are still at that version, so that two editors never overwrite
 * each other unseen (412 for the second; 428 without {@code If-Match}). Another
 * provider's rules are 404, like missing ones.
 */
@RestController
@Tag(name = "Provider rules")
class ProviderRulesController {

    private static final String PATH = "/api/providers/{providerId}/rules";

    private final Providers providers;

    private final Clock clock;

    ProviderRulesController(Providers providers, Clock clock) {
        this.providers = providers;
        this.clock = clock;
    }

    @GetMapping(PATH)
    @Operation(summary = "A provider's booking rules, with their version as ETag")
    @ApiResponse(responseCode = "404", content = @Content(mediaType = "application/problem+json"))
    ResponseEntity<?> read(@PathVariable String providerId, Caller caller) {
        return mine(providerId, caller)
            .<ResponseEntity<?>>map(provider -> ResponseEntity.ok()
                .eTag(Long.toString(provider.version()))
                .body(ProviderController.ProviderView.of(provider)))
            .orElseGet(() -> notFound(providerId));
    }

    @PutMapping(path = PATH, consumes = "application/json")
    @Operation(summary = "Replace a provider's booking rules, if they are still at the version of If-Match",
            description = "Absent fields take their defaults. 412 when the rules changed since they were read, 428 "
                    + "without If-Match.")
    @ApiResponse(responseCode = "400", description = "The rules break a constraint; each field is named",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "404", content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "412", content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "428", content = @Content(mediaType = "application/problem+json"))
    ResponseEntity<?> replace(@PathVariable String providerId, @RequestBody ProviderRules rules,
            @RequestHeader(name = "If-Match", required = false) String ifMatch, Caller caller) {
        Optional<Provider> current = mine(providerId, caller);
        if (current.isEmpty()) {
            return notFound(providerId);
        }
        if (ifMatch == null || ifMatch.isBlank()) {
            return problem(HttpStatus.PRECONDITION_REQUIRED, "If-Match required",
                    "Send the ETag of the rules you read as If-Match, so that no one else's change is overwritten.");
        }
        Optional<Long> expected = version(ifMatch);
        if (expected.isEmpty() || expected.get() != current.get().version()) {
            return stale();
        }
        List<RuleViolation> violations = rules.validate();
        if (!violations.isEmpty()) {
            ResponseEntity<ProblemDetail> invalid = problem(HttpStatus.BAD_REQUEST, "Invalid provider rules",
                    violations.stream()
                        .map(violation -> violation.field() + ": " + violation.message())
                        .collect(Collectors.joining("; ")));
            invalid.getBody().setProperty("violations", violations);
            return invalid;
        }
        return providers.update(providerId, rules, expected.get(), clock.instant())
            .<ResponseEntity<?>>map(saved -> ResponseEntity.ok()
                .eTag(Long.toString(saved.version()))
                .body(ProviderController.ProviderView.of(saved)))
            .orElseGet(ProviderRulesController::stale);
    }

    /**
     * The provider, if the caller may edit it: an admin any, a provider those of its
     * token.
     */
    private Optional<Provider> mine(String providerId, Caller caller) {
        boolean allowed = caller.hasRole(Roles.ADMIN)
                || (caller.hasRole(Roles.PROVIDER) && caller.providerIds().contains(providerId));
        return allowed ? providers.find(providerId) : Optional.empty();
    }

    /** The version of an entity tag: {@code "3"}, {@code W/"3"} or a bare {@code 3}. */
    private static Optional<Long> version(String ifMatch) {
        String tag = ifMatch.trim();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        tag = tag.replace("\"", "");
        return tag.matches("[0-9]{1,18}") ? Optional.of(Long.parseLong(tag)) : Optional.empty();
    }

    private static ResponseEntity<?> stale() {
        return problem(HttpStatus.PRECONDITION_FAILED, "Rules changed",
                "The rules changed since they were read; read them again and redo the change.");
    }

    private static ResponseEntity<?> notFound(String providerId) {
        return problem(HttpStatus.NOT_FOUND, "Unknown provider", "There is no provider " + providerId + ".");
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return ResponseEntity.status(status).body(problem);
    }

}
