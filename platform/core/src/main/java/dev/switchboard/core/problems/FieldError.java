package dev.switchboard.core.problems;

/**
 * One thing wrong with a request, named where the client can find it. Exactly one of the places is
 * set, or none when the error concerns the request as a whole.
 *
 * @param pointer a JSON Pointer (RFC 6901) into the request body, such as {@code /email} or {@code /tags/3}
 * @param parameter a query or path parameter, such as {@code limit}
 * @param element the id of a BPMN element of an uploaded workflow
 * @param detail what is wrong and what would be right
 */
public record FieldError(String pointer, String parameter, String element, String detail) {

    public FieldError {
        detail = Problem.bounded(detail);
    }

    public static FieldError at(String pointer, String detail) {
        return new FieldError(pointer, null, null, detail);
    }

    /** An error of a top-level body field: {@code field("email", …)} points at {@code /email}. */
    public static FieldError field(String name, String detail) {
        return at("/" + name.replace("~", "~0").replace("/", "~1"), detail);
    }

    public static FieldError parameter(String name, String detail) {
        return new FieldError(null, name, null, detail);
    }

    public static FieldError element(String elementId, String detail) {
        return new FieldError(null, null, elementId, detail);
    }

    public static FieldError general(String detail) {
        return new FieldError(null, null, null, detail);
    }

    /** The error as one line, its place first. */
    public String describe() {
        String where = pointer != null ? pointer : parameter != null ? parameter : element != null ? "element '" + element + "'" : null;
        return where == null ? detail : where + ": " + detail;
    }
}
