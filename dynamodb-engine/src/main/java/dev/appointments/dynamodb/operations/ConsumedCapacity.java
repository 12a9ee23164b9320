package dev.appointments.dynamodb.operations;

import tools.jackson.databind.node.ObjectNode;

/**
 * The capacity a request reports when asked with {@code ReturnConsumedCapacity}: one unit
 * per item touched.
 */
final class ConsumedCapacity {

    private ConsumedCapacity() {
    }

    static void add(ObjectNode response, Request request, String tableName, double units) {
        String mode = request.string("ReturnConsumedCapacity", "NONE");
        if (!mode.equals("NONE")) {
            ObjectNode capacity = response.putObject("ConsumedCapacity");
            capacity.put("TableName", tableName);
            capacity.put("CapacityUnits", units);
        }
    }

}
