package dev.ca4.event;

/**
 * One broken rule of the event schema.
 *
 * @param field   JSON path of the offending field, e.g. {@code embedding.values[3]}; {@code $} is the whole body
 * @param rule    short machine-readable rule name, e.g. {@code required}, {@code format:uuid}, {@code finite}
 * @param message human sentence naming the field and the rule
 */
public record Violation(String field, String rule, String message) {

    public static Violation of(String field, String rule, String message) {
        return new Violation(field, rule, field + ": " + message);
    }
}
