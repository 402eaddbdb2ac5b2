package dev.switchboard.host.problems;

import dev.switchboard.core.json.Json;
import dev.switchboard.core.problems.FieldError;
import dev.switchboard.core.problems.ProblemException;
import dev.switchboard.core.problems.Texts;
import jakarta.annotation.Priority;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Limits every JSON request body before it is bound to Java objects: its size, its nesting, the
 * members of each object and array, the length of each string, and characters that cannot be stored
 * (NUL, unpaired surrogates). A body over a limit is refused with a problem naming where (a JSON
 * Pointer), so no resource ever sees a 2,000,000-element array or a 100-level nesting. Resources
 * marked {@link RawBody} read their bodies themselves.
 */
@Provider
@Priority(Priorities.ENTITY_CODER)
public class JsonInputFilter implements ContainerRequestFilter {

    /** Largest JSON body. */
    public static final int MAX_BYTES = 1024 * 1024;
    /** Deepest nesting of objects and arrays. */
    public static final int MAX_DEPTH = 32;
    /** Most members of one object or elements of one array. */
    public static final int MAX_MEMBERS = 10_000;
    /** Longest string value or member name. */
    public static final int MAX_STRING = 100_000;
    /** How much of a body over the limit is read and dropped before answering. */
    private static final long DRAINED = 32L * 1024 * 1024;

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        if (rawBody()) {
            return;
        }
        MediaType type = request.getMediaType();
        if (type == null || !request.hasEntity() || !(type.getSubtype().equals("json") || type.getSubtype().endsWith("+json"))) {
            return;
        }
        byte[] body = read(request.getEntityStream());
        check(body);
        request.setEntityStream(new ByteArrayInputStream(body));
    }

    /** Whether the resource reads its body itself ({@link RawBody}). */
    private boolean rawBody() {
        return resource != null && resource.getResourceMethod() != null
                && (resource.getResourceMethod().isAnnotationPresent(RawBody.class)
                || resource.getResourceClass().isAnnotationPresent(RawBody.class));
    }

    private static byte[] read(InputStream in) {
        try {
            byte[] body = in.readNBytes(MAX_BYTES + 1);
            if (body.length > MAX_BYTES) {
                // read on a little, so that a client still sending hears the answer rather than a reset connection
                drain(in);
                throw ProblemException.tooLarge("the JSON body is larger than " + MAX_BYTES / 1024 + " KB");
            }
            return body;
        } catch (IOException e) {
            throw new UncheckedIOException("reading the request body failed", e);
        }
    }

    /** Reads and drops up to {@link #DRAINED} more bytes of a body that is refused. */
    private static void drain(InputStream in) {
        byte[] buffer = new byte[64 * 1024];
        long left = DRAINED;
        try {
            for (int read; left > 0 && (read = in.read(buffer, 0, (int) Math.min(buffer.length, left))) > 0; ) {
                left -= read;
            }
        } catch (IOException e) {
            // the client went away: nobody to answer
        }
    }

    /** Walks the document once, as a stream, keeping only the path to where it is. */
    static void check(byte[] body) {
        Deque<Frame> path = new ArrayDeque<>();
        try (JsonParser parser = Json.createParser(new ByteArrayInputStream(body))) {
            while (parser.hasNext()) {
                JsonParser.Event event = parser.next();
                switch (event) {
                    case START_OBJECT, START_ARRAY -> {
                        count(path);
                        if (path.size() >= MAX_DEPTH) {
                            throw invalid(pointer(path), "nested deeper than " + MAX_DEPTH + " levels");
                        }
                        path.push(new Frame(event == JsonParser.Event.START_ARRAY));
                    }
                    case END_OBJECT, END_ARRAY -> path.pop();
                    case KEY_NAME -> {
                        String name = parser.getString();
                        checkText(path, name, "a member name");
                        path.peek().name = name;
                    }
                    case VALUE_STRING -> {
                        count(path);
                        checkText(path, parser.getString(), "the value");
                    }
                    default -> count(path);
                }
            }
        } catch (JsonParsingException e) {
            throw ProblemException.malformed("the request body is not valid JSON: " + e.getMessage());
        }
    }

    /** A value in the current container: counts it, and names it for the pointer. */
    private static void count(Deque<Frame> path) {
        Frame frame = path.peek();
        if (frame == null) {
            return;
        }
        frame.members++;
        if (frame.array) {
            frame.name = Integer.toString(frame.members - 1);
        }
        if (frame.members > MAX_MEMBERS) {
            throw invalid(pointer(path, 1), "more than " + MAX_MEMBERS + (frame.array ? " elements" : " members"));
        }
    }

    private static void checkText(Deque<Frame> path, String text, String what) {
        if (text.length() > MAX_STRING) {
            throw invalid(pointer(path), what + " is longer than " + MAX_STRING + " characters");
        }
        String unstorable = Texts.unstorable(text);
        if (unstorable != null) {
            throw invalid(pointer(path), what + " " + unstorable);
        }
    }

    private static String pointer(Deque<Frame> path) {
        return pointer(path, 0);
    }

    /** The JSON Pointer of the current place, leaving out the last {@code skip} levels. */
    private static String pointer(Deque<Frame> path, int skip) {
        StringBuilder pointer = new StringBuilder();
        var frames = path.descendingIterator();
        int levels = path.size() - skip;
        for (int i = 0; i < levels && frames.hasNext(); i++) {
            Frame frame = frames.next();
            if (frame.name != null) {
                String name = frame.name.length() > Texts.QUOTED ? frame.name.substring(0, Texts.QUOTED) + "…" : frame.name;
                pointer.append('/').append(name.replace("~", "~0").replace("/", "~1").replace('\u0000', '\uFFFD'));
            }
        }
        return pointer.isEmpty() ? "" : pointer.toString();
    }

    private static ProblemException invalid(String pointer, String detail) {
        return ProblemException.invalid(FieldError.at(pointer, detail));
    }

    /** An open object or array: how many members so far, and the name (or index) of the current one. */
    private static final class Frame {
        final boolean array;
        int members;
        String name;

        Frame(boolean array) {
            this.array = array;
        }
    }
}
