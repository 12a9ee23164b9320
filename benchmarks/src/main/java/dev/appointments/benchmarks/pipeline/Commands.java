package dev.appointments.benchmarks.pipeline;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import dev.appointments.model.requests.AppointmentRequestsMessage;
import dev.appointments.model.requests.RequestAppointment;
import dev.appointments.store.patient.Patient;
import dev.appointments.store.patient.Patients;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Makes RequestAppointment commands for distinct free slots, each for a patient of its
 * own who is registered beforehand, so that the request-service finds a known patient by
 * id as a scheduler's booking would have it.
 */
final class Commands {

    private static final ObjectWriter WRITER = JsonMapper.builder().build().writerFor(AppointmentRequestsMessage.class);

    private final Patients patients;

    private final Slots slots;

    private final Clock clock;

    private final String run;

    private final AtomicLong sequence = new AtomicLong();

    /**
     * A command ready to send: its requestId, its JSON body, and the provider and
     * provider-local date it books.
     */
    record Command(String requestId, String body, String providerId, LocalDate date) {
    }

    Commands(Patients patients, Slots slots, Clock clock, String run) {
        this.patients = patients;
        this.slots = slots;
        this.clock = clock;
        this.run = run;
    }

    /**
     * Registers {@code count} patients (from a few threads: it is set-up, not measured)
     * and makes their commands.
     */
    List<Command> prepare(int count) throws Exception {
        List<Command> commands = new ArrayList<>(count);
        try (ExecutorService threads = Executors.newFixedThreadPool(4)) {
            List<Future<Command>> made = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                long n = sequence.incrementAndGet();
                Slots.Booking booking = slots.next();
                made.add(threads.submit(() -> command(n, booking)));
            }
            for (Future<Command> command : made) {
                commands.add(command.get());
            }
        }
        return commands;
    }

    private Command command(long n, Slots.Booking booking) {
        String patientId = "bench-patient-" + run + "-" + n;
        patients.register(new Patient(patientId, "Bench", "Patient " + n, patientId + "@bench.example", null,
                LocalDate.of(1980, 1, 1), clock.instant()));
        String requestId = "bench-" + run + "-" + n;
        RequestAppointment request = new RequestAppointment(requestId, booking.providerId(), null, patientId,
                booking.slot().date(), booking.slot().time(), null, null);
        return new Command(requestId, WRITER.writeValueAsString(request), booking.providerId(), booking.slot().date());
    }

}
