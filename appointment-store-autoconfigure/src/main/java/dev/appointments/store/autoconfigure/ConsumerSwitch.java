package dev.appointments.store.autoconfigure;

import java.util.concurrent.ExecutorService;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.event.CircuitBreakerOnStateTransitionEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.stream.binding.BindingsLifecycleController;
import org.springframework.cloud.stream.binding.BindingsLifecycleController.State;

/**
 * Follows the DynamoDB circuit with the consumer binding: stopped when the circuit opens,
 * started when it closes. While the circuit is half-open the binding stays stopped and
 * probe calls, not messages, find out whether DynamoDB answers again: a message received
 * only to fail would count one more receive towards the dead-letter queue, and a long
 * outage has many half-open moments.
 */
final class ConsumerSwitch {

    private static final Logger log = LoggerFactory.getLogger(ConsumerSwitch.class);

    /**
     * Enough for the circuit's half-open calls to decide; more only if other callers keep
     * it undecided.
     */
    private static final int MAX_PROBES = 5;

    private final CircuitBreaker circuitBreaker;

    private final BindingsLifecycleController bindings;

    private final String binding;

    private final Runnable probe;

    private final ExecutorService executor;

    /**
     * @param probe a cheap DynamoDB call; any answer of DynamoDB, even a refusal, counts
     * as a success
     * @param executor runs the changes one after the other, off the consumer threads:
     * stopping a binding waits for its messages in process
     */
    ConsumerSwitch(CircuitBreaker circuitBreaker, BindingsLifecycleController bindings, String binding, Runnable probe,
            ExecutorService executor) {
        this.circuitBreaker = circuitBreaker;
        this.bindings = bindings;
        this.binding = binding;
        this.probe = probe;
        this.executor = executor;
    }

    void follow() {
        circuitBreaker.getEventPublisher().onStateTransition(this::onTransition);
    }

    private void onTransition(CircuitBreakerOnStateTransitionEvent event) {
        switch (event.getStateTransition().getToState()) {
            case OPEN, FORCED_OPEN -> executor.execute(() -> change(event, State.STOPPED));
            case CLOSED -> executor.execute(() -> change(event, State.STARTED));
            case HALF_OPEN -> {
                log.debug("DynamoDB circuit {}: probing", event.getStateTransition());
                executor.execute(this::probe);
            }
            default -> {
            }
        }
    }

    private void change(CircuitBreakerOnStateTransitionEvent event, State target) {
        log.warn("DynamoDB circuit {}: consumer binding {} -> {}", event.getStateTransition(), binding, target);
        bindings.changeState(binding, target);
    }

    private void probe() {
        for (int i = 0; i < MAX_PROBES && circuitBreaker.getState() == CircuitBreaker.State.HALF_OPEN; i++) {
            try {
                circuitBreaker.executeRunnable(probe);
                log.debug("DynamoDB answered a probe; circuit {}", circuitBreaker.getState());
            }
            catch (CallNotPermittedException ex) {
                // Other calls hold the half-open permits; their outcomes decide, and the
                // next transition follows.
                return;
            }
            catch (RuntimeException ex) {
                // The circuit has recorded it; DynamoDB is still down when it opens
                // again.
                log.debug("DynamoDB probe failed: {}", ex.toString());
            }
        }
    }

}
