package dev.appointments.dynamodb.expression;

import dev.appointments.dynamodb.value.Value;

/** One action of an update expression, on the document path it writes. */
sealed interface UpdateAction {

    Path path();

    record SetAction(Path path, SetValue value) implements UpdateAction {
    }

    record RemoveAction(Path path) implements UpdateAction {
    }

    /**
     * Adds a number to a number, or elements to a set; a missing attribute counts as zero
     * or an empty set.
     */
    record AddAction(Path path, Value value) implements UpdateAction {
    }

    /** Removes elements from a set. */
    record DeleteAction(Path path, Value value) implements UpdateAction {
    }

}
