package dev.switchboard.host.themes;

import dev.switchboard.core.themes.ThemeCatalog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/** Loads the themes packaged by {@code themes/} (the switchboard-themes jar) once. */
@ApplicationScoped
public class ThemeCatalogProducer {

    static final String ROOT = "switchboard-themes/";

    @Produces
    @Singleton
    ThemeCatalog catalog() {
        ClassLoader loader = ThemeCatalogProducer.class.getClassLoader();
        return ThemeCatalog.load(themeIds(loader), path -> loader.getResourceAsStream(ROOT + path));
    }

    private static Set<String> themeIds(ClassLoader loader) {
        URL anchor = loader.getResource(ROOT + "default/theme.json");
        if (anchor == null) {
            throw new IllegalStateException("the default theme is not on the class path");
        }
        Set<String> ids = new TreeSet<>();
        try {
            if ("jar".equals(anchor.getProtocol())) {
                JarURLConnection connection = (JarURLConnection) anchor.openConnection();
                connection.setUseCaches(false);
                try (JarFile jar = connection.getJarFile()) {
                    jar.stream().map(entry -> entry.getName())
                            .filter(name -> name.startsWith(ROOT) && name.endsWith("/theme.json"))
                            .forEach(name -> ids.add(name.substring(ROOT.length(), name.length() - "/theme.json".length())));
                }
            } else {
                Path root = Path.of(anchor.toURI()).getParent().getParent();
                try (Stream<Path> folders = Files.list(root)) {
                    folders.filter(folder -> Files.exists(folder.resolve("theme.json")))
                            .forEach(folder -> ids.add(folder.getFileName().toString()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list themes", e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        return ids;
    }
}
