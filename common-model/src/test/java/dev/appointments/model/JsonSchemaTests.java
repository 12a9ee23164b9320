package dev.appointments.model;

import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Stream;

import dev.appointments.model.reminders.NoticeDetails;
import dev.appointments.model.requests.PatientDetails;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.assertj.core.api.AutoCloseableSoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Keeps the JSON Schemas under {@code schema/} and the records in step, both ways. */
class JsonSchemaTests {

    private final JsonMapper json = JsonMapper.builder().build();

    static Stream<Object> everyType() {
        return Samples.everyType().stream();
    }

    static Stream<Object[]> brokenMessagesTheSchemaCanTell() {
        return FieldRulesTests.brokenMessages()
            .map(arguments -> arguments.get())
            .filter(arguments -> (boolean) arguments[2]);
    }

    @Test
    void samplesCoverEveryMessageTypeSoThatEveryTypeIsCheckedAgainstTheSchema() {
        assertThat(Samples.everyType().stream().map(Object::getClass).toList()).containsExactlyElementsOf(
                Arrays.stream(Queues.values()).flatMap(queue -> queue.messageTypes().stream()).toList());
    }

    @ParameterizedTest
    @EnumSource(Queues.class)
    void everyMessageTypeOfAQueueHasItsSchema(Queues queue) {
        JsonNode defs = ContractSchemas.tree(queue.schemaFile()).get("$defs");
        Set<String> listed = new LinkedHashSet<>();
        ContractSchemas.tree(queue.schemaFile())
            .get("oneOf")
            .forEach(ref -> listed.add(ref.get("$ref").asString().replace("#/$defs/", "")));

        assertThat(listed).containsExactlyElementsOf(queue.messageTypes().stream().map(Class::getSimpleName).toList());
        try (var softly = new AutoCloseableSoftAssertions()) {
            for (Class<?> type : queue.messageTypes()) {
                JsonNode def = defs.get(type.getSimpleName());
                softly.assertThat(def).as("schema of %s", type.getSimpleName()).isNotNull();
                if (def != null) {
                    softly.assertThat(def.at("/properties/type/const").asString()).isEqualTo(type.getSimpleName());
                    assertSameFields(softly, type, def, true);
                }
            }
        }
    }

    @Test
    void patientDetailsHaveTheirSchema() {
        try (var softly = new AutoCloseableSoftAssertions()) {
            assertSameFields(softly, PatientDetails.class,
                    ContractSchemas.tree("appointment-requests.schema.json").at("/$defs/PatientDetails"), false);
        }
    }

    @Test
    void noticeDetailsHaveTheirSchema() {
        try (var softly = new AutoCloseableSoftAssertions()) {
            assertSameFields(softly, NoticeDetails.class,
                    ContractSchemas.tree("appointment-reminders.schema.json").at("/$defs/NoticeDetails"), false);
            assertSameFields(softly, NoticeDetails.NoticeRecipient.class,
                    ContractSchemas.tree("appointment-reminders.schema.json").at("/$defs/NoticeRecipient"), false);
        }
    }

    @ParameterizedTest
    @MethodSource("everyType")
    void everySampleMatchesItsQueueSchemaAndItsOwnDefinition(Object message) {
        Queues queue = Queues.of(message.getClass());
        String written = this.json.writeValueAsString(message);

        assertThat(ContractSchemas.errors(ContractSchemas.schema(queue.schemaFile()), written)).isEmpty();
        assertThat(ContractSchemas.errors(
                ContractSchemas.schema(queue.schemaFile() + "#/$defs/" + message.getClass().getSimpleName()), written))
            .isEmpty();
    }

    @Test
    void theDesignExampleMatchesTheSchema() {
        assertThat(ContractSchemas.errors(ContractSchemas.schema("appointment-requests.schema.json"),
                Samples.DESIGN_EXAMPLE))
            .isEmpty();
    }

    @Test
    void unknownPropertiesAreAllowedAsTheRecordsIgnoreThem() {
        ObjectNode written = (ObjectNode) this.json.valueToTree(Samples.requestAppointment());
        written.put("addedInALaterVersion", true);

        assertThat(
                ContractSchemas.errors(ContractSchemas.schema("appointment-requests.schema.json"), written.toString()))
            .isEmpty();
    }

