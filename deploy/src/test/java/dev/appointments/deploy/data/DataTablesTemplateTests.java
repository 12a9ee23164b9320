package dev.appointments.deploy.data;

import java.util.List;
import java.util.Map;

import dev.appointments.deploy.SynthesizedStacks;
import dev.appointments.deploy.TemplateJson;
import dev.appointments.resources.Tables;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;

import static org.assertj.core.api.Assertions.assertThat;

@SuppressWarnings("unchecked")
class DataTablesTemplateTests {

    private final TemplateJson template = new TemplateJson(SynthesizedStacks.singleRegion(), SynthesizedStacks.REGION);

    @Test
    void createsExactlyTheTablesOfTheDefinitions() {
        assertThat(template.ofType("AWS::DynamoDB::GlobalTable").values())
            .extracting(properties -> properties.get("TableName"))
            .containsExactlyInAnyOrderElementsOf(Tables.names());
        assertThat(template.ofType("AWS::DynamoDB::Table")).isEmpty();
    }

    @Test
    void everyTableHasTheKeysIndexesAndAttributeTypesOfItsDefinition() {
        for (CreateTableRequest definition : Tables.all()) {
            Map<String, Object> table = table(definition.tableName());
            assertThat(table.get("KeySchema")).as(definition.tableName()).isEqualTo(keySchema(definition.keySchema()));
            assertThat((List<Object>) table.get("AttributeDefinitions")).as(definition.tableName())
                .containsExactlyInAnyOrderElementsOf(definition.attributeDefinitions()
                    .stream()
                    .map(attribute -> Map.of("AttributeName", attribute.attributeName(), "AttributeType",
                            attribute.attributeTypeAsString()))
                    .toList());
            List<Object> indexes = (List<Object>) table.getOrDefault("GlobalSecondaryIndexes", List.of());
            assertThat(indexes).as(definition.tableName())
                .containsExactlyInAnyOrderElementsOf(
                        definition.globalSecondaryIndexes().stream().map(DataTablesTemplateTests::index).toList());
        }
    }

    @Test
    void everyTableIsOnDemandWithPointInTimeRecoveryDeletionProtectionAndRetainedWithTheStack() {
        for (String name : Tables.names()) {
            String id = template.idOf("AWS::DynamoDB::GlobalTable", "TableName", name);
            assertThat(template.resource(id)).containsEntry("DeletionPolicy", "Retain");
            Map<String, Object> table = template.properties(id);
            assertThat(table.get("BillingMode")).isEqualTo("PAY_PER_REQUEST");
            List<Map<String, Object>> replicas = (List<Map<String, Object>>) table.get("Replicas");
            assertThat(replicas).singleElement().satisfies(replica -> {
                assertThat(replica.get("Region")).isEqualTo(SynthesizedStacks.REGION);
                assertThat(replica.get("DeletionProtectionEnabled")).isEqualTo(true);
                assertThat(replica.get("PointInTimeRecoverySpecification"))
                    .isEqualTo(Map.of("PointInTimeRecoveryEnabled", true));
            });
        }
    }

    @Test
    void onlyRecordsNothingReadsWhenOldMayExpire() {
        assertThat(table(Tables.RequestOutcomes.NAME).get("TimeToLiveSpecification"))
            .isEqualTo(Map.of("AttributeName", TimeToLive.ATTRIBUTE, "Enabled", true));
        assertThat(table(Tables.Notifications.NAME)).containsKey("TimeToLiveSpecification");
        assertThat(table(Tables.Appointments.NAME)).doesNotContainKey("TimeToLiveSpecification");
        assertThat(table(Tables.SlotLocks.NAME)).doesNotContainKey("TimeToLiveSpecification");
        assertThat(table(Tables.Timers.NAME)).containsKey("TimeToLiveSpecification");
        assertThat(table(Tables.Patients.NAME)).doesNotContainKey("TimeToLiveSpecification");
    }

    private Map<String, Object> table(String name) {
        return template.properties(template.idOf("AWS::DynamoDB::GlobalTable", "TableName", name));
    }

    private static List<Map<String, String>> keySchema(List<KeySchemaElement> schema) {
        return schema.stream()
            .map(key -> Map.of("AttributeName", key.attributeName(), "KeyType", key.keyTypeAsString()))
            .toList();
    }

    private static Map<String, Object> index(GlobalSecondaryIndex index) {
        return Map.of("IndexName", index.indexName(), "KeySchema", keySchema(index.keySchema()), "Projection",
                Map.of("ProjectionType", index.projection().projectionTypeAsString()));
    }

}
