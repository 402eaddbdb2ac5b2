package com.example.plugin;

import java.util.function.IntConsumer;

/** Stops the JVM through a method reference, which compiles to a method handle rather than a call. */
public final class ExitsThroughAReference {

    public IntConsumer stopper() {
        return Runtime.getRuntime()::halt;
    }
}
