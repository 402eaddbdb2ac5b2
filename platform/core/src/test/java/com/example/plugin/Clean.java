package com.example.plugin;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** What a plugin normally does: computes, with the JDK's collections and text. */
public final class Clean {

    private final Function<String, String> shout = text -> text.toUpperCase(Locale.ROOT);

    public List<String> greet(List<String> names) {
        return names.stream().map(name -> shout.apply("hello " + name)).toList();
    }
}
