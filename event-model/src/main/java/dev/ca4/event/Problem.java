package dev.ca4.event;


import java.util.List;

/**
 * An RFC 9457 problem document, as the APIs answer and the producer reads it ({@code application/problem+json}).
 *
 * @param errors one entry per broken rule: the field and the rule (empty when not about fields)
 */
public record Problem(String type, String title, int status, String detail, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

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
        return new Problem("urn:ca4:problem:" + slug, title, status, detail, List.copyOf(errors));
    }

    public static Problem invalid(List<Violation> violations) {
        String detail = violations.size() == 1 ? violations.get(0).message()
                : violations.size() + " rules failed; first: " + violations.get(0).message();
        return of(400, "invalid-event", "Event does not match schema version 1", detail,
                violations.stream().map(FieldError::of).toList());
    }
}
