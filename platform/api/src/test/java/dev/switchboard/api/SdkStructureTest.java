package dev.switchboard.api;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.osgi.annotation.versioning.ConsumerType;
import org.osgi.annotation.versioning.ProviderType;

/** The SDK's shape, which plugin authors rely on: no package cycles, nothing of OSGi or the host. */
class SdkStructureTest {

    private static final JavaClasses SDK = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.switchboard.api");

    @Test
    void packagesFormNoCycles() {
        slices().matching("dev.switchboard.(api).(**)").should().beFreeOfCycles().check(SDK);
        slices().matching("dev.switchboard.api.(*)..").should().beFreeOfCycles().check(SDK);
    }

    @Test
    void pluginAuthorsMeetNoOsgiAndNoHostType() {
        noClasses().that().resideOutsideOfPackage("dev.switchboard.api.processing..")
                .should().dependOnClassesThat().resideInAnyPackage("org.osgi.framework..", "org.pf4j..",
                        "dev.switchboard.core..", "dev.switchboard.host..", "dev.switchboard.bpmn..")
                .check(SDK);
    }

    @Test
    void everyInterfaceSaysWhoImplementsIt() {
        classes().that().areInterfaces().and().areNotAnnotations().and().doNotHaveSimpleName("package-info")
                .and().resideOutsideOfPackage("dev.switchboard.api.processing..")
                .should().beAnnotatedWith(ProviderType.class).orShould().beAnnotatedWith(ConsumerType.class)
                .check(SDK);
    }
}
