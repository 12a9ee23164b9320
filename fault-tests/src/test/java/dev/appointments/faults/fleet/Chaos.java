package dev.appointments.faults.fleet;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Kills a random service instance with {@code kill -9} every interval and starts it again
 * at once, without waiting for it: the next kill may find it still starting, as a crash
 * loop would.
 */
public final class Chaos implements Runnable {

    private final Fleet fleet;

    private final int kills;

    private final Duration interval;

    private final Random random;

    private final List<String> killed = Collections.synchronizedList(new ArrayList<>());

    private volatile Instant lastKill;

    public Chaos(Fleet fleet, int kills, Duration interval, long seed) {
        this.fleet = fleet;
        this.kills = kills;
        this.interval = interval;
        this.random = new Random(seed);
    }

    @Override
    public void run() {
        for (int i = 0; i < kills; i++) {
            try {
                Thread.sleep(interval);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                return;
            }
            List<ServiceProcess> all = fleet.all();
            ServiceProcess victim = all.get(random.nextInt(all.size()));
            victim.kill();
            lastKill = Instant.now();
            killed.add(victim.toString());
            victim.restart();
        }
    }

    /** The instances killed, in order. */
    public List<String> killed() {
        return List.copyOf(killed);
    }

    public Instant lastKill() {
        return lastKill;
    }

}
