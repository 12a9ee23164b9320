package dev.appointments.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.appointments.faults.check.Ledger;
import dev.appointments.faults.check.Ledger.Outcome;
import dev.appointments.faults.check.Mailbox;
import dev.appointments.faults.drive.Command;
import dev.appointments.faults.drive.Commands;
import dev.appointments.faults.drive.Providers;
import dev.appointments.faults.fleet.Chaos;
import dev.appointments.faults.fleet.Service;
import dev.appointments.faults.report.FaultReport;
import dev.appointments.faults.report.ScenarioResult;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Crash: commands of every type flow (book, reschedule, cancel, confirm, decline) while a
 * random service instance is killed with {@code kill -9} every few seconds and started
 * again. Every command must be answered once, every appointment must end where its
 * commands took it, and no patient may get the same e-mail twice.
 */
@Order(2)
class CrashFaultIntegrationTests {

    private static final List<String> FOLLOW_UPS = List.of("RescheduleAppointment", "CancelAppointment",
            "ConfirmAppointment", "DeclineAppointment");

    private final Scale scale = Scale.current();

    private final SystemUnderTest system = SystemUnderTest.get();

    @Test
    void answersEveryCommandOnceWhileInstancesAreKilled() throws Exception {
        system.fleet.shape(SystemUnderTest.standardShape(scale));
        long deadLettersBefore = system.deadLetters();
        String providerId = Providers.create(system.api, system.uri(Service.REQUEST, "/"), "crash", false,
                Duration.ofHours(6));
        int bookingsCount = scale.crashCommands() / 2;
        List<Providers.Slot> slots = Providers.slots(bookingsCount * 2);
        List<Command> bookings = new ArrayList<>();
        for (int i = 0; i < bookingsCount; i++) {
            Providers.Slot slot = slots.get(i);
            bookings.add(Commands.book(Commands.requestId("crash-book"), providerId, slot.date(), slot.start(),
                    Providers.SLOT_MINUTES));
        }

        Chaos chaos = new Chaos(system.fleet, scale.crashKills(), scale.crashKillInterval(), 42);
        Thread chaosThread = Thread.ofPlatform().name("chaos").start(chaos);
        Duration window = scale.crashKillInterval().multipliedBy(scale.crashKills() + 1);
        Map<String, FollowUp> followUps = drive(bookings, slots.subList(bookingsCount, slots.size()), window);
        chaosThread.join();
        system.fleet.awaitReady(system.fleet.all());

        List<String> allIds = new ArrayList<>(bookings.stream().map(Command::requestId).toList());
        followUps.values().forEach(followUp -> allIds.add(followUp.command().requestId()));
        Map<String, Outcome> outcomes = system.ledger.awaitOutcomes(allIds, Duration.ofMinutes(5));
        Instant lastOutcome = outcomes.values().stream().map(Outcome::recordedAt).max(Instant::compareTo).orElseThrow();
        List<Ledger.Appointment> appointments = awaitFinalStates(providerId, followUps);
        // A mail sent by an instance killed before it recorded the sending is retried
        // once the message comes back
        // (after its visibility timeout, and the notification's lease): only empty queues
        // mean no copy is on its way.
        awaitDrained();
        List<Mailbox.Mail> mails = Mailbox.toAny(awaitMails(followUps),
                followUps.values().stream().map(FollowUp::patientEmail).toList());
        long deadLettered = system.deadLetters() - deadLettersBefore;

        int unanswered = allIds.size() - outcomes.size();
        int refused = (int) outcomes.values().stream().filter(outcome -> !outcome.accepted()).count();
        Map<String, Ledger.Appointment> byId = new HashMap<>();
        appointments.forEach(appointment -> byId.put(appointment.appointmentId(), appointment));
        int wrongState = (int) followUps.values()
            .stream()
            .filter(followUp -> !followUp.reached(byId.get(followUp.appointmentId())))
            .count();
        Set<String> booked = new HashSet<>();
        outcomes.values()
            .stream()
            .filter(o -> o.commandType().equals("RequestAppointment") && o.accepted())
            .forEach(o -> booked.add(o.appointmentId()));
        int extraAppointments = (int) appointments.stream().filter(a -> !booked.contains(a.appointmentId())).count();
        int duplicatedTransitions = Ledger.duplicatedTransitions(appointments);
        int duplicateMails = Mailbox.duplicates(mails);
        int missingMails = (int) followUps.values()
            .stream()
            .filter(followUp -> Mailbox.to(mails, followUp.patientEmail()::equals).isEmpty())
            .count();
        int doubleBooked = Ledger.doubleBookings(appointments);

        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("commands", allIds.size());
        figures.put("follow-ups by type", countByType(followUps));
        figures.put("instances killed (kill -9)", chaos.killed());
        figures.put("commands without an outcome", unanswered);
        figures.put("commands refused", refused);
        figures.put("appointments not where their commands took them", wrongState);
        figures.put("appointments beyond one per accepted booking", extraAppointments);
        figures.put("duplicated transitions", duplicatedTransitions);
        figures.put("e-mails", mails.size());
        figures.put("duplicate e-mails", duplicateMails);
        figures.put("duplicated notifications", Mailbox.duplicated(mails));
        figures.put("follow-ups whose patient got no e-mail", missingMails);
        figures.put("messages dead-lettered", deadLettered);
        Duration recovery = chaos.lastKill() == null ? null : Duration.between(chaos.lastKill(), lastOutcome);
        FaultReport.record(new ScenarioResult("Crash", scale.name(),
                "%d commands: %d bookings, then one reschedule, cancel, confirm or decline each"
                    .formatted(allIds.size(), bookingsCount),
                "%d x kill -9 of a random instance, every %d s, restarted at once".formatted(scale.crashKills(),
                        scale.crashKillInterval().toSeconds()),
                unanswered + wrongState + missingMails, extraAppointments + duplicatedTransitions + duplicateMails,
                doubleBooked, recovery, figures));

        assertThat(chaos.killed()).as("instances killed").hasSize(scale.crashKills());
        assertThat(unanswered).as("commands without an outcome").isZero();
        assertThat(refused).as("commands refused (each was valid when sent)").isZero();
        assertThat(wrongState).as("appointments not where their commands took them").isZero();
        assertThat(extraAppointments).as("appointments beyond one per accepted booking").isZero();
        assertThat(duplicatedTransitions).as("duplicated transitions").isZero();
        assertThat(duplicateMails).as("duplicate e-mails").isZero();
        assertThat(missingMails).as("follow-ups whose patient got no e-mail").isZero();
        assertThat(doubleBooked).as("double bookings").isZero();
        assertThat(deadLettered).as("messages in a dead-letter queue").isZero();
    }

