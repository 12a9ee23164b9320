package dev.appointments.dynamodb.server;

import dev.appointments.dynamodb.value.AttributeJson;
import dev.appointments.dynamodb.value.DynamoDbError;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** The JSON body of an error, as DynamoDB sends it. */
final class ErrorBodies {

    private ErrorBodies() {
    }

    static ObjectNode of(DynamoDbError error) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        String namespace = error.name().equals("ValidationException") ? "com.amazon.coral.validate#"
                : "com.amazonaws.dynamodb.v20120810#";
        body.put("__type", namespace + error.name());
        body.put("message", error.getMessage());
        if (error.item() != null) {
            body.set("Item", AttributeJson.writeItem(error.item()));
        }
        if (!error.cancellationReasons().isEmpty()) {
            ArrayNode reasons = body.putArray("CancellationReasons");
            for (DynamoDbError.CancellationReason reason : error.cancellationReasons()) {
                ObjectNode node = reasons.addObject();
                node.put("Code", reason.code());
                if (reason.message() != null) {
                    node.put("Message", reason.message());
                }
                if (reason.item() != null) {
                    node.set("Item", AttributeJson.writeItem(reason.item()));
                }
            }
        }
        return body;
    }

}
