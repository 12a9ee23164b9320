package dev.appointments.query.provider;

import dev.appointments.query.web.ETags;
import dev.appointments.query.web.NotFound;
import dev.appointments.store.provider.Providers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/providers/{id}}: a provider's booking rules, tagged with their version.
 */
@RestController
@Tag(name = "Providers")
class ProviderController {

    private final Providers providers;

    ProviderController(Providers providers) {
        this.providers = providers;
    }

    @GetMapping("/api/providers/{id}")
    @Operation(summary = "A provider and its booking rules",
            description = "The ETag is the rules' version; If-None-Match gives 304 while they are unchanged.")
    @ApiResponse(responseCode = "404", content = @Content(mediaType = "application/problem+json"))
    ResponseEntity<ProviderView> provider(@PathVariable String id) {
        ProviderView provider = providers.find(id)
            .map(ProviderView::of)
            .orElseThrow(() -> new NotFound("There is no provider " + id + "."));
        return ResponseEntity.ok()
            .eTag(ETags.ofVersion(provider.version()))
            .cacheControl(CacheControl.noCache())
            .body(provider);
    }

}
