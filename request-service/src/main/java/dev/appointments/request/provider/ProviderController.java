package dev.appointments.request.provider;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import dev.appointments.rules.ProviderRules;
import dev.appointments.rules.RuleViolation;
import dev.appointments.store.provider.Provider;
import dev.appointments.store.provider.Providers;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code PUT /api/providers/{providerId}} creates a provider (201) or, with
 * {@code If-Match} naming the version it was made from, replaces its booking rules (412
 * when the provider is at another version, 428 without If-Match); {@code GET
 * /api/providers/{providerId}} returns them. Invalid rules get a problem response naming
 * each field. A change answers with the future appointments the new rules would not
 * allow: they stay booked.
 */
@RestController
@RequestMapping("/api/providers")
class ProviderController {

    private final Providers providers;

    private final AppointmentsOutsideRules outsideRules;

    private final Clock clock;

    ProviderController(Providers providers, AppointmentsOutsideRules outsideRules, Clock clock) {
        this.providers = providers;
        this.outsideRules = outsideRules;
        this.clock = clock;
    }

    @PutMapping("/{providerId}")
    ResponseEntity<?> put(@PathVariable String providerId, @RequestBody ProviderRules rules,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        if (!providerId.matches("[A-Za-z0-9._:-]{1,128}")) {
            return ResponseEntity.badRequest()
                .body(problem(HttpStatus.BAD_REQUEST, "Invalid provider id",
                        "A provider id is 1 to 128 characters of letters, digits and . _ : -", List.of()));
        }
        List<RuleViolation> violations = rules.validate();
        if (!violations.isEmpty()) {
            return ResponseEntity.badRequest()
                .body(problem(HttpStatus.BAD_REQUEST, "Invalid provider rules",
                        violations.stream()
                            .map(violation -> violation.field() + ": " + violation.message())
                            .reduce((a, b) -> a + "; " + b)
                            .orElse(""),
                        violations));
        }
        Instant now = clock.instant();
        if (ifMatch == null) {
            return providers.create(providerId, rules, now)
                .<ResponseEntity<?>>map(created -> ResponseEntity.created(URI.create("/api/providers/" + providerId))
                    .eTag(Long.toString(created.version()))
                    .body(SavedProviderView.of(created, outsideRules.find(providerId, created.calendar(), now))))
                .orElseGet(() -> ResponseEntity.status(HttpStatus.PRECONDITION_REQUIRED)
                    .body(problem(HttpStatus.PRECONDITION_REQUIRED, "If-Match required",
                            "Provider " + providerId
                                    + " exists: send If-Match with the ETag of the version you changed, from GET "
                                    + "/api/providers/" + providerId + ".",
                            List.of())));
        }
        // The write is conditional on the version matched here, so a change in between is
        // refused as well.
        return providers.find(providerId)
            .filter(current -> new IfMatch(ifMatch).matches(current.version()))
            .flatMap(current -> providers.update(providerId, rules, current.version(), now))
            .<ResponseEntity<?>>map(saved -> ResponseEntity.ok()
                .eTag(Long.toString(saved.version()))
                .body(SavedProviderView.of(saved, outsideRules.find(providerId, saved.calendar(), now))))
            .orElseGet(() -> ResponseEntity.status(HttpStatus.PRECONDITION_FAILED)
                .body(problem(HttpStatus.PRECONDITION_FAILED, "Provider changed",
                        "Provider " + providerId
                                + " is not at the version of If-Match (it changed, or does not exist): read it "
                                + "again and apply your change to what it is now.",
                        List.of())));
    }

    @GetMapping("/{providerId}")
    ResponseEntity<?> get(@PathVariable String providerId) {
        return providers.find(providerId)
            .<ResponseEntity<?>>map(provider -> ResponseEntity.ok()
                .eTag(Long.toString(provider.version()))
                .body(ProviderView.of(provider)))
            .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND)
                .body(problem(HttpStatus.NOT_FOUND, "Unknown provider", "There is no provider " + providerId + ".",
                        List.of())));
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail,
            List<RuleViolation> violations) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        if (!violations.isEmpty()) {
            problem.setProperty("violations", violations);
        }
        return problem;
    }

    /**
     * A provider as the admin API answers a PUT: with the future appointments its new
     * rules would not allow, which stay booked (empty when there are none), and whether
     * there were more than could be listed.
     */
    record SavedProviderView(String providerId, long version, Instant updatedAt, ProviderRules rules,
            List<AppointmentsOutsideRules.OutsideRules> appointmentsOutsideRules, boolean moreOutsideRules) {

        static SavedProviderView of(Provider provider, AppointmentsOutsideRules.Found outside) {
            return new SavedProviderView(provider.providerId(), provider.version(), provider.updatedAt(),
                    provider.rules(), outside.appointments(), outside.truncated());
        }
    }

    /** A provider as the admin API shows it. */
    record ProviderView(String providerId, long version, Instant updatedAt, ProviderRules rules) {

        static ProviderView of(Provider provider) {
            return new ProviderView(provider.providerId(), provider.version(), provider.updatedAt(), provider.rules());
        }
    }

}
