package dev.appointments.model;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps the reason codes of the JSON Schema and the AsyncAPI document in step with
 * {@link ReasonCode}.
 */
class ReasonCodeTests {

    @Test
    void theSchemaListsEveryReasonCodeInOrder() {
        JsonNode codes = ContractSchemas.tree("common.schema.json").at("/$defs/ReasonCode/enum");

        assertThat(codes.valueStream().map(JsonNode::asString).toList())
            .containsExactlyElementsOf(Arrays.stream(ReasonCode.values()).map(Enum::name).toList());
    }

    @Test
    void theSchemaAcceptsEveryReasonCodeAndNothingElse() {
        var schema = ContractSchemas.schema("common.schema.json#/$defs/ReasonCode");

        for (ReasonCode code : ReasonCode.values()) {
            assertThat(ContractSchemas.errors(schema, "\"" + code.name() + "\"")).as(code.name()).isEmpty();
        }
        assertThat(ContractSchemas.errors(schema, "\"SOMETHING_ELSE\"")).isNotEmpty();
    }

    @Test
    void theAsyncApiDocumentTakesTheReasonCodesFromTheSchema() {
        JsonNode reasonCode = AsyncApiTests.document().at("/components/schemas/ReasonCode");

        assertThat(reasonCode.path("$ref").asString()).isEqualTo("common.schema.json#/$defs/ReasonCode");
        assertThat(List.of(reasonCode.path("description").asString())).allMatch(text -> text.contains("REJECTED"));
    }

}
