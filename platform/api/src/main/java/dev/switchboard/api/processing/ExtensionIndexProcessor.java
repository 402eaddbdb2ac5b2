package dev.switchboard.api.processing;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.annotation.processing.SupportedAnnotationTypes;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * Writes {@value #INDEX}: the binary names of the classes marked {@code @Extension}, one per line.
 * It runs in the plugin's compiler (the SDK jar carries it); the host reads the file instead of
 * scanning the artifact.
 */
@SupportedAnnotationTypes(ExtensionIndexProcessor.EXTENSION)
public final class ExtensionIndexProcessor extends AbstractProcessor {

    /** Where the index is written, relative to the class output. */
    public static final String INDEX = "META-INF/switchboard/extensions.idx";
    static final String EXTENSION = "dev.switchboard.api.Extension";

    private final Set<String> classes = new TreeSet<>();

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        for (TypeElement annotation : annotations) {
            for (Element element : round.getElementsAnnotatedWith(annotation)) {
                accept(element);
            }
        }
        if (round.processingOver() && !classes.isEmpty()) {
            write();
        }
        return false;
    }

    private void accept(Element element) {
        if (element.getKind() != ElementKind.CLASS && element.getKind() != ElementKind.RECORD) {
            error(element, "@Extension belongs on a class or record");
            return;
        }
        if (!element.getModifiers().contains(Modifier.PUBLIC) || element.getModifiers().contains(Modifier.ABSTRACT)) {
            error(element, "an @Extension class must be public and not abstract");
            return;
        }
        if (element.getEnclosingElement().getKind() != ElementKind.PACKAGE
                && !element.getModifiers().contains(Modifier.STATIC)) {
            error(element, "an @Extension class nested in another must be static");
            return;
        }
        classes.add(processingEnv.getElementUtils().getBinaryName((TypeElement) element).toString());
    }

    private void write() {
        try {
            FileObject file = processingEnv.getFiler().createResource(StandardLocation.CLASS_OUTPUT, "", INDEX);
            try (Writer out = new java.io.OutputStreamWriter(file.openOutputStream(), StandardCharsets.UTF_8)) {
                for (String name : classes) {
                    out.write(name);
                    out.write('\n');
                }
            }
        } catch (IOException e) {
            processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR, "cannot write " + INDEX + ": " + e);
        }
    }

    private void error(Element element, String message) {
        processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR, message, element);
    }
}
