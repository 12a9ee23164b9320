package dev.appointments.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;

import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON Schemas under {@code schema/}, loaded from the classpath under their own
 * {@code $id}s.
 */
final class ContractSchemas {

    static final String BASE = "https://appointments.dev/schema/";

    private static final JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
            builder -> builder.schemaMappers(mappers -> mappers.mapPrefix(BASE, "classpath:schema/")));

    // Formats are only annotations in 2020-12 unless asserted; producers' validators may
    // assert them, so must we.
    private static final SchemaValidatorsConfig config = SchemaValidatorsConfig.builder()
        .formatAssertionsEnabled(true)
        .build();

    private ContractSchemas() {
    }

    /**
     * The schema of one queue, or of one of its definitions with a fragment such as
     * {@code #/$defs/HoldExpired}.
     */
    static JsonSchema schema(String file) {
        return factory.getSchema(SchemaLocation.of(BASE + file), config);
    }

    /**
     * The meta-schema of draft 2020-12, which the validator ships, so that no network is
     * needed.
     */
    static JsonSchema metaSchema() {
        return factory.getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"), config);
    }

    static List<String> errors(JsonSchema schema, String json) {
        Set<ValidationMessage> messages = schema.validate(json, InputFormat.JSON);
        return messages.stream().map(ValidationMessage::getMessage).sorted().toList();
    }

    /** A schema file as a plain tree, to compare its structure with the records. */
    static JsonNode tree(String file) {
        try (InputStream in = ContractSchemas.class.getResourceAsStream("/schema/" + file)) {
            if (in == null) {
                throw new IllegalStateException("no schema/" + file + " on the classpath");
            }
            return JsonMapper.shared().readTree(in);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

}
