package dev.appointments.benchmarks.pipeline;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Follows the bookings of one phase from their send to the commit of their outcome and of
 * their confirmation, as the services' own writes report them ({@link ApiCalls}). Commits
 * of bookings it does not follow are ignored.
 */
final class Tracker implements ApiCalls.Commits {

    private final Map<String, Long> sent = new ConcurrentHashMap<>();

    private final Map<String, Long> outcomes = new ConcurrentHashMap<>();

    private final Map<String, String> requestOfAppointment = new ConcurrentHashMap<>();

    private final Map<String, Long> confirmed = new ConcurrentHashMap<>();

    private final AtomicInteger rejected = new AtomicInteger();

    void sent(String requestId, long nanos) {
        sent.put(requestId, nanos);
    }

    @Override
    public void outcomeRecorded(String requestId, String status, String appointmentId, long nanos) {
        if (requestId == null || !sent.containsKey(requestId) || outcomes.putIfAbsent(requestId, nanos) != null) {
            return;
        }
        if ("ACCEPTED".equals(status) && appointmentId != null) {
            requestOfAppointment.put(appointmentId, requestId);
        }
        else {
            rejected.incrementAndGet();
        }
    }

    @Override
    public void appointmentConfirmed(String appointmentId, long nanos) {
        String requestId = appointmentId == null ? null : requestOfAppointment.get(appointmentId);
        if (requestId != null) {
            confirmed.putIfAbsent(requestId, nanos);
        }
    }

    int sentCount() {
        return sent.size();
    }

    int outcomeCount() {
        return outcomes.size();
    }

    int confirmedCount() {
        return confirmed.size();
    }

    int rejectedCount() {
        return rejected.get();
    }

    /** Every booking sent has an outcome, and every accepted one is confirmed. */
    boolean settled() {
        return outcomes.size() == sent.size() && confirmed.size() + rejected.get() == sent.size();
    }

    long firstSent() {
        return sent.values().stream().mapToLong(Long::longValue).min().orElse(0);
    }

    long lastOutcome() {
        return outcomes.values().stream().mapToLong(Long::longValue).max().orElse(0);
    }

    long lastConfirmed() {
        return confirmed.values().stream().mapToLong(Long::longValue).max().orElse(0);
    }

    Collection<String> requestIds() {
        return sent.keySet();
    }

    Latencies toOutcome() {
        return since(outcomes);
    }

    Latencies toConfirmed() {
        return since(confirmed);
    }

    private Latencies since(Map<String, Long> reached) {
        List<Long> nanos = new ArrayList<>();
        reached.forEach((requestId, at) -> nanos.add(at - sent.get(requestId)));
        return Latencies.ofNanos(nanos);
    }

}
