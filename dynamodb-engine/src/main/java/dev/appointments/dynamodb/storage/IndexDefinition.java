package dev.appointments.dynamodb.storage;

import java.util.List;

/**
 * A secondary index: its key and which attributes it projects ({@code ALL},
 * {@code KEYS_ONLY} or {@code INCLUDE} with the named non-key attributes).
 */
public record IndexDefinition(String name, KeySchema keySchema, String projectionType, List<String> nonKeyAttributes,
        boolean local) {

    public IndexDefinition {
        nonKeyAttributes = nonKeyAttributes == null ? List.of() : List.copyOf(nonKeyAttributes);
    }
}
