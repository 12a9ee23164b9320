package dev.appointments.query.ops;

import java.net.URI;

import dev.appointments.query.web.BadParameter;
import dev.appointments.query.web.NotFound;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The ops API: queue depths, dead letters and redrives. Only callers with the {@code ops}
 * role get here (the path rule {@code /api/ops/**} of the service's access
 * configuration).
 */
@RestController
@RequestMapping("/api/ops")
@Tag(name = "Operations", description = "Queue depth, dead letters and redrive; needs the ops role")
class OpsController {

    static final int MAX_PEEK = 100;

    private final WatchedQueues watched;

    private final QueueDepths depths;

    private final DeadLetterBrowser browser;

    private final Redrives redrives;

    OpsController(WatchedQueues watched, QueueDepths depths, DeadLetterBrowser browser, Redrives redrives) {
        this.watched = watched;
        this.depths = depths;
        this.browser = browser;
        this.redrives = redrives;
    }

    @GetMapping("/queues")
    @Operation(summary = "Depth of every queue and its dead-letter queue, and the redrive policy (live from SQS)")
    QueuesView queues() {
        return depths.all();
    }

    @GetMapping("/dlq/{queue}/messages")
    @Operation(summary = "Peek at the dead letters of a queue; they stay in the dead-letter queue")
    @ApiResponse(responseCode = "404", description = "Not a watched queue")
    DeadLettersView deadLetters(@Parameter(description = "the work queue, or its -dlq") @PathVariable String queue,
            @RequestParam(defaultValue = "10") int limit) {
        if (limit < 1 || limit > MAX_PEEK) {
            throw new BadParameter("limit",
                    "Parameter 'limit' must be between 1 and " + MAX_PEEK + ", not " + limit + ".");
        }
        return browser.peek(watched.resolve(queue), limit);
    }

    @PostMapping("/dlq/{queue}/redrive")
    @Operation(summary = "Move every dead letter of a queue back to the queue (an SQS message move task)")
    @ApiResponse(responseCode = "202", description = "Started; follow it at the Location")
    @ApiResponse(responseCode = "409", description = "A redrive of this queue is already running")
    ResponseEntity<RedriveView> redrive(
            @Parameter(description = "the work queue, or its -dlq") @PathVariable String queue,
            @Parameter(description = "messages per second, 1 to 500; SQS picks a rate when absent") @RequestParam(
                    required = false) Integer maxPerSecond) {
        if (maxPerSecond != null && (maxPerSecond < 1 || maxPerSecond > 500)) {
            throw new BadParameter("maxPerSecond",
                    "Parameter 'maxPerSecond' must be between 1 and 500, not " + maxPerSecond + ".");
        }
        RedriveView started = redrives.start(watched.resolve(queue), maxPerSecond);
        return ResponseEntity.accepted().location(URI.create("/api/ops/redrives/" + started.id())).body(started);
    }

    @GetMapping("/redrives/{id}")
    @Operation(summary = "Progress of a redrive")
    @ApiResponse(responseCode = "404", description = "Unknown, or no longer listed by SQS")
    RedriveView redriveProgress(@PathVariable String id) {
        String[] parts = RedriveView.parse(id).orElseThrow(() -> unknownRedrive(id));
        String queue = watched.resolve(parts[0]);
        return redrives.find(queue, parts[1]).orElseThrow(() -> unknownRedrive(id));
    }

    private static NotFound unknownRedrive(String id) {
        return new NotFound("No redrive " + id + " is known; SQS lists the last ten of each dead-letter queue.");
    }

}
