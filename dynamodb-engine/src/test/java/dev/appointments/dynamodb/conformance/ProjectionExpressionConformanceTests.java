package dev.appointments.dynamodb.conformance;

import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Select;

import static dev.appointments.dynamodb.conformance.Attributes.item;
import static dev.appointments.dynamodb.conformance.Attributes.l;
import static dev.appointments.dynamodb.conformance.Attributes.m;
import static dev.appointments.dynamodb.conformance.Attributes.n;
import static dev.appointments.dynamodb.conformance.Attributes.names;
import static dev.appointments.dynamodb.conformance.Attributes.s;
import static dev.appointments.dynamodb.conformance.Attributes.values;
import static dev.appointments.dynamodb.conformance.ValidationErrors.assertRefusedAsInvalid;
import static org.assertj.core.api.Assertions.assertThat;
import static software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType.S;

/**
 * Projection expressions (the guide's "Using projection expressions in DynamoDB") on
 * GetItem, Query and Scan.
 */
@ExtendWith(ConformanceEndpoint.class)
class ProjectionExpressionConformanceTests {

    private static final Map<String, AttributeValue> KEY = item("pk", s("k"));

    private final DynamoDbClient dynamo;

    private final String table;

    ProjectionExpressionConformanceTests(DynamoDbClient dynamo, ConformanceTables tables) {
        this.dynamo = dynamo;
        this.table = tables.withPartitionKey("pk", S);
        dynamo.putItem(request -> request.tableName(table)
            .item(item("pk", s("k"), "num", n(1), "str", s("two"), "doc",
                    m("mid", m("leaf", s("x"), "twig", s("y")), "tally", n(3)), "seq",
                    l(s("zero"), s("one"), s("two"), m("tip", s("v"))), "dotted.zz", s("dot"), "name", s("reserved"))));
    }

    @Test
    @DisplayName("Only the attributes named are returned; the key too only if named")
    void returnsOnlyNamedAttributes() {
        assertThat(project("num, str")).isEqualTo(item("num", n(1), "str", s("two")));
        assertThat(project("pk, num")).isEqualTo(item("pk", s("k"), "num", n(1)));
    }

    @Test
    @DisplayName("A nested map path returns that attribute inside the maps that hold it")
    void projectsIntoMaps() {
        assertThat(project("doc.mid.leaf")).isEqualTo(item("doc", m("mid", m("leaf", s("x")))));
    }

    @Test
    @DisplayName("List elements are returned in a list of their own, in list order")
    void projectsListElements() {
        assertThat(project("seq[1]")).isEqualTo(item("seq", l(s("one"))));
        assertThat(project("seq[2], seq[0]")).isEqualTo(item("seq", l(s("zero"), s("two"))));
        assertThat(project("seq[3].tip")).isEqualTo(item("seq", l(m("tip", s("v")))));
    }

    @Test
    @DisplayName("Paths into one map are merged into one map")
    void mergesPathsIntoOneMap() {
        assertThat(project("doc.mid.leaf, doc.tally"))
            .isEqualTo(item("doc", m("mid", m("leaf", s("x")), "tally", n(3))));
    }

    @Test
    @DisplayName("Attributes the item does not have are left out")
    void leavesOutMissingAttributes() {
        assertThat(project("num, ghost, doc.ghost, seq[9]")).isEqualTo(item("num", n(1)));
    }

    @Test
    @DisplayName("Expression attribute names stand for reserved words and names with dots")
    void resolvesExpressionAttributeNames() {
        var response = dynamo.getItem(request -> request.tableName(table)
            .key(KEY)
            .consistentRead(true)
            .projectionExpression("#name, #dotted")
            .expressionAttributeNames(names("#name", "name", "#dotted", "dotted.zz")));

        assertThat(response.item()).isEqualTo(item("name", s("reserved"), "dotted.zz", s("dot")));
    }

    @Test
    @DisplayName("ValidationException: a reserved word used as an attribute name in a projection")
    void refusesAReservedWord() {
        assertRefusedAsInvalid(() -> project("name"));
    }

    @Test
    @DisplayName("ValidationException: two document paths of a projection overlap")
    void refusesOverlappingPaths() {
        assertRefusedAsInvalid(() -> project("doc, doc.mid"));
        assertRefusedAsInvalid(() -> project("num, num"));
    }

    @Test
    @DisplayName("Query and Scan apply the projection to every item they return")
    void appliesToQueryAndScan() {
        var queried = dynamo.query(request -> request.tableName(table)
            .consistentRead(true)
            .keyConditionExpression("pk = :k")
            .expressionAttributeValues(values(":k", s("k")))
            .projectionExpression("str, doc.tally"));
        var scanned = dynamo
            .scan(request -> request.tableName(table).consistentRead(true).projectionExpression("str, doc.tally"));

        Map<String, AttributeValue> projected = item("str", s("two"), "doc", m("tally", n(3)));
        assertThat(queried.items()).containsExactly(projected);
        assertThat(scanned.items()).containsExactly(projected);
    }

    @Test
    @DisplayName("ValidationException: Select ALL_ATTRIBUTES cannot be combined with a ProjectionExpression")
    void refusesAllAttributesWithAProjection() {
        assertRefusedAsInvalid(() -> dynamo
            .scan(request -> request.tableName(table).select(Select.ALL_ATTRIBUTES).projectionExpression("num")));
    }

    private Map<String, AttributeValue> project(String projection) {
        return dynamo
            .getItem(request -> request.tableName(table).key(KEY).consistentRead(true).projectionExpression(projection))
            .item();
    }

}
