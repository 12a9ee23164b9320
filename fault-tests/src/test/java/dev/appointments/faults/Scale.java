package dev.appointments.faults;

import java.time.Duration;
import java.util.Locale;

/**
 * The sizes of the scenarios: {@code short} (the default, minutes on a 2-core machine,
 * what CI runs) or {@code full} (the fault suite's specification), chosen with
 * {@code -Dfault.scale=full}.
 *
 * @param name short or full
 * @param raceMessages RequestAppointment commands per race round, each sent twice
 * @param raceSlots slots they race for
 * @param raceInstances request-service instances during the race
 * @param raceRounds rounds of the race
 * @param crashCommands commands of every type during the crash scenario
 * @param crashKills instances killed with {@code kill -9}
 * @param crashKillInterval time between two kills
 * @param databaseOutage how long DynamoDB refuses connections
 * @param queueOutage how long SQS cannot be reached
 * @param poisonMessages malformed messages, and as many valid commands that fail until
 * their cause is removed
 * @param fuzzMessages mutated command bodies
 * @param fuzzRequests mutated HTTP requests
 * @param timerHolds holds left to expire across the restart of every service
 * @param timerReminders appointments whose reminder falls due across the restart
 * @param timerLead how long after booking the first timers fall due at the earliest
 * @param deadLetterFast whether the poison and fuzz scenarios run their queues with a
 * short visibility timeout and three receives, so that dead letters arrive in seconds
 * rather than minutes
 */
record Scale(String name, int raceMessages, int raceSlots, int raceInstances, int raceRounds, int crashCommands,
        int crashKills, Duration crashKillInterval, Duration databaseOutage, Duration queueOutage, int poisonMessages,
        int fuzzMessages, int fuzzRequests, int timerHolds, int timerReminders, Duration timerLead,
        boolean deadLetterFast) {

    static final Scale SHORT = new Scale("short", 200, 10, 2, 1, 200, 2, Duration.ofSeconds(8), Duration.ofSeconds(15),
            Duration.ofSeconds(10), 10, 500, 200, 5, 3, Duration.ofMinutes(1), true);

    static final Scale FULL = new Scale("full", 1_000, 10, 4, 5, 2_000, 20, Duration.ofSeconds(5),
            Duration.ofSeconds(60), Duration.ofSeconds(30), 50, 10_000, 2_000, 20, 10, Duration.ofMinutes(3), false);

    static Scale current() {
        String scale = System.getProperty("fault.scale", "short").trim().toLowerCase(Locale.ROOT);
        return switch (scale) {
            case "short", "" -> SHORT;
            case "full" -> FULL;
            default -> throw new IllegalArgumentException("fault.scale is short or full, not " + scale);
        };
    }
}
