package dev.switchboard.core.plugins.trust;

import static dev.switchboard.core.plugins.trust.Rule.EXIT;
import static dev.switchboard.core.plugins.trust.Rule.FILES;
import static dev.switchboard.core.plugins.trust.Rule.HOST_REFLECTION;
import static dev.switchboard.core.plugins.trust.Rule.PROCESS;

import java.util.List;
import java.util.Optional;

/**
 * What the bytecode verifier looks for, as one table: each row is a use of the JDK or of the host
 * that plugin code may not make, and the rule it breaks. The verifier only asks this table; a new
 * forbidden use is a new row. Names are JVM internal names ({@code java/lang/System}).
 */
final class ForbiddenUses {

    /** How a row matches. */
    enum Match {
        /** A call of {@code owner.member} ({@code *}: any member), or a method handle to it. */
        CALL,
        /** Any reference to a type whose name starts with {@code owner}: a call, a field, a cast, a descriptor. */
        TYPE,
        /** Any reference to a class of the host ({@link #isHost}). */
        HOST_TYPE,
        /** A call of {@code owner.member} whose constant string argument names a class of the host. */
        HOST_CLASS_NAME
    }

    /**
     * One forbidden use.
     *
     * @param descriptorPrefix for {@link Match#CALL}, only calls whose descriptor starts with this
     *                         ({@code (Ljava/lang/String;} for the constructors that take a file name), or null
     */
    record Row(Rule rule, Match match, String owner, String member, String descriptorPrefix) {
    }

    /** The packages of the platform's own code in the server: everything but the SDK ({@code dev.switchboard.api}). */
    private static final List<String> HOST = List.of("dev/switchboard/core/", "dev/switchboard/host/",
            "dev/switchboard/bpmn/", "dev/switchboard/launcher/");

    static final List<Row> ROWS = List.of(
            call(EXIT, "java/lang/System", "exit"),
            call(EXIT, "java/lang/Runtime", "exit"),
            call(EXIT, "java/lang/Runtime", "halt"),

            call(PROCESS, "java/lang/Runtime", "exec"),
            call(PROCESS, "java/lang/ProcessBuilder", "<init>"),
            call(PROCESS, "java/lang/ProcessBuilder", "start"),
            call(PROCESS, "java/lang/ProcessBuilder", "startPipeline"),
            call(PROCESS, "java/lang/ProcessHandle", "*"),

            call(FILES, "java/io/File", "*"),
            call(FILES, "java/io/FileInputStream", "<init>"),
            call(FILES, "java/io/FileOutputStream", "<init>"),
            call(FILES, "java/io/FileReader", "<init>"),
            call(FILES, "java/io/FileWriter", "<init>"),
            call(FILES, "java/io/RandomAccessFile", "<init>"),
            fileNamed("java/io/PrintStream"),
            fileNamed("java/io/PrintWriter"),
            fileNamed("java/util/Formatter"),
            fileNamed("java/util/zip/ZipFile"),
            fileNamed("java/util/jar/JarFile"),
            call(FILES, "java/nio/file/Files", "*"),
            call(FILES, "java/nio/file/Paths", "get"),
            call(FILES, "java/nio/file/Path", "of"),
            call(FILES, "java/nio/file/FileSystems", "*"),
            call(FILES, "java/nio/channels/FileChannel", "open"),
            call(FILES, "java/nio/channels/AsynchronousFileChannel", "open"),

            call(HOST_REFLECTION, "java/lang/reflect/AccessibleObject", "setAccessible"),
            call(HOST_REFLECTION, "java/lang/reflect/AccessibleObject", "trySetAccessible"),
            call(HOST_REFLECTION, "java/lang/reflect/Field", "setAccessible"),
            call(HOST_REFLECTION, "java/lang/reflect/Field", "trySetAccessible"),
            call(HOST_REFLECTION, "java/lang/reflect/Method", "setAccessible"),
            call(HOST_REFLECTION, "java/lang/reflect/Method", "trySetAccessible"),
            call(HOST_REFLECTION, "java/lang/reflect/Constructor", "setAccessible"),
            call(HOST_REFLECTION, "java/lang/reflect/Constructor", "trySetAccessible"),
            call(HOST_REFLECTION, "java/lang/reflect/Executable", "setAccessible"),
            call(HOST_REFLECTION, "java/lang/reflect/Executable", "trySetAccessible"),
            call(HOST_REFLECTION, "java/lang/invoke/MethodHandles", "privateLookupIn"),
            new Row(HOST_REFLECTION, Match.TYPE, "sun/misc/Unsafe", null, null),
            new Row(HOST_REFLECTION, Match.TYPE, "jdk/internal/", null, null),
            new Row(HOST_REFLECTION, Match.HOST_TYPE, null, null, null),
            new Row(HOST_REFLECTION, Match.HOST_CLASS_NAME, "java/lang/Class", "forName", null),
            new Row(HOST_REFLECTION, Match.HOST_CLASS_NAME, "java/lang/ClassLoader", "loadClass", null),
            new Row(HOST_REFLECTION, Match.HOST_CLASS_NAME, "java/lang/invoke/MethodHandles$Lookup", "findClass", null));

    private ForbiddenUses() {
    }

    /** The row a call of {@code owner.name} with {@code descriptor} breaks, if any. */
    static Optional<Row> call(String owner, String name, String descriptor) {
        for (Row row : ROWS) {
            if (row.match() == Match.CALL && row.owner().equals(owner)
                    && (row.member().equals("*") || row.member().equals(name))
                    && (row.descriptorPrefix() == null || descriptor.startsWith(row.descriptorPrefix()))) {
                return Optional.of(row);
            }
        }
        return Optional.empty();
    }

    /** The row a reference to the type {@code internalName} breaks, if any. */
    static Optional<Row> type(String internalName) {
        for (Row row : ROWS) {
            if (row.match() == Match.TYPE && internalName.startsWith(row.owner())
                    || row.match() == Match.HOST_TYPE && isHost(internalName)) {
                return Optional.of(row);
            }
        }
        return Optional.empty();
    }

    /** The row of a call that loads a class by name ({@code Class.forName}), if {@code owner.name} is one. */
    static Optional<Row> classByName(String owner, String name) {
        for (Row row : ROWS) {
            if (row.match() == Match.HOST_CLASS_NAME && row.owner().equals(owner) && row.member().equals(name)) {
                return Optional.of(row);
            }
        }
        return Optional.empty();
    }

    /** Whether the class (internal name) is one of the host's own. */
    static boolean isHost(String internalName) {
        return HOST.stream().anyMatch(internalName::startsWith);
    }

    private static Row call(Rule rule, String owner, String member) {
        return new Row(rule, Match.CALL, owner, member, null);
    }

    /** The constructors that open a file by its name. */
    private static Row fileNamed(String owner) {
        return new Row(FILES, Match.CALL, owner, "<init>", "(Ljava/lang/String;");
    }
}
