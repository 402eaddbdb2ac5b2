package dev.switchboard.host.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.switchboard.bpmn.engine.WorkflowEngine;
import dev.switchboard.bpmn.triggers.WorkflowStarter;
import dev.switchboard.bpmn.workflows.RunIncidents;
import dev.switchboard.bpmn.workflows.WorkflowVersions;
import dev.switchboard.bpmn.workflows.Workflows;
import dev.switchboard.core.db.DatabaseScope;
import org.flowable.engine.HistoryService;
import org.flowable.engine.ManagementService;
import org.flowable.engine.ProcessEngine;
import org.flowable.engine.RepositoryService;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.TaskService;

/** Rules of the platform's structure that keep tenants apart, checked on the compiled classes. */
@AnalyzeClasses(packages = "dev.switchboard", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /**
     * Flowable filters nothing by tenant: its services are reached through the tenant-applying
     * {@link Workflows} (and {@link WorkflowStarter}, which starts runs for a location's event;
     * {@link WorkflowVersions} and {@link RunIncidents}, whose every query names the location), never
     * from anywhere else.
     */
    @ArchTest
    static final ArchRule onlyTheTenantApplyingServicesReachTheEngine = noClasses()
            .that().doNotBelongToAnyOf(WorkflowEngine.class, Workflows.class, WorkflowStarter.class, WorkflowVersions.class,
                    RunIncidents.class)
            .should().accessClassesThat().belongToAnyOf(RuntimeService.class, RepositoryService.class,
                    HistoryService.class, ManagementService.class, TaskService.class, ProcessEngine.class)
            .orShould().callMethod(WorkflowEngine.class, "repository")
            .orShould().callMethod(WorkflowEngine.class, "runtime")
            .orShould().callMethod(WorkflowEngine.class, "history")
            .orShould().callMethod(WorkflowEngine.class, "management")
            .because("the engine's services see every location's workflows and runs");

    /** The API reaches the domain through its services, never the database or the engine directly. */
    @ArchTest
    static final ArchRule resourcesDoNotQueryTheDatabase = noClasses()
            .that().resideInAPackage("dev.switchboard.host..")
            .and().resideOutsideOfPackage("dev.switchboard.host.boot..")
            .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..")
            .because("tenant-scoped services own the SQL; resources only call them");

    /** Opening a system scope is for the platform's own background and sign-in work, not for requests. */
    @ArchTest
    static final ArchRule onlyNamedPlacesWorkAcrossTenants = noClasses()
            .that().resideInAnyPackage("dev.switchboard.host.contacts..", "dev.switchboard.host.plugins..",
                    "dev.switchboard.host.workflows..", "dev.switchboard.host.themes..", "dev.switchboard.core.crm..",
                    "dev.switchboard.bpmn.workflows..")
            .should().callMethod(DatabaseScope.class, "system", String.class)
            .because("a request works in its caller's agency and location; only operator views name a system scope");

    /**
     * {@code jakarta.json.Json} looks its provider up through the server's class loaders on every call;
     * platform code builds and reads JSON through {@link dev.switchboard.core.json.Json}, which looked it
     * up once. (Plugins and the test kit, outside the server, may use either.)
     */
    @ArchTest
    static final ArchRule jsonIsBuiltOnTheProviderLookedUpOnce = noClasses()
            .that().resideInAnyPackage("dev.switchboard.core..", "dev.switchboard.host..", "dev.switchboard.bpmn..")
            .should().accessClassesThat().haveFullyQualifiedName("jakarta.json.Json")
            .because("each call of jakarta.json.Json's factory methods scans the class path for the provider");
}
