package dev.appointments.dynamodb.conformance;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * ValidationException has no class of its own in the SDK: it arrives as a plain
 * {@link DynamoDbException}, so the error code and HTTP status are what tell it apart
 * from the errors that do have one.
 */
final class ValidationErrors {

    private ValidationErrors() {
    }

    static void assertRefusedAsInvalid(ThrowingCallable request) {
        assertThatThrownBy(request).isExactlyInstanceOf(DynamoDbException.class).satisfies(thrown -> {
            DynamoDbException error = (DynamoDbException) thrown;
            org.assertj.core.api.Assertions.assertThat(error.awsErrorDetails().errorCode())
                .as("error code of: %s", error.getMessage())
                .isEqualTo("ValidationException");
            org.assertj.core.api.Assertions.assertThat(error.statusCode()).isEqualTo(400);
        });
    }

}
