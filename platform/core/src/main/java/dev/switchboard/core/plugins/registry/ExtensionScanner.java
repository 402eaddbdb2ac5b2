package dev.switchboard.core.plugins.registry;

import dev.switchboard.api.ExtensionPoint;
import dev.switchboard.core.plugins.schema.RecordSchemas;
import java.lang.annotation.Annotation;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads what a plugin version contributes from its extension index and the classes' annotations: for
 * each indexed class, the SDK interfaces it implements that are marked {@code @ExtensionPoint}, and
 * the descriptor each point asks for. Classes are loaded, never initialized or instantiated, so no
 * plugin code runs here. Knows no extension point by name.
 */
public final class ExtensionScanner {

    /** Most extensions one plugin may declare. */
    public static final int MAX_EXTENSIONS = 500;

    private ExtensionScanner() {
    }

    /** An extension as declared, before the registry instantiates it. */
    public record Declared(Class<?> point, String key, Annotation descriptor, Class<?> type) {

        public boolean instantiated() {
            return point.getAnnotation(ExtensionPoint.class).instantiated();
        }
    }

    /** Every extension the plugin declares, or every problem found (all of them, for one fix). */
    public static List<Declared> scan(LoadedPlugin plugin) throws PluginLoadException {
        List<String> names = plugin.extensionClassNames();
        List<String> problems = new ArrayList<>();
        List<Declared> declared = new ArrayList<>();
        if (names.isEmpty()) {
            throw new PluginLoadException("the plugin declares no extensions: its artifact has no extension index "
                    + "(META-INF/switchboard/extensions.idx for @dev.switchboard.api.Extension, or PF4J's "
                    + "META-INF/extensions.idx for @org.pf4j.Extension); is the annotation processor on the build?");
        }
        if (names.size() > MAX_EXTENSIONS) {
            throw new PluginLoadException("the plugin declares " + names.size() + " extensions; at most "
                    + MAX_EXTENSIONS + " are accepted");
        }
        Set<String> seen = new HashSet<>();
        for (String name : new LinkedHashSet<>(names)) {
            Class<?> type;
            try {
                type = plugin.loadClass(name);
            } catch (ClassNotFoundException | LinkageError e) {
                problems.add("extension class " + name + " cannot be loaded: " + e);
                continue;
            }
            List<Class<?>> points = pointsOf(type);
            if (points.isEmpty()) {
                problems.add(name + " implements no extension point of the SDK (WorkflowAction, WebhookHandler, "
                        + "SettingsType, TriggerType, PluginLifecycle, …)");
                continue;
            }
            for (Class<?> point : points) {
                ExtensionPoint marker = point.getAnnotation(ExtensionPoint.class);
                Annotation descriptor = type.getAnnotation(marker.descriptor());
                if (descriptor == null && marker.descriptor() != dev.switchboard.api.Extension.class) {
                    problems.add(name + " implements " + point.getSimpleName() + " but lacks its @"
                            + marker.descriptor().getSimpleName() + " annotation");
                    continue;
                }
                if (marker.instantiated() && !instantiable(type)) {
                    problems.add(name + " must be a public, non-abstract class with a public no-argument constructor");
                    continue;
                }
                recordProblems(descriptor, name, problems);
                String key = key(marker, descriptor, type, problems);
                if (key == null) {
                    continue;
                }
                if (!seen.add(point.getName() + "\u0000" + key)) {
                    problems.add(point.getSimpleName() + " '" + key + "' is declared twice");
                    continue;
                }
                declared.add(new Declared(point, key, descriptor, type));
            }
        }
        if (!problems.isEmpty()) {
            throw new PluginLoadException(problems);
        }
        return declared;
    }

    /**
     * Every record type the descriptor names (an action's input and output, a trigger's payload) must be
     * one the SDK can describe, with all its classes present in the plugin.
     */
    private static void recordProblems(Annotation descriptor, String extension, List<String> problems) {
        if (descriptor == null) {
            return;
        }
        for (Method member : descriptor.annotationType().getDeclaredMethods()) {
            Object value;
            try {
                value = member.invoke(descriptor);
            } catch (IllegalAccessException | InvocationTargetException | TypeNotPresentException e) {
                problems.add(extension + ": @" + descriptor.annotationType().getSimpleName() + "(" + member.getName()
                        + ") cannot be read: " + e);
                continue;
            }
            if (value instanceof Class<?> type && type.isRecord()) {
                String where = extension + " " + member.getName();
                List<String> found = RecordSchemas.problems(type);
                found.forEach(problem -> problems.add(where + ": " + problem));
                if (found.isEmpty()) {
                    try {
                        RecordSchemas.of(type);
                    } catch (RuntimeException | LinkageError e) {
                        problems.add(where + ": no JSON Schema can be derived from " + type.getName() + ": " + e);
                    }
                }
            }
        }
    }

    /** The SDK interfaces marked as extension points among all the type's supertypes. */
    static List<Class<?>> pointsOf(Class<?> type) {
        List<Class<?>> points = new ArrayList<>();
        Deque<Class<?>> todo = new ArrayDeque<>();
        Set<Class<?>> visited = new HashSet<>();
        todo.add(type);
        while (!todo.isEmpty()) {
            Class<?> next = todo.poll();
            if (next == null || !visited.add(next)) {
                continue;
            }
            if (next.isInterface() && next.isAnnotationPresent(ExtensionPoint.class)) {
                points.add(next);
            }
            todo.addAll(List.of(next.getInterfaces()));
            if (next.getSuperclass() != null) {
                todo.add(next.getSuperclass());
            }
        }
        return points;
    }

    private static boolean instantiable(Class<?> type) {
        if (!Modifier.isPublic(type.getModifiers()) || Modifier.isAbstract(type.getModifiers()) || type.isInterface()) {
            return false;
        }
        try {
            return Modifier.isPublic(type.getConstructor().getModifiers());
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    private static String key(ExtensionPoint marker, Annotation descriptor, Class<?> type, List<String> problems) {
        if (marker.key().isEmpty() || descriptor == null) {
            return type.getName();
        }
        try {
            Method member = descriptor.annotationType().getMethod(marker.key());
            Object value = member.invoke(descriptor);
            if (!(value instanceof String text) || text.isBlank()) {
                problems.add(type.getName() + ": @" + descriptor.annotationType().getSimpleName() + "("
                        + marker.key() + ") is empty");
                return null;
            }
            return text;
        } catch (NoSuchMethodException | IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("extension point " + marker + " names a key member its descriptor lacks", e);
        }
    }
}