    /**
     * Sends the bookings spread over the chaos window and, as each is answered, one
     * follow-up for its appointment: all five command types are in flight while instances
     * die.
     */
    private Map<String, FollowUp> drive(List<Command> bookings, List<Providers.Slot> moveTargets, Duration window)
            throws InterruptedException {
        Duration tick = Duration.ofMillis(250);
        int perTick = (int) Math.max(1, Math.ceil(bookings.size() / (double) (window.toMillis() / tick.toMillis())));
        Map<String, FollowUp> followUps = new LinkedHashMap<>();
        Map<String, Integer> indexOf = new HashMap<>();
        for (int i = 0; i < bookings.size(); i++) {
            indexOf.put(bookings.get(i).requestId(), i);
        }
        List<String> waiting = new ArrayList<>();
        int sent = 0;
        long deadline = System.nanoTime() + window.plus(Duration.ofMinutes(5)).toNanos();
        while ((sent < bookings.size() || !waiting.isEmpty()) && System.nanoTime() < deadline) {
            for (int i = 0; i < perTick && sent < bookings.size(); i++, sent++) {
                Command booking = bookings.get(sent);
                system.producer.send(Commands.REQUESTS, booking.body(), booking.type());
                waiting.add(booking.requestId());
            }
            Map<String, Outcome> answered = system.ledger.outcomes(waiting);
            for (Outcome outcome : answered.values()) {
                waiting.remove(outcome.requestId());
                if (!outcome.accepted()) {
                    continue;
                }
                int index = indexOf.get(outcome.requestId());
                FollowUp followUp = FollowUp.of(FOLLOW_UPS.get(index % FOLLOW_UPS.size()), outcome,
                        moveTargets.get(index));
                system.producer.send(Commands.queueOf(followUp.command().type()), followUp.command().body(),
                        followUp.command().type());
                followUps.put(outcome.requestId(), followUp);
            }
            Thread.sleep(tick);
        }
        return followUps;
    }

