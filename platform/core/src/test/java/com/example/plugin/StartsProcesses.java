package com.example.plugin;

import java.io.IOException;

/** Runs a program of the operating system. */
public final class StartsProcesses {

    public Process list() throws IOException {
        return new ProcessBuilder("ls", "/").start();
    }
}
