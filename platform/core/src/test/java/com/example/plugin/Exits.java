package com.example.plugin;

/** Stops the JVM when it gives up. */
public final class Exits {

    public void giveUp() {
        System.exit(1);
    }
}
