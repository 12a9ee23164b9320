package dev.appointments.dynamodb.conformance;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import static dev.appointments.dynamodb.conformance.Attributes.item;
import static dev.appointments.dynamodb.conformance.Attributes.l;
import static dev.appointments.dynamodb.conformance.Attributes.m;
import static dev.appointments.dynamodb.conformance.Attributes.n;
import static dev.appointments.dynamodb.conformance.Attributes.ns;
import static dev.appointments.dynamodb.conformance.Attributes.s;
import static dev.appointments.dynamodb.conformance.Attributes.ss;
import static dev.appointments.dynamodb.conformance.Attributes.withSortedSets;
import static dev.appointments.dynamodb.conformance.ValidationErrors.assertRefusedAsInvalid;
import static org.assertj.core.api.Assertions.assertThat;
import static software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType.S;

/**
 * The four clauses of update expressions (the guide's "Using update expressions in
 * DynamoDB"), applied by UpdateItem to one item and checked by reading the item back.
 */
@ExtendWith(ConformanceEndpoint.class)
class UpdateExpressionConformanceTests {

    private static final Map<String, AttributeValue> KEY = item("pk", s("k"));

    private final DynamoDbClient dynamo;

    private final ConformanceTables tables;

    private final String table;

    UpdateExpressionConformanceTests(DynamoDbClient dynamo, ConformanceTables tables) {
        this.dynamo = dynamo;
        this.tables = tables;
        this.table = tables.withPartitionKey("pk", S);
        dynamo.putItem(request -> request.tableName(table)
            .item(item("pk", s("k"), "num", n(5), "str", s("text"), "tags", ss("a", "b"), "nums", ns("1", "2"), "seq",
                    l(n(1), n(2), n(3)), "doc", m("mid", m("leaf", n(1))))));
    }

    @Test
    @DisplayName("SET adds new attributes and replaces existing ones, several separated by commas")
    void setAddsAndReplacesAttributes() {
        update("SET fresh = :fresh, num = :num", ":fresh", s("new"), ":num", n(6));

        assertThat(read()).containsEntry("fresh", s("new")).containsEntry("num", n(6)).containsEntry("str", s("text"));
    }

    @Test
    @DisplayName("SET on a nested path replaces or adds one attribute inside a map")
    void setReachesIntoMaps() {
        update("SET doc.mid.leaf = :one, doc.mid.twig = :two", ":one", n(10), ":two", n(20));

        assertThat(read().get("doc")).isEqualTo(m("mid", m("leaf", n(10), "twig", n(20))));
    }

    @Test
    @DisplayName("SET on a list element replaces that element")
    void setReplacesAListElement() {
        update("SET seq[1] = :v", ":v", s("two"));

        assertThat(read().get("seq")).isEqualTo(l(n(1), s("two"), n(3)));
    }

    @Test
    @DisplayName("SET on an index past the end of a list appends the element to the list")
    void setPastTheEndAppends() {
        update("SET seq[10] = :v", ":v", n(4));

        assertThat(read().get("seq")).isEqualTo(l(n(1), n(2), n(3), n(4)));
    }

    @Test
    @DisplayName("SET copies one attribute's value into another")
    void setCopiesAnAttribute() {
        update("SET copied = str");

        assertThat(read().get("copied")).isEqualTo(s("text"));
    }

    @Test
    @DisplayName("SET with + and - adds to and subtracts from a number")
    void setDoesArithmetic() {
        update("SET num = num + :three, fresh = :ten - num", ":three", n(3), ":ten", n(10));

        assertThat(read()).containsEntry("num", n(8)).containsEntry("fresh", n(5));
    }

    @Test
    @DisplayName("ValidationException: arithmetic on an attribute the item does not have")
    void refusesArithmeticOnAMissingAttribute() {
        assertRefusedAsInvalid(() -> update("SET num = ghost + :one", ":one", n(1)));
    }

    @Test
    @DisplayName("ValidationException: arithmetic on a value that is not a number")
    void refusesArithmeticOnANonNumber() {
        assertRefusedAsInvalid(() -> update("SET num = str + :one", ":one", n(1)));
    }

    @Test
    @DisplayName("if_not_exists(path, value) evaluates to the attribute if it exists, else to the value")
    void ifNotExistsKeepsWhatIsThere() {
        update("SET num = if_not_exists(num, :zero), fresh = if_not_exists(fresh, :zero)", ":zero", n(0));

        assertThat(read()).containsEntry("num", n(5)).containsEntry("fresh", n(0));
    }

    @Test
    @DisplayName("if_not_exists starts a counter that does not exist yet: SET c = if_not_exists(c, :zero) + :one")
    void ifNotExistsStartsACounter() {
        update("SET hits = if_not_exists(hits, :zero) + :one", ":zero", n(0), ":one", n(1));
        update("SET hits = if_not_exists(hits, :zero) + :one", ":zero", n(0), ":one", n(1));

        assertThat(read().get("hits")).isEqualTo(n(2));
    }

    @Test
    @DisplayName("list_append(list1, list2) appends, or prepends when the new elements come first")
    void listAppendConcatenates() {
        update("SET seq = list_append(seq, :tail)", ":tail", l(n(4), n(5)));
        update("SET seq = list_append(:head, seq)", ":head", l(n(0)));

        assertThat(read().get("seq")).isEqualTo(l(n(0), n(1), n(2), n(3), n(4), n(5)));
    }

    @Test
    @DisplayName("ValidationException: list_append takes two lists")
    void refusesListAppendOfANonList() {
        assertRefusedAsInvalid(() -> update("SET seq = list_append(seq, :v)", ":v", n(4)));
    }

