package dev.appointments.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import dev.appointments.faults.check.Ledger;
import dev.appointments.faults.check.Ledger.Outcome;
import dev.appointments.faults.drive.Command;
import dev.appointments.faults.drive.Commands;
import dev.appointments.faults.drive.Providers;
import dev.appointments.faults.fleet.Service;
import dev.appointments.faults.report.FaultReport;
import dev.appointments.faults.report.ScenarioResult;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Race: many RequestAppointment commands for a few slots, every message delivered twice,
 * several request-service instances consuming at once. DynamoDB's conditional writes must
 * let exactly one booking per slot through.
 */
@Order(1)
class RaceFaultIntegrationTests {

    private final Scale scale = Scale.current();

    private final SystemUnderTest system = SystemUnderTest.get();

    @Test
    void booksEverySlotExactlyOnceAndRefusesTheRest() throws Exception {
        system.fleet.shape(SystemUnderTest.standardShape(scale).with(Service.REQUEST, scale.raceInstances()));
        long deadLettersBefore = system.deadLetters();
        List<Round> rounds = new ArrayList<>();
        for (int round = 1; round <= scale.raceRounds(); round++) {
            rounds.add(race(round));
        }
        long deadLettered = system.deadLetters() - deadLettersBefore;

        int accepted = rounds.stream().mapToInt(Round::accepted).sum();
        int refused = rounds.stream().mapToInt(Round::slotUnavailable).sum();
        int other = rounds.stream().mapToInt(Round::otherOutcomes).sum();
        int lost = rounds.stream().mapToInt(Round::lost).sum();
        int extraAppointments = rounds.stream().mapToInt(Round::extraAppointments).sum();
        int doubleBooked = rounds.stream().mapToInt(Round::doubleBooked).sum();
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("rounds", scale.raceRounds());
        figures.put("request-service instances", scale.raceInstances());
        figures.put("messages sent per round", scale.raceMessages() * 2);
        figures.put("booked (ACCEPTED)", accepted);
        figures.put("refused SLOT_UNAVAILABLE", refused);
        figures.put("other outcomes", other);
        figures.put("appointments beyond one per accepted request", extraAppointments);
        figures.put("messages dead-lettered", deadLettered);
        figures.put("seconds per round (first send to last outcome)",
                rounds.stream().map(round -> "%.1f".formatted(round.seconds())).toList());
        FaultReport.record(new ScenarioResult("Race", scale.name(),
                "%d x %d RequestAppointment for %d slots, each sent twice".formatted(scale.raceRounds(),
                        scale.raceMessages(), scale.raceSlots()),
                "duplicate delivery of every message; %d competing request-service instances"
                    .formatted(scale.raceInstances()),
                lost, extraAppointments, doubleBooked, null, figures));

        assertThat(lost).as("requests without an outcome").isZero();
        assertThat(accepted).as("bookings").isEqualTo(scale.raceRounds() * scale.raceSlots());
        assertThat(refused).as("refusals with SLOT_UNAVAILABLE")
            .isEqualTo(scale.raceRounds() * (scale.raceMessages() - scale.raceSlots()));
        assertThat(other).as("outcomes other than ACCEPTED or SLOT_UNAVAILABLE").isZero();
        assertThat(extraAppointments).as("appointments beyond one per accepted request").isZero();
        assertThat(doubleBooked).as("double bookings").isZero();
        assertThat(deadLettered).as("messages in a dead-letter queue").isZero();
    }

    private Round race(int round) throws Exception {
        String providerId = Providers.create(system.api, system.uri(Service.REQUEST, "/"), "race", false,
                Duration.ofHours(6));
        List<Providers.Slot> slots = Providers.slots(scale.raceSlots());
        List<Command> commands = new ArrayList<>();
        for (int i = 0; i < scale.raceMessages(); i++) {
            Providers.Slot slot = slots.get(i % slots.size());
            commands.add(Commands.book(Commands.requestId("race" + round), providerId, slot.date(), slot.start(),
                    Providers.SLOT_MINUTES));
        }
        List<Command> deliveries = new ArrayList<>(commands);
        deliveries.addAll(commands);
        Collections.shuffle(deliveries, new Random(round));

        Instant started = Instant.now();
        sendConcurrently(deliveries, 4);
        List<String> requestIds = commands.stream().map(Command::requestId).toList();
        Map<String, Outcome> outcomes = system.ledger.awaitOutcomes(requestIds, Duration.ofMinutes(5));
        Instant last = outcomes.values().stream().map(Outcome::recordedAt).max(Instant::compareTo).orElse(started);
        awaitDrained();

        List<Ledger.Appointment> appointments = system.ledger.appointmentsOf(providerId);
        Set<String> bookedIds = new HashSet<>();
        outcomes.values().stream().filter(Outcome::accepted).forEach(outcome -> bookedIds.add(outcome.appointmentId()));
        int extra = (int) appointments.stream().filter(a -> !bookedIds.contains(a.appointmentId())).count();
        return new Round((int) outcomes.values().stream().filter(Outcome::accepted).count(),
                (int) outcomes.values().stream().filter(o -> "SLOT_UNAVAILABLE".equals(o.reason())).count(),
                (int) outcomes.values()
                    .stream()
                    .filter(o -> !o.accepted() && !"SLOT_UNAVAILABLE".equals(o.reason()))
                    .count(),
                requestIds.size() - outcomes.size(), extra, Ledger.doubleBookings(appointments),
                Duration.between(started, last).toMillis() / 1000.0);
    }

    private void sendConcurrently(List<Command> deliveries, int senders) {
        ExecutorService executor = Executors.newFixedThreadPool(senders);
        try {
            int share = (deliveries.size() + senders - 1) / senders;
            List<CompletableFuture<Integer>> sends = new ArrayList<>();
            for (int from = 0; from < deliveries.size(); from += share) {
                List<Command> part = deliveries.subList(from, Math.min(from + share, deliveries.size()));
                sends.add(CompletableFuture.supplyAsync(() -> system.producer.sendAll(Commands.REQUESTS, part),
                        executor));
            }
            int refused = sends.stream().mapToInt(CompletableFuture::join).sum();
            assertThat(refused).as("messages SQS refused").isZero();
        }
        finally {
            executor.shutdown();
        }
    }

    /**
     * The duplicates are consumed too: the queue empties (acknowledgements go out in
     * batches every second).
     */
    private void awaitDrained() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (system.producer.depth(Commands.REQUESTS) > 0 && System.nanoTime() < deadline) {
            Thread.sleep(500);
        }
    }

    private record Round(int accepted, int slotUnavailable, int otherOutcomes, int lost, int extraAppointments,
            int doubleBooked, double seconds) {
    }

}
