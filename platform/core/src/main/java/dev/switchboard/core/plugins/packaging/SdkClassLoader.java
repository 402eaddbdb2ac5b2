package dev.switchboard.core.plugins.packaging;

import java.io.IOException;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

/**
 * The parent of every PF4J plugin's class loader: it shows a plugin the JDK, the SDK and PF4J, and
 * nothing else of the host, as the OSGi framework shows a bundle only the packages the host exports.
 * A plugin cannot link against the platform's internals or its libraries.
 */
final class SdkClassLoader extends ClassLoader {

    private static final List<String> SHARED = List.of("dev.switchboard.api.", "org.pf4j.", "org.slf4j.");

    private final ClassLoader host;

    SdkClassLoader(ClassLoader host) {
        super("switchboard-sdk", ClassLoader.getPlatformClassLoader());
        this.host = host;
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        if (shared(name) && !name.startsWith("dev.switchboard.api.processing.")) {
            return host.loadClass(name);
        }
        throw new ClassNotFoundException(name + " is not part of the SDK a plugin may use");
    }

    @Override
    protected URL findResource(String name) {
        return shared(name.replace('/', '.')) ? host.getResource(name) : null;
    }

    @Override
    protected Enumeration<URL> findResources(String name) throws IOException {
        return shared(name.replace('/', '.')) ? host.getResources(name) : Collections.emptyEnumeration();
    }

    private static boolean shared(String name) {
        return SHARED.stream().anyMatch(name::startsWith);
    }
}
