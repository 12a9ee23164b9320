package dev.appointments.benchmarks.pipeline;

import java.util.Map;
import java.util.TreeMap;

/**
 * The figures of one phase of the run.
 *
 * @param name what ran
 * @param bookings bookings sent
 * @param confirmed bookings that reached CONFIRMED (the harnesses: that passed their last
 * stage)
 * @param seconds from the first send to the last confirmation
 * @param cpuSeconds process CPU time over the same span
 * @param cpuSecondsWithTail process CPU time until every queue of the phase was empty
 * again (reminders included)
 * @param calls SDK calls until every queue was empty again, by caller, service and
 * operation
 * @param toOutcome latency from the send to the commit of the outcome, or null
 * @param toConfirmed latency from the send to the commit of the confirmation, or null
 */
record Phase(String name, int bookings, int confirmed, double seconds, double cpuSeconds, double cpuSecondsWithTail,
        Map<String, Long> calls, Latencies toOutcome, Latencies toConfirmed) {

    double perSecond() {
        return confirmed / seconds;
    }

    double cpuMillisPerBooking() {
        return cpuSeconds * 1000 / Math.max(1, confirmed);
    }

    double cpuMillisPerBookingWithTail() {
        return cpuSecondsWithTail * 1000 / Math.max(1, confirmed);
    }

    /**
     * Calls per confirmed booking of the callers whose names start with one of the
     * prefixes.
     */
    Map<String, Double> callsPerBooking(String... callers) {
        Map<String, Double> perBooking = new TreeMap<>();
        calls.forEach((key, count) -> {
            for (String caller : callers) {
                if (key.startsWith(caller + " ")) {
                    perBooking.put(key, (double) count / Math.max(1, confirmed));
                }
            }
        });
        return perBooking;
    }

    /**
     * Calls per booking of those callers, one service (DynamoDb or Sqs), all operations
     * together.
     */
    double totalPerBooking(String service, String... callers) {
        return callsPerBooking(callers).entrySet()
            .stream()
            .filter(entry -> entry.getKey().split(" ")[1].equals(service))
            .mapToDouble(Map.Entry::getValue)
            .sum();
    }
}
