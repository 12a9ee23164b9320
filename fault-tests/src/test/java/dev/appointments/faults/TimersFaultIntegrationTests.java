package dev.appointments.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.appointments.faults.check.Ledger;
import dev.appointments.faults.check.Ledger.Outcome;
import dev.appointments.faults.check.Mailbox;
import dev.appointments.faults.drive.Command;
import dev.appointments.faults.drive.Commands;
import dev.appointments.faults.drive.Providers;
import dev.appointments.faults.fleet.ServiceProcess;
import dev.appointments.faults.fleet.Service;
import dev.appointments.faults.report.FaultReport;
import dev.appointments.faults.report.ScenarioResult;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Timers across restarts: holds that wait for a provider, and reminders before
 * appointments, are scheduled; then every service instance is killed with {@code kill -9}
 * and started again before they fall due. Each hold must expire and each reminder must be
 * sent once, no later than a minute after both its due time and the services' return.
 */
@Order(5)
class TimersFaultIntegrationTests {

    private static final Duration ON_TIME = Duration.ofSeconds(60);

    private static final int REMINDER_SLOT_MINUTES = 5;

    private final Scale scale = Scale.current();

    private final SystemUnderTest system = SystemUnderTest.get();

    @Test
    void expiresHoldsAndSendsRemindersOnTimeAfterEveryServiceRestarted() throws Exception {
        system.fleet.shape(SystemUnderTest.standardShape(scale));
        Duration holdTimeout = scale.timerLead();
        String holdProvider = Providers.create(system.api, system.uri(Service.REQUEST, "/"), "timers-hold", false,
                holdTimeout);
        List<Command> holds = new ArrayList<>();
        for (Providers.Slot slot : Providers.slots(scale.timerHolds())) {
            holds.add(Commands.book(Commands.requestId("timers-hold"), holdProvider, slot.date(), slot.start(),
                    Providers.SLOT_MINUTES));
        }
        // Reminders are due 10 to 14 minutes before the start
        // (SystemUnderTest.REMINDER_OFFSETS): a start on the
        // 5-minute grid at least 10 minutes and the lead away has one of them due between
        // lead and lead + 1 minute.
        Instant start = nextGridPoint(Instant.now().plus(Duration.ofMinutes(10)).plus(scale.timerLead()));
        List<Command> reminded = new ArrayList<>();
        for (int i = 0; i < scale.timerReminders(); i++) {
            String providerId = Providers.create(system.api, system.uri(Service.REQUEST, "/"), "timers-remind", true,
                    Duration.ofMinutes(15), REMINDER_SLOT_MINUTES, Duration.ZERO);
            LocalDateTime local = LocalDateTime.ofInstant(start, ZoneOffset.UTC);
            reminded.add(Commands.book(Commands.requestId("timers-remind"), providerId, local.toLocalDate(),
                    local.toLocalTime(), REMINDER_SLOT_MINUTES));
        }
        List<Command> all = new ArrayList<>(holds);
        all.addAll(reminded);
        all.forEach(command -> system.producer.send(Commands.REQUESTS, command.body(), command.type()));
        Map<String, Outcome> booked = system.ledger.awaitOutcomes(all.stream().map(Command::requestId).toList(),
                Duration.ofMinutes(2));
        assertThat(booked.values()).as("bookings").hasSize(all.size()).allMatch(Outcome::accepted);
        awaitConfirmationMails(reminded);
        Instant plannedBy = Instant.now();

        List<ServiceProcess> instances = system.fleet.all();
        instances.forEach(ServiceProcess::kill);
        Instant down = Instant.now();
        instances.forEach(ServiceProcess::restart);
        system.fleet.awaitReady(instances);
        Instant back = Instant.now();

        Map<String, Instant> reminderDue = new HashMap<>();
        for (Command command : reminded) {
            String appointmentId = booked.get(command.requestId()).appointmentId();
            SystemUnderTest.REMINDER_OFFSETS.stream()
                .map(start::minus)
                .filter(due -> due.isAfter(plannedBy)
                        && due.isBefore(plannedBy.plus(scale.timerLead()).plus(Duration.ofSeconds(70))))
                .findFirst()
                .ifPresent(due -> reminderDue
                    .put("reminder:" + appointmentId + ":" + start + ":" + Duration.between(due, start), due));
        }
        Instant latestDue = reminderDue.values().stream().max(Instant::compareTo).orElse(plannedBy);
        Instant holdsDue = plannedBy.plus(holdTimeout);
        Instant waitUntil = max(max(latestDue, holdsDue), back).plus(ON_TIME).plus(Duration.ofSeconds(30));
        List<Ledger.Appointment> held = awaitExpired(holdProvider, holds.size(), waitUntil);
        awaitRemindersQueueEmpty();
        List<Mailbox.Mail> mails = Mailbox.toAny(awaitReminders(reminderDue.keySet(), waitUntil),
                all.stream().map(command -> Mailbox.patientOf(command.requestId())).toList());

        List<Duration> holdLateness = new ArrayList<>();
        List<Duration> holdAfterDue = new ArrayList<>();
        for (Ledger.Appointment appointment : held) {
            Instant requested = appointment.history().getFirst().at();
            appointment.history()
                .stream()
                .filter(step -> "EXPIRED".equals(step.to()))
                .findFirst()
                .ifPresent(expired -> {
                    holdLateness.add(Duration.between(max(requested.plus(holdTimeout), back), expired.at()));
                    holdAfterDue.add(Duration.between(requested.plus(holdTimeout), expired.at()));
                });
        }
        List<Duration> reminderLateness = new ArrayList<>();
        reminderDue.forEach((id, due) -> mails.stream()
            .filter(mail -> id.equals(mail.notificationId()))
            .findFirst()
            .ifPresent(mail -> reminderLateness.add(Duration.between(max(due, back), mail.receivedAt()))));
        long expired = held.stream().filter(a -> a.status().equals("EXPIRED")).count();
        long remindersSent = reminderDue.keySet()
            .stream()
            .filter(id -> mails.stream().anyMatch(mail -> id.equals(mail.notificationId())))
            .count();
        int duplicateMails = Mailbox.duplicates(mails);
        Duration worstHold = holdLateness.stream().max(Duration::compareTo).orElse(Duration.ZERO);
        Duration earliestHold = holdAfterDue.stream().min(Duration::compareTo).orElse(Duration.ZERO);
        Duration worstReminder = reminderLateness.stream().max(Duration::compareTo).orElse(Duration.ZERO);

        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("holds (confirmation timeout)", holds.size() + " (" + holdTimeout + ")");
        figures.put("holds expired", expired);
        figures.put("reminders due across the restart", reminderDue.size());
        figures.put("reminders sent", remindersSent);
        figures.put("instances killed and restarted", instances.size());
        figures.put("seconds every service was down or starting", Duration.between(down, back).toMillis() / 1000.0);
        figures.put("worst hold expiry after max(due, services back), s", worstHold.toMillis() / 1000.0);
        figures.put("earliest hold expiry after its due time, s", earliestHold.toMillis() / 1000.0);
        figures.put("worst reminder after max(due, services back), s", worstReminder.toMillis() / 1000.0);
        figures.put("duplicate e-mails", duplicateMails);
        figures.put("duplicated notifications", Mailbox.duplicated(mails));
        FaultReport.record(new ScenarioResult("Timers across restarts", scale.name(),
                "%d holds of %s, %d reminders due within minutes".formatted(holds.size(), holdTimeout,
                        reminderDue.size()),
                "kill -9 of all %d instances between scheduling and due time, then restart".formatted(instances.size()),
                (holds.size() - expired) + (reminderDue.size() - remindersSent),
                duplicateMails + Ledger.duplicatedTransitions(held), Ledger.doubleBookings(held),
                Duration.between(back, Instant.now()), figures));

        assertThat(reminderDue).as("reminders due across the restart").hasSize(reminded.size());
        assertThat(expired).as("holds expired").isEqualTo(holds.size());
        assertThat(remindersSent).as("reminders sent").isEqualTo(reminderDue.size());
        assertThat(duplicateMails).as("duplicate e-mails").isZero();
        assertThat(worstHold).as("latest hold expiry after its due time and the services' return")
            .isLessThanOrEqualTo(ON_TIME);
        assertThat(earliestHold.isNegative()).as("a hold expired before its due time: " + earliestHold).isFalse();
        assertThat(worstReminder).as("latest reminder after its due time and the services' return")
            .isLessThanOrEqualTo(ON_TIME);
    }