    @Test
    @DisplayName("REMOVE deletes attributes, top-level and nested")
    void removeDeletesAttributes() {
        update("REMOVE str, doc.mid.leaf");

        assertThat(read()).doesNotContainKey("str");
        assertThat(read().get("doc")).isEqualTo(m("mid", m()));
    }

    @Test
    @DisplayName("REMOVE of list elements shifts the elements after them down")
    void removeShiftsListElements() {
        update("REMOVE seq[0], seq[2]");

        assertThat(read().get("seq")).isEqualTo(l(n(2)));
    }

    @Test
    @DisplayName("REMOVE of an attribute the item does not have changes nothing")
    void removeOfAMissingAttributeChangesNothing() {
        Map<String, AttributeValue> before = read();

        update("REMOVE ghost");

        assertThat(read()).isEqualTo(before);
    }

    @Test
    @DisplayName("ADD to a number adds to it, negative values subtract")
    void addToANumber() {
        update("ADD num :three", ":three", n(3));
        update("ADD num :minus", ":minus", n(-10));

        assertThat(read().get("num")).isEqualTo(n(-2));
    }

    @Test
    @DisplayName("ADD to an attribute that does not exist uses 0 as the initial value")
    void addStartsFromZero() {
        update("ADD hits :one", ":one", n(1));

        assertThat(read().get("hits")).isEqualTo(n(1));
    }

    @Test
    @DisplayName("ADD of a set adds its members to the set; members already there are not added twice")
    void addToASet() {
        update("ADD tags :more, nums :more_nums", ":more", ss("b", "c"), ":more_nums", ns("3"));

        Map<String, AttributeValue> item = withSortedSets(read());
        assertThat(item.get("tags")).isEqualTo(ss("a", "b", "c"));
        assertThat(item.get("nums")).isEqualTo(ns("1", "2", "3"));
    }

    @Test
    @DisplayName("ADD of a set to an attribute that does not exist creates the set")
    void addCreatesASet() {
        update("ADD colours :c", ":c", ss("red"));

        assertThat(read().get("colours")).isEqualTo(ss("red"));
    }

    @Test
    @DisplayName("ValidationException: ADD supports only numbers and sets")
    void refusesAddOfOtherTypes() {
        assertRefusedAsInvalid(() -> update("ADD seq :v", ":v", l(n(4))));
        assertRefusedAsInvalid(() -> update("ADD str :v", ":v", s("more")));
    }

    @Test
    @DisplayName("ValidationException: ADD of a number to a set, or of a set to a number")
    void refusesAddOfMismatchedTypes() {
        assertRefusedAsInvalid(() -> update("ADD tags :v", ":v", n(1)));
        assertRefusedAsInvalid(() -> update("ADD num :v", ":v", ss("x")));
    }

    @Test
    @DisplayName("DELETE removes members from a set; members not in it are ignored")
    void deleteFromASet() {
        update("DELETE tags :gone", ":gone", ss("a", "z"));

        assertThat(read().get("tags")).isEqualTo(ss("b"));
    }

    @Test
    @DisplayName("DELETE of every member removes the attribute, as sets cannot be empty")
    void deletingEveryMemberRemovesTheSet() {
        update("DELETE tags :all", ":all", ss("a", "b"));

        assertThat(read()).doesNotContainKey("tags");
    }

    @Test
    @DisplayName("ValidationException: DELETE takes a set of the attribute's type")
    void refusesDeleteOfANonSet() {
        assertRefusedAsInvalid(() -> update("DELETE tags :v", ":v", s("a")));
        assertRefusedAsInvalid(() -> update("DELETE num :v", ":v", ns("5")));
    }

    @Test
    @DisplayName("One expression may hold SET, REMOVE, ADD and DELETE clauses, in any order")
    void combinesAllClauses() {
        update("REMOVE str ADD num :one SET fresh = :v DELETE tags :a", ":one", n(1), ":v", s("new"), ":a", ss("a"));

        Map<String, AttributeValue> item = read();
        assertThat(item).doesNotContainKey("str");
        assertThat(item).containsEntry("num", n(6)).containsEntry("fresh", s("new")).containsEntry("tags", ss("b"));
    }

    @Test
    @DisplayName("ValidationException: each clause may appear only once")
    void refusesARepeatedClause() {
        assertRefusedAsInvalid(() -> update("SET num = :one SET str = :v", ":one", n(1), ":v", s("x")));
    }

    @Test
    @DisplayName("ValidationException: two document paths of one update overlap")
    void refusesOverlappingPaths() {
        assertRefusedAsInvalid(() -> update("SET num = :one, num = :two", ":one", n(1), ":two", n(2)));
        assertRefusedAsInvalid(() -> update("SET str = :v REMOVE str", ":v", s("x")));
        assertRefusedAsInvalid(() -> update("SET doc.mid = :v REMOVE doc.mid.leaf", ":v", m()));
    }

    @Test
    @DisplayName("ValidationException: a nested path whose parent does not exist is invalid for update")
    void refusesAPathThroughAMissingParent() {
        assertRefusedAsInvalid(() -> update("SET ghost.leaf = :v", ":v", n(1)));
    }

    @Test
    @DisplayName("ValidationException: an update expression that does not parse")
    void refusesASyntaxError() {
        assertRefusedAsInvalid(() -> update("SET num = = :v", ":v", n(1)));
        assertRefusedAsInvalid(() -> update("MULTIPLY num :v", ":v", n(1)));
    }

    private void update(String expression, Object... placeholdersAndValues) {
        Map<String, AttributeValue> values = new LinkedHashMap<>(item(placeholdersAndValues));
        dynamo.updateItem(request -> request.tableName(table)
            .key(KEY)
            .updateExpression(expression)
            .expressionAttributeValues(values.isEmpty() ? null : values));
    }

    private Map<String, AttributeValue> read() {
        return tables.read(table, KEY);
    }

}
