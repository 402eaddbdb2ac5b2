package dev.switchboard.core.plugins.packaging;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads an extension index: one binary class name per line, {@code #} comments and blank lines ignored. */
final class ExtensionIndex {

    /** The index the SDK's annotation processor writes for {@code @dev.switchboard.api.Extension}. */
    static final String SDK = "META-INF/switchboard/extensions.idx";
    /** The index PF4J's annotation processor writes for {@code @org.pf4j.Extension}. */
    static final String PF4J = "META-INF/extensions.idx";
    private static final int MAX_LINES = 10_000;

    private ExtensionIndex() {
    }

    static List<String> read(InputStream in) throws IOException {
        List<String> names = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null && names.size() < MAX_LINES) {
                String name = line.strip();
                if (!name.isEmpty() && !name.startsWith("#")) {
                    names.add(name);
                }
            }
        }
        return names;
    }
}
