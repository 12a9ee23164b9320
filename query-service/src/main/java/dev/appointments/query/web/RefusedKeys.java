package dev.appointments.query.web;

import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

/**
 * The one client-given value of a read that DynamoDB validates is the id in its key: a
 * key it refuses (an id over its 2 KB key limit) names no item, so the answer is 404, not
 * a transient 503.
 */
public final class RefusedKeys {

    private RefusedKeys() {
    }

    public static boolean refused(Exception ex) {
        return ex instanceof DynamoDbException dynamoDb && dynamoDb.statusCode() == 400
                && dynamoDb.awsErrorDetails() != null
                && "ValidationException".equals(dynamoDb.awsErrorDetails().errorCode());
    }

}