    @ParameterizedTest
    @MethodSource("brokenMessagesTheSchemaCanTell")
    void rejectsWhatTheFieldRulesReject(Object message, String field, boolean schemaCanTell) {
        String written = this.json.writeValueAsString(message);

        assertThat(ContractSchemas.errors(ContractSchemas.schema(Queues.of(message.getClass()).schemaFile()), written))
            .as("schema errors for %s", written)
            .isNotEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = { "\"startTime\":\"09:30:00\"", "\"startTime\":\"9:30\"", "\"startTime\":\"24:00\"",
            "\"appointmentDate\":\"2026-02-30\"", "\"appointmentDate\":\"2026-12-01T09:30:00\"",
            "\"appointmentDate\":\"01/12/2026\"", "\"appointmentDate\":20261201", "\"type\":\"BookAppointment\"" })
    void rejectsWhatTheJsonMappingRejects(String field) {
        ObjectNode request = (ObjectNode) this.json.valueToTree(Samples.requestAppointmentForKnownPatient());
        request.setAll((ObjectNode) this.json.readTree("{" + field + "}"));

        assertThat(
                ContractSchemas.errors(ContractSchemas.schema("appointment-requests.schema.json"), request.toString()))
            .isNotEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = { "common.schema.json", "appointment-requests.schema.json",
            "appointment-confirmations.schema.json", "appointment-reminders.schema.json" })
    void schemaFilesAreValidJsonSchemas(String file) {
        assertThat(ContractSchemas.errors(ContractSchemas.metaSchema(), ContractSchemas.tree(file).toString()))
            .isEmpty();
        assertThat(ContractSchemas.tree(file).get("$id").asString()).isEqualTo(ContractSchemas.BASE + file);
    }

    /**
     * The definition lists exactly the record's components, requires exactly the required
     * ones, and types ids.
     */
    private static void assertSameFields(AutoCloseableSoftAssertions softly, Class<?> type, JsonNode def,
            boolean typed) {
        RecordComponent[] components = type.getRecordComponents();
        Set<String> expectedProperties = new LinkedHashSet<>();
        Set<String> expectedRequired = new LinkedHashSet<>();
        if (typed) {
            expectedProperties.add("type");
            expectedRequired.add("type");
        }
        for (RecordComponent component : components) {
            expectedProperties.add(component.getName());
            if (isRequired(type, component)) {
                expectedRequired.add(component.getName());
            }
            String ref = def.at("/properties/" + component.getName() + "/$ref").asString("");
            String expectedRef = commonDefinition(component);
            if (expectedRef != null) {
                softly.assertThat(ref)
                    .as("%s.%s", type.getSimpleName(), component.getName())
                    .isEqualTo("common.schema.json#/$defs/" + expectedRef);
            }
        }
        softly.assertThat(def.get("properties").propertyNames())
            .as("properties of %s", type.getSimpleName())
            .containsExactlyInAnyOrderElementsOf(expectedProperties);
        softly.assertThat(def.get("required").valueStream().map(JsonNode::asString).toList())
            .as("required properties of %s", type.getSimpleName())
            .containsExactlyInAnyOrderElementsOf(expectedRequired);
    }

    private static boolean isRequired(Class<?> type, RecordComponent component) {
        try {
            var field = type.getDeclaredField(component.getName());
            return field.isAnnotationPresent(NotNull.class) || field.isAnnotationPresent(NotBlank.class);
        }
        catch (NoSuchFieldException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static String commonDefinition(RecordComponent component) {
        if (component.isAnnotationPresent(Identifier.class)
                || Arrays.stream(component.getAnnotatedType().getAnnotations())
                    .anyMatch(annotation -> annotation instanceof Identifier)) {
            return "Identifier";
        }
        Class<?> type = component.getType();
        if (type == Instant.class) {
            return "Instant";
        }
        if (type == LocalDate.class) {
            return "LocalDate";
        }
        if (type == LocalTime.class) {
            return "HourMinute";
        }
        if (type == Duration.class) {
            return "Duration";
        }
        return null;
    }

}
