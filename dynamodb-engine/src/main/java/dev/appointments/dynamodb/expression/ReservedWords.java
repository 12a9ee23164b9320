package dev.appointments.dynamodb.expression;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The developer guide's reserved words, which an expression may only name through a
 * {@code #placeholder}.
 */
final class ReservedWords {

    private static final Set<String> WORDS = load();

    private ReservedWords() {
    }

    /**
     * The list is not case-sensitive: {@code Status} is as reserved as {@code STATUS}.
     */
    static boolean contains(String name) {
        return WORDS.contains(name.toUpperCase(Locale.ROOT));
    }

    private static Set<String> load() {
        var resource = ReservedWords.class.getResourceAsStream("reserved-words.txt");
        try (var reader = new BufferedReader(new InputStreamReader(
                Objects.requireNonNull(resource, "reserved-words.txt"), StandardCharsets.UTF_8))) {
            return reader.lines()
                .map(String::strip)
                .filter(line -> !line.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

}