    private List<Ledger.Appointment> awaitFinalStates(String providerId, Map<String, FollowUp> followUps)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (true) {
            List<Ledger.Appointment> appointments = system.ledger.appointmentsOf(providerId);
            Map<String, Ledger.Appointment> byId = new HashMap<>();
            appointments.forEach(appointment -> byId.put(appointment.appointmentId(), appointment));
            boolean done = followUps.values().stream().allMatch(f -> f.reached(byId.get(f.appointmentId())));
            if (done || System.nanoTime() > deadline) {
                return appointments;
            }
            Thread.sleep(1000);
        }
    }

    private List<Mailbox.Mail> awaitMails(Map<String, FollowUp> followUps) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (true) {
            List<Mailbox.Mail> mails = system.mailbox.all();
            boolean done = followUps.values()
                .stream()
                .allMatch(f -> !Mailbox.to(mails, f.patientEmail()::equals).isEmpty());
            if (done || System.nanoTime() > deadline) {
                // Late copies would show up now: look once more after the queues have had
                // time to settle.
                Thread.sleep(3000);
                return system.mailbox.all();
            }
            Thread.sleep(1000);
        }
    }

    private void awaitDrained() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
        while (System.nanoTime() < deadline
                && (system.producer.depth(Commands.REQUESTS) > 0 || system.producer.depth(Commands.CONFIRMATIONS) > 0
                        || system.producer.depth(dev.appointments.resources.Queues.APPOINTMENT_REMINDERS) > 0)) {
            Thread.sleep(500);
        }
    }

    private static Map<String, Long> countByType(Map<String, FollowUp> followUps) {
        Map<String, Long> counts = new LinkedHashMap<>();
        followUps.values().forEach(f -> counts.merge(f.command().type(), 1L, Long::sum));
        return counts;
    }

    /**
     * The command sent after a booking was answered, and where it must take the
     * appointment.
     *
     * @param command the follow-up
     * @param appointmentId the booked appointment
     * @param patientEmail where the patient's notices go
     * @param status the status the appointment must end in
     * @param startsAt where a reschedule must move it, or {@code null}
     */
    private record FollowUp(Command command, String appointmentId, String patientEmail, String status,
            Instant startsAt) {

        static FollowUp of(String type, Outcome booking, Providers.Slot target) {
            String id = booking.appointmentId();
            String email = booking.requestId().toLowerCase(java.util.Locale.ROOT) + "@example.com";
            return switch (type) {
                case "RescheduleAppointment" -> new FollowUp(
                        Commands.reschedule(Commands.requestId("crash-move"), id, target.date(), target.start()), id,
                        email, "REQUESTED", LocalDateTime.of(target.date(), target.start()).toInstant(ZoneOffset.UTC));
                case "CancelAppointment" ->
                    new FollowUp(Commands.cancel(Commands.requestId("crash-cancel"), id), id, email, "CANCELLED", null);
                case "ConfirmAppointment" -> new FollowUp(Commands.confirm(Commands.requestId("crash-confirm"), id), id,
                        email, "CONFIRMED", null);
                default -> new FollowUp(Commands.decline(Commands.requestId("crash-decline"), id), id, email,
                        "DECLINED", null);
            };
        }

        boolean reached(Ledger.Appointment appointment) {
            return appointment != null && appointment.status().equals(status)
                    && (startsAt == null || appointment.startsAt().equals(startsAt));
        }
    }

}
