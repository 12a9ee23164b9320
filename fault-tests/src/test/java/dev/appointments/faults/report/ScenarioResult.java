package dev.appointments.faults.report;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One scenario's row of the fault report.
 *
 * @param scenario the scenario's name
 * @param scale short or full
 * @param load what was sent, in words
 * @param faultsInjected what was broken, in words
 * @param lost commands that got no answer, or whose effect is missing
 * @param duplicated effects that happened more than once (appointments, transitions,
 * e-mails)
 * @param doubleBooked appointments on the calendar at the same time as another
 * @param timeToRecover from the end of the last fault until everything was processed,
 * {@code null} when no fault had to be recovered from
 * @param figures further figures of the scenario, by name
 */
public record ScenarioResult(String scenario, String scale, String load, String faultsInjected, long lost,
        long duplicated, long doubleBooked, Duration timeToRecover, Map<String, Object> figures) {

    public ScenarioResult {
        figures = figures == null ? Map.of() : new LinkedHashMap<>(figures);
    }
}