    private static Instant nextGridPoint(Instant earliest) {
        Instant minute = earliest.truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(1));
        long over = minute.getEpochSecond() / 60 % REMINDER_SLOT_MINUTES;
        return over == 0 ? minute : minute.plus(Duration.ofMinutes(REMINDER_SLOT_MINUTES - over));
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    /**
     * A confirmation mail shows the confirmation reached the reminder-service, which
     * plans the reminders with it.
     */
    private void awaitConfirmationMails(List<Command> reminded) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline) {
            List<Mailbox.Mail> mails = system.mailbox.all();
            if (reminded.stream()
                .allMatch(command -> !Mailbox
                    .to(mails, (command.requestId().toLowerCase(java.util.Locale.ROOT) + "@example.com")::equals)
                    .isEmpty())) {
                Thread.sleep(2000);
                return;
            }
            Thread.sleep(1000);
        }
    }

    private List<Ledger.Appointment> awaitExpired(String providerId, int count, Instant until)
            throws InterruptedException {
        while (true) {
            List<Ledger.Appointment> appointments = system.ledger.appointmentsOf(providerId);
            if (appointments.stream().filter(a -> a.status().equals("EXPIRED")).count() >= count
                    || Instant.now().isAfter(until)) {
                return appointments;
            }
            Thread.sleep(1000);
        }
    }

    /**
     * Copies of mails sent just before the kill come back through this queue: they must
     * be gone first.
     */
    private void awaitRemindersQueueEmpty() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
        while (System.nanoTime() < deadline
                && system.producer.depth(dev.appointments.resources.Queues.APPOINTMENT_REMINDERS) > 0) {
            Thread.sleep(500);
        }
    }

    private List<Mailbox.Mail> awaitReminders(java.util.Set<String> ids, Instant until) throws InterruptedException {
        while (true) {
            List<Mailbox.Mail> mails = system.mailbox.all();
            if (ids.stream().allMatch(id -> mails.stream().anyMatch(mail -> id.equals(mail.notificationId())))
                    || Instant.now().isAfter(until)) {
                Thread.sleep(3000);
                return system.mailbox.all();
            }
            Thread.sleep(1000);
        }
    }

}
