package dev.appointments.request;

import java.net.http.HttpResponse;
import java.time.LocalTime;
import java.util.List;

import dev.appointments.rules.ProviderRules;
import dev.appointments.rules.TimeRange;
import dev.appointments.rules.lifecycle.AppointmentStatus;
import dev.appointments.store.appointment.Appointments;
import dev.appointments.store.outcome.Outcome;
import dev.appointments.store.outcome.OutcomeStatus;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static dev.appointments.request.BookingIntegrationTests.unique;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * No double booking, whatever the provider changes in between: the slot length, the
 * buffer, or appointments that straddle the lines of the new grid. Each test books,
 * changes the provider's rules, and books again.
 */
class CalendarChangesIntegrationTests extends RequestServiceIntegrationTest {

    @Autowired
    Appointments appointments;

    @Test
    void aLongerSlotLengthCannotBookOverAnEarlierShortAppointment() {
        String provider = newProvider(rules(15, 0));
        assertThat(book(provider, "2027-03-03", "09:15", 15).status()).isEqualTo(OutcomeStatus.ACCEPTED);

        changeRules(provider, rules(30, 0));

        assertThat(book(provider, "2027-03-03", "09:00", 30).reason()).isEqualTo("SLOT_UNAVAILABLE");
        assertThat(appointmentsOf(provider)).hasSize(1);
    }

    @Test
    void aShorterSlotLengthCannotBookInsideAnEarlierLongAppointment() {
        String provider = newProvider(rules(30, 0));
        assertThat(book(provider, "2027-03-03", "09:00", 30).status()).isEqualTo(OutcomeStatus.ACCEPTED);

        changeRules(provider, rules(15, 0));

        assertThat(book(provider, "2027-03-03", "09:15", 15).reason()).isEqualTo("SLOT_UNAVAILABLE");
        assertThat(book(provider, "2027-03-03", "08:45", 30).reason()).isEqualTo("SLOT_UNAVAILABLE");
        assertThat(book(provider, "2027-03-03", "09:30", 15).status()).isEqualTo(OutcomeStatus.ACCEPTED);
    }

    @Test
    void anAppointmentStraddlingTheNewGridLinesKeepsItsWholeTime() {
        String provider = newProvider(rules(20, 0));
        assertThat(book(provider, "2027-03-03", "09:20", 20).status()).isEqualTo(OutcomeStatus.ACCEPTED);

        changeRules(provider, rules(30, 0));

        assertThat(book(provider, "2027-03-03", "09:30", 30).reason()).isEqualTo("SLOT_UNAVAILABLE");
        assertThat(book(provider, "2027-03-03", "09:00", 30).reason()).isEqualTo("SLOT_UNAVAILABLE");
        assertThat(book(provider, "2027-03-03", "10:00", 30).status()).isEqualTo(OutcomeStatus.ACCEPTED);
    }

    @Test
    void theBufferAnAppointmentWasBookedWithStaysAfterTheGridChanges() {
        // 10 minutes of buffer on a 15-minute grid keep 09:15-09:30 free after a
        // 09:00-09:15 appointment.
        String provider = newProvider(rules(15, 10));
        assertThat(book(provider, "2027-03-03", "09:00", 15).status()).isEqualTo(OutcomeStatus.ACCEPTED);

        changeRules(provider, rules(10, 10));

        assertThat(book(provider, "2027-03-03", "09:20", 10).reason()).isEqualTo("SLOT_UNAVAILABLE");
        assertThat(book(provider, "2027-03-03", "09:30", 10).status()).isEqualTo(OutcomeStatus.ACCEPTED);
    }

    @Test
    void aNewBufferKeepsANewAppointmentAwayFromAnEarlierOne() {
        String provider = newProvider(rules(15, 0));
        assertThat(book(provider, "2027-03-03", "10:00", 30).status()).isEqualTo(OutcomeStatus.ACCEPTED);

        changeRules(provider, rules(15, 15));

        // Its own buffer would run into the appointment at 10:00.
        assertThat(book(provider, "2027-03-03", "09:45", 15).reason()).isEqualTo("SLOT_UNAVAILABLE");
        assertThat(book(provider, "2027-03-03", "09:30", 15).status()).isEqualTo(OutcomeStatus.ACCEPTED);
        assertThat(book(provider, "2027-03-03", "10:30", 15).status()).isEqualTo(OutcomeStatus.ACCEPTED);
    }

    @Test
    void aLongAppointmentOnAFineGridIsBookedAndHoldsItsWholeTime() {
        // Eight hours of five-minute slots and a 15-minute buffer: 99 slots, which with
        // the appointment and its
        // outcome pass the 100 items one transaction can write.
        String provider = newProvider(ProviderRules
            .withDefaults("Long clinic", "America/New_York",
                    ProviderRules.mondayToFriday(new TimeRange(LocalTime.of(7, 0), LocalTime.of(19, 0))))
            .withSlotMinutes(5)
            .withBufferMinutes(15));

        Outcome day = book(provider, "2027-03-03", "08:00", 480);

        assertThat(day.status()).as(day.message()).isEqualTo(OutcomeStatus.ACCEPTED);
        assertThat(book(provider, "2027-03-03", "15:55", 5).reason()).isEqualTo("SLOT_UNAVAILABLE");
        assertThat(book(provider, "2027-03-03", "16:10", 5).reason()).isEqualTo("SLOT_UNAVAILABLE");
        assertThat(book(provider, "2027-03-03", "16:15", 5).status()).isEqualTo(OutcomeStatus.ACCEPTED);
    }

