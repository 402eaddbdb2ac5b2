package com.example.plugin;

import java.lang.reflect.Field;

/** Looks up a class of the host by name and opens a private field of what it is given. */
public final class OpensTheHost {

    public Object steal(Object context) throws ReflectiveOperationException {
        Class<?> plugins = Class.forName("dev.switchboard.core.plugins.Plugins");
        Field field = context.getClass().getDeclaredField("secrets");
        field.setAccessible(true);
        return plugins.getName() + field.get(context);
    }
}
