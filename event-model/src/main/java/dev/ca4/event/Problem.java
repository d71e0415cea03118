package dev.ca4.event;


import java.util.List;

/**
 * An RFC 9457 problem document, as the APIs answer and the producer reads it ({@code application/problem+json}).
 *
 * @param errors one entry per broken rule: the field and the rule (empty when not about fields)
 */
public record Problem(String type, String title, int status, String detail, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_PREFIX = "urn:ca4:problem:";

    public record FieldError(String field, String rule, String message) {
        public static FieldError of(Violation v) {
            return new FieldError(v.field(), v.rule(), v.message());
        }
    }

    public static Problem of(int status, String slug, String title, String detail) {
        return of(status, slug, title, detail, List.of());
    }

    /** The one shape of every problem: {@code type} is {@code urn:ca4:problem:<slug>}. */
    public static Problem of(int status, String slug, String title, String detail, List<FieldError> errors) {
        return new Problem(TYPE_PREFIX + slug, title, status, detail, List.copyOf(errors));
    }

    /** The slug of one of our problem types ({@code urn:ca4:problem:<slug>}), or null for any other type. */
    public static String slugOf(String type) {
        return type != null && type.startsWith(TYPE_PREFIX) ? type.substring(TYPE_PREFIX.length()) : null;
    }

    /**
     * A framework's own HTTP error (404 no route, 405, 415, ...) in the same shape as ours: {@code reason} is the
     * status's reason phrase (null when the status has none), {@code message} the framework's.
     */
    public static Problem httpError(int status, String reason, String message) {
        String title = reason == null ? "HTTP " + status : reason;
        String detail = switch (status) {
            case 415 -> "Content-Type must be application/json";
            case 405 -> "method not allowed on this path";
            case 404 -> "no such resource";
            default -> message;
        };
        return of(status, title.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-"), title, detail);
    }

    public static Problem invalid(List<Violation> violations) {
        String detail = violations.size() == 1 ? violations.get(0).message()
                : violations.size() + " rules failed; first: " + violations.get(0).message();
        return of(400, "invalid-event", "Event does not match schema version 1", detail,
                violations.stream().map(FieldError::of).toList());
    }
}