    @Test
    void anAppointmentOverUtcMidnightHoldsItsTimeOnBothDays() {
        // 15:30-17:00 in Los Angeles is 23:30-01:00 UTC.
        String provider = newProvider(ProviderRules.withDefaults("West clinic", "America/Los_Angeles",
                ProviderRules.mondayToFriday(new TimeRange(LocalTime.of(9, 0), LocalTime.of(17, 0)))));
        assertThat(book(provider, "2027-03-03", "15:30", 90).status()).isEqualTo(OutcomeStatus.ACCEPTED);

        changeRules(provider,
                ProviderRules
                    .withDefaults("West clinic", "America/Los_Angeles",
                            ProviderRules.mondayToFriday(new TimeRange(LocalTime.of(9, 0), LocalTime.of(17, 0))))
                    .withSlotMinutes(20));

        assertThat(book(provider, "2027-03-03", "16:40", 20).reason()).isEqualTo("SLOT_UNAVAILABLE");
        assertThat(book(provider, "2027-03-03", "15:20", 20).reason()).isEqualTo("SLOT_UNAVAILABLE");
        assertThat(book(provider, "2027-03-03", "15:00", 20).status()).isEqualTo(OutcomeStatus.ACCEPTED);
    }

    @Test
    void rescheduleAndCancelFreeTheTimeAfterTheGridChanged() {
        String provider = newProvider(rules(15, 0));
        String moved = book(provider, "2027-03-03", "09:15", 30).appointmentId();
        String cancelled = book(provider, "2027-03-03", "11:15", 30).appointmentId();

        changeRules(provider, rules(30, 0));
        String move = newRequestId();
        send("""
                {"type": "RescheduleAppointment", "requestId": "%s", "appointmentId": "%s",
                 "appointmentDate": "2027-03-04", "startTime": "14:00"}""".formatted(move, moved));
        assertThat(awaitOutcome(move).status()).isEqualTo(OutcomeStatus.ACCEPTED);
        String cancel = newRequestId();
        send("""
                {"type": "CancelAppointment", "requestId": "%s", "appointmentId": "%s"}""".formatted(cancel,
                cancelled));
        assertThat(awaitOutcome(cancel).status()).isEqualTo(OutcomeStatus.ACCEPTED);

        assertThat(book(provider, "2027-03-03", "09:00", 60).status()).isEqualTo(OutcomeStatus.ACCEPTED);
        assertThat(book(provider, "2027-03-03", "11:00", 60).status()).isEqualTo(OutcomeStatus.ACCEPTED);
        assertThat(book(provider, "2027-03-04", "14:00", 30).reason()).isEqualTo("SLOT_UNAVAILABLE");
    }

    @Test
    void aProviderUpdateNamesTheFutureAppointmentsItsNewRulesWouldNotAllow() throws Exception {
        String provider = newProvider(rules(15, 0));
        String offGrid = book(provider, "2027-03-03", "09:15", 30).appointmentId();
        String onGrid = book(provider, "2027-03-03", "10:00", 30).appointmentId();
        String afterHours = book(provider, "2027-03-04", "16:30", 30).appointmentId();

        HttpResponse<String> put = updateRules(provider,
                """
                        {"name": "Test clinic", "timeZone": "America/New_York", "slotMinutes": 30,
                         "weeklyHours": {"MONDAY": [{"start": "09:00", "end": "16:00"}],
                           "TUESDAY": [{"start": "09:00", "end": "16:00"}], "WEDNESDAY": [{"start": "09:00", "end": "16:00"}],
                           "THURSDAY": [{"start": "09:00", "end": "16:00"}], "FRIDAY": [{"start": "09:00", "end": "16:00"}]}}""");

        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        assertThat(put.body())
            .contains("\"appointmentsOutsideRules\"", offGrid, "\"startTime\":\"09:15\"", "MISALIGNED", afterHours,
                    "OUTSIDE_SCHEDULE")
            .doesNotContain(onGrid);
        assertThat(List.of(offGrid, onGrid, afterHours)).allSatisfy(
                id -> assertThat(appointments.find(id).orElseThrow().status()).isEqualTo(AppointmentStatus.REQUESTED));
    }

    private static ProviderRules rules(int slotMinutes, int bufferMinutes) {
        return ProviderRules
            .withDefaults("Test clinic", "America/New_York",
                    ProviderRules.mondayToFriday(new TimeRange(LocalTime.of(8, 0), LocalTime.of(17, 0))))
            .withSlotMinutes(slotMinutes)
            .withBufferMinutes(bufferMinutes);
    }

    private Outcome book(String provider, String date, String time, int minutes) {
        String requestId = newRequestId();
        send(requestAppointment(requestId, provider, unique("p"), date, time, minutes));
        return awaitOutcome(requestId);
    }

}
