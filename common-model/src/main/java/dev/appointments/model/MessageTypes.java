package dev.appointments.model;

import java.util.Arrays;

import com.fasterxml.jackson.annotation.JsonSubTypes;

/**
 * The {@code type} name of a message, as written in its JSON body, so that producers can
 * set the same value as the SQS message attribute {@code type} without serialising first.
 */
public final class MessageTypes {

    private MessageTypes() {
    }

    /**
     * The JSON {@code type} of a message of one of the queues' sealed interfaces.
     * @throws IllegalArgumentException if the object is not a message of the contract
     */
    public static String typeOf(Object message) {
        Class<?> type = message.getClass();
        return Arrays.stream(type.getInterfaces())
            .map(contract -> contract.getAnnotation(JsonSubTypes.class))
            .filter(subtypes -> subtypes != null)
            .flatMap(subtypes -> Arrays.stream(subtypes.value()))
            .filter(subtype -> subtype.value().equals(type))
            .map(JsonSubTypes.Type::name)
            .findFirst()
            .orElseThrow(() -> new IllegalArgumentException(type.getName() + " is not a message of the contract"));
    }

}
