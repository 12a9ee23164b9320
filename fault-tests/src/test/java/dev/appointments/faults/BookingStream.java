package dev.appointments.faults;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import dev.appointments.faults.drive.Command;
import dev.appointments.faults.drive.Commands;
import dev.appointments.faults.drive.Producer;
import dev.appointments.faults.drive.Providers;

/**
 * A steady stream of bookings, each for its own slot, sent by a producer that retries
 * while SQS cannot be reached, as a careful producer does. It runs on its own thread
 * until stopped.
 */
final class BookingStream implements Runnable {

    private final Producer producer;

    private final String providerId;

    private final String prefix;

    private final Duration pause;

    private final List<Providers.Slot> slots;

    private final List<String> sent = Collections.synchronizedList(new ArrayList<>());

    private final AtomicInteger failedSends = new AtomicInteger();

    private volatile boolean stopped;

    private Thread thread;

    /**
     * @param perSecond bookings per second
     * @param capacity the most bookings it may send (distinct slots are reserved for
     * each)
     */
    BookingStream(Producer producer, String providerId, String prefix, int perSecond, int capacity) {
        this.producer = producer;
        this.providerId = providerId;
        this.prefix = prefix;
        this.pause = Duration.ofMillis(1000 / perSecond);
        this.slots = Providers.slots(capacity);
    }

    void start() {
        thread = Thread.ofPlatform().name("booking-stream-" + prefix).start(this);
    }

    /** Stops sending and waits for the send in progress. */
    void stop() throws InterruptedException {
        stopped = true;
        thread.join();
    }

    @Override
    public void run() {
        for (int i = 0; i < slots.size() && !stopped; i++) {
            Providers.Slot slot = slots.get(i);
            Command booking = Commands.book(Commands.requestId(prefix), providerId, slot.date(), slot.start(),
                    Providers.SLOT_MINUTES);
            failedSends.addAndGet(producer.sendRetrying(Commands.REQUESTS, booking, Duration.ofMinutes(5)));
            sent.add(booking.requestId());
            try {
                Thread.sleep(pause);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** The requestIds SQS accepted. */
    List<String> sent() {
        return List.copyOf(sent);
    }

    /** Sends that failed because SQS could not be reached, and were retried. */
    int failedSends() {
        return failedSends.get();
    }

}
