package dev.appointments.model;

import java.util.stream.Stream;

import dev.appointments.model.confirmations.AppointmentConfirmationsMessage;
import dev.appointments.model.confirmations.HoldExpired;
import dev.appointments.model.reminders.AppointmentRemindersMessage;
import dev.appointments.model.requests.AppointmentRequestsMessage;
import dev.appointments.model.requests.RequestAppointment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.exc.InvalidTypeIdException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MessageJsonTests {

    // Stricter than the default on unknown properties, looser on timestamps: the records'
    // own annotations must
    // decide both, whatever mapper a service configures.
    private final JsonMapper json = JsonMapper.builder()
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS, DateTimeFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
        .build();

    static Stream<Object> everyType() {
        return Samples.everyType().stream();
    }

    @Test
    void readsTheDesignExampleAndWritesItBackUnchanged() {
        AppointmentRequestsMessage message = this.json.readValue(Samples.DESIGN_EXAMPLE,
                AppointmentRequestsMessage.class);

        assertThat(message).isEqualTo(Samples.requestAppointment());
        assertThat(this.json.writeValueAsString(message)).isEqualTo(Samples.DESIGN_EXAMPLE.replaceAll("\\s*\n\\s*", " ")
            .replace(", ", ",")
            .replace(": ", ":")
            .replace("{ ", "{")
            .strip());
    }

    @ParameterizedTest
    @MethodSource("everyType")
    void everyMessageSurvivesARoundTripThroughItsQueueType(Object message) {
        Class<?> contract = Queues.of(message.getClass()).contract;

        Object read = this.json.readValue(this.json.writeValueAsString(message), contract);

        assertThat(read).isEqualTo(message);
    }

    @ParameterizedTest
    @MethodSource("everyType")
    void writesTheTypeNameThatProducersAlsoSetAsMessageAttribute(Object message) {
        ObjectNode written = (ObjectNode) this.json.valueToTree(message);

        assertThat(written.get("type").asString()).isEqualTo(MessageTypes.typeOf(message))
            .isEqualTo(message.getClass().getSimpleName());
    }

    @ParameterizedTest
    @MethodSource("everyType")
    void ignoresPropertiesItDoesNotKnow(Object message) {
        ObjectNode written = (ObjectNode) this.json.valueToTree(message);
        written.put("addedInALaterVersion", "anything");

        Object read = this.json.treeToValue(written, Queues.of(message.getClass()).contract);

        assertThat(read).isEqualTo(message);
    }

    @Test
    void refusesToNameTheTypeOfSomethingOutsideTheContract() {
        assertThatThrownBy(() -> MessageTypes.typeOf(Samples.patient())).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("PatientDetails is not a message of the contract");
    }

    @Test
    void leavesAbsentOptionalFieldsOut() {
        String written = this.json.writeValueAsString(Samples.requestAppointmentForKnownPatient());

        assertThat(written).isEqualTo("""
                {"type":"RequestAppointment","requestId":"req-7f3b","providerId":"dr-grey","patientId":"pat-42",\
                "appointmentDate":"2026-12-01","startTime":"09:30"}""");
    }

    @Test
    void writesInstantsInUtcAndDurationsInIso8601() {
        String written = this.json.writeValueAsString(Samples.appointmentRequested());

        assertThat(written).contains("\"startsAt\":\"2026-12-01T08:30:00Z\"", "\"endsAt\":\"2026-12-01T09:00:00Z\"",
                "\"confirmationTimeout\":\"PT2H\"");
    }

    @Test
    void readsInstantsWithFractionsOfASecond() {
        HoldExpired expired = (HoldExpired) this.json.readValue("""
                {"type":"HoldExpired","appointmentId":"apt-1","version":1,"dueAt":"2026-11-24T10:15:30.250Z"}""",
                AppointmentConfirmationsMessage.class);

        assertThat(expired.dueAt()).hasToString("2026-11-24T10:15:30.250Z");
    }

    @Test
    void refusesAnUnknownTypeNamingTheKnownOnes() {
        assertThatThrownBy(() -> this.json.readValue("""
                {"type":"BookAppointment","requestId":"req-1"}""", AppointmentRequestsMessage.class))
            .isInstanceOf(InvalidTypeIdException.class)
            .hasMessageContaining("Could not resolve type id 'BookAppointment'")
            .hasMessageContaining("known type ids = [CancelAppointment, RequestAppointment, RescheduleAppointment]");
    }

    @Test
    void refusesAMessageOfAnotherQueue() {
        assertThatThrownBy(() -> this.json.readValue("""
                {"type":"ConfirmAppointment","requestId":"req-1","appointmentId":"apt-1"}""",
                AppointmentRemindersMessage.class))
            .isInstanceOf(InvalidTypeIdException.class)
            .hasMessageContaining("Could not resolve type id 'ConfirmAppointment'");
    }

    @Test
    void refusesAMessageWithoutType() {
        assertThatThrownBy(() -> this.json.readValue("""
                {"requestId":"req-1","appointmentId":"apt-1"}""", AppointmentConfirmationsMessage.class))
            .isInstanceOf(InvalidTypeIdException.class)
            .hasMessageContaining("missing type id property 'type'");
    }

    @ParameterizedTest
    @ValueSource(strings = { "\"startTime\":\"09:30:00\"", "\"startTime\":\"9:30\"", "\"startTime\":\"24:00\"",
            "\"appointmentDate\":\"2026-02-30\"", "\"appointmentDate\":\"2026-12-01T09:30:00\"",
            "\"appointmentDate\":\"01/12/2026\"", "\"appointmentDate\":20261201" })
    void refusesDatesAndTimesInAnyOtherShape(String field) {
        String request = """
                {"type":"RequestAppointment","requestId":"req-1","providerId":"dr-grey","patientId":"pat-42",\
                "appointmentDate":"2026-12-01","startTime":"09:30",%s}""".formatted(field);

        assertThatThrownBy(() -> this.json.readValue(request, AppointmentRequestsMessage.class))
            .isInstanceOf(MismatchedInputException.class);
    }

    @Test
    void readsAConcreteTypeDirectly() {
        RequestAppointment request = this.json.readValue(Samples.DESIGN_EXAMPLE, RequestAppointment.class);

        assertThat(request).isEqualTo(Samples.requestAppointment());
    }

    @Test
    void keepsPersonalDataOutOfToString() {
        assertThat(Samples.requestAppointment().toString()).contains("req-7f3a", "dr-grey")
            .doesNotContain("Ada", "Lovelace", "ada@example.com", "+15551234567", "1990", "first visit");
    }

}
