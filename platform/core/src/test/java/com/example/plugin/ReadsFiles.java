package com.example.plugin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads a file of the server's. */
public final class ReadsFiles {

    public String passwords() throws IOException {
        return Files.readString(Path.of("/etc/passwd"));
    }
}
