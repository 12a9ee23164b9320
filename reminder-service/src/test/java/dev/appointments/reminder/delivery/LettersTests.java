package dev.appointments.reminder.delivery;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;

import dev.appointments.rules.ProviderRules;
import dev.appointments.rules.TimeRange;
import dev.appointments.rules.lifecycle.AppointmentStatus;
import dev.appointments.store.appointment.Appointment;
import dev.appointments.store.patient.Patient;
import dev.appointments.store.provider.Provider;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LettersTests {

    private final Letters letters = new Letters(URI.create("https://appointments.example.org/"));

    @Test
    void statesTheProvidersLocalTimeWithItsZoneInWinterAndInSummer() {
        assertThat(letters.write(notice(Topic.CONFIRMED, "2027-03-03T14:30:00Z", "America/New_York", null)).text())
            .contains("When: Wednesday 3 March 2027, 09:30 EST (America/New_York)");
        assertThat(letters.write(notice(Topic.CONFIRMED, "2027-07-07T13:00:00Z", "America/New_York", null)).text())
            .contains("When: Wednesday 7 July 2027, 09:00 EDT (America/New_York)");
        assertThat(letters.write(notice(Topic.CONFIRMED, "2027-07-07T13:00:00Z", "Europe/Berlin", null)).text())
            .contains("When: Wednesday 7 July 2027, 15:00 CEST (Europe/Berlin)");
    }

    @Test
    void offersCancellingAndReschedulingOnThePatientPageWhileTheAppointmentIsAhead() {
        Letter reminder = letters
            .write(notice(Topic.REMINDER, "2027-03-03T14:30:00Z", "America/New_York", Duration.ofHours(2)));

        assertThat(reminder.text())
            .contains("in 2 hours",
                    "To cancel or reschedule, open this appointment on your "
                            + "appointments page: https://appointments.example.org/?appointment=a-1")
            .doesNotContain("command");
        assertThat(reminder.html()).contains("<a href=\"https://appointments.example.org/?appointment=a-1\">");
        for (Topic after : new Topic[] { Topic.DECLINED, Topic.EXPIRED, Topic.CANCELLED }) {
            assertThat(letters.write(notice(after, "2027-03-03T14:30:00Z", "America/New_York", null)).text())
                .doesNotContain("To cancel")
                .contains(
                        "To book another time, go to your appointments page: " + "https://appointments.example.org/.");
        }
    }

    @Test
    void keepsThePagesOwnQueryInTheLink() {
        Letter letter = new Letters(URI.create("https://clinic.example.org/portal/?lang=en"))
            .write(notice(Topic.CONFIRMED, "2027-03-03T14:30:00Z", "America/New_York", null));

        assertThat(letter.text()).contains("https://clinic.example.org/portal/?lang=en&appointment=a-1");
    }

    @Test
    void escapesNamesInTheHtmlBody() {
        Letter letter = letters.write(
                notice(Topic.CONFIRMED, "2027-03-03T14:30:00Z", "America/New_York", null, "Dr <b>Grey</b> & Partners"));
        assertThat(letter.html()).contains("Dr &lt;b&gt;Grey&lt;/b&gt; &amp; Partners").doesNotContain("<b>Grey");
        assertThat(letter.text()).contains("Dr <b>Grey</b> & Partners");
    }

    static Notice notice(Topic topic, String start, String zone, Duration offset) {
        return notice(topic, start, zone, offset, "Test clinic");
    }

    static Notice notice(Topic topic, String start, String zone, Duration offset, String providerName) {
        Instant startsAt = Instant.parse(start);
        var local = startsAt.atZone(java.time.ZoneId.of(zone));
        Appointment appointment = new Appointment("a-1", "p-1", "pt-1", AppointmentStatus.CONFIRMED, startsAt,
                startsAt.plus(Duration.ofMinutes(30)), zone, local.toLocalDate(), local.toLocalTime(), null, null, null,
                2, List.of(), startsAt, startsAt);
        Patient patient = new Patient("pt-1", "Ada", "Lovelace", "ada@example.com", null, null, startsAt);
        Provider provider = new Provider("p-1",
                ProviderRules.withDefaults(providerName, zone,
                        ProviderRules.mondayToFriday(new TimeRange(LocalTime.of(8, 0), LocalTime.of(18, 0)))),
                1, startsAt);
        return Notice.of("n-1", topic, appointment, patient, provider, offset);
    }

}
