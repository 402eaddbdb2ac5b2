package dev.switchboard.host.openapi;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;

/**
 * Completes the OpenAPI document at build time (smallrye-open-api-maven-plugin runs it; the server
 * serves its output as it is):
 * <ul>
 *   <li>the problems every operation may answer, as {@code application/problem+json} {@code Problem}s:
 *   400 when it takes a body or query parameters, 401 and 403 unless it is public, 404 when its path
 *   names something, 415 when it takes a body, 500 always. An operation declares its other problems
 *   itself (409, 413, 429);</li>
 *   <li>which members of each schema are always there. JSON-B leaves out members that are null, so a
 *   member is required unless {@link #MAY_BE_ABSENT} names it. A schema missing from that table fails
 *   the build: a new record must say what it always sends.</li>
 *   <li>the document's default security (the bearer token) on each operation that does not say
 *   otherwise, and none on the public ones ({@code @SecurityRequirements} without any). Payara drops an
 *   empty {@code security} list when it reads the document, so a public operation would inherit the
 *   default in the document it serves.</li>
 * </ul>
 */
public class ApiDocumentFilter implements OASFilter {

    private static final String PROBLEM_JSON = "application/problem+json";
    private static final String PROBLEM_SCHEMA = "#/components/schemas/Problem";

    /**
     * Per schema, the members that may be absent: null in an answer (left out), or optional in a request.
     * Enums are not listed.
     */
    static final Map<String, Set<String>> MAY_BE_ABSENT = Map.ofEntries(
            // answers
            Map.entry("Agency", Set.of()),
            Map.entry("AgencyUser", Set.of("agencyRole")),
            Map.entry("Company", Set.of("domain", "phone", "email", "website", "address1", "city", "state", "postalCode",
                    "country")),
            Map.entry("CompanyPage", Set.of("nextCursor")),
            Map.entry("Contact", Set.of("firstName", "lastName", "name", "email", "phone", "companyName", "companyId",
                    "address1", "city", "state", "postalCode", "country", "timezone", "website", "dateOfBirth", "source",
                    "assignedTo", "deletedAt")),
            Map.entry("ContactMerge", Set.of()),
            Map.entry("ContactPage", Set.of("nextCursor")),
            Map.entry("CrmSettings", Set.of()),
            Map.entry("CustomField", Set.of("placeholder", "group")),
            Map.entry("CustomValue", Set.of()),
            Map.entry("DndSettings", Set.of()),
            Map.entry("ExtensionInfo", Set.of()),
            Map.entry("FieldError", Set.of("pointer", "parameter", "element")),
            Map.entry("Importer", Set.of()),
            Map.entry("ImportFile", Set.of("delimiter", "createdBy")),
            Map.entry("ImportFileColumn", Set.of("suggested")),
            Map.entry("ImportRequest", Set.of("importer", "source", "file", "mapping", "tags", "duplicates")),
            Map.entry("Invitation", Set.of("agencyRole", "token", "acceptPath")),
            Map.entry("Job", Set.of("result", "error", "node", "heartbeatAt", "createdBy", "startedAt", "finishedAt")),
            Map.entry("JobPage", Set.of("nextCursor")),
            Map.entry("JobProgress", Set.of("total", "ratePerSecond", "secondsLeft")),
            Map.entry("ChannelInfo", Set.of()),
            Map.entry("Location", Set.of()),
            Map.entry("LocationPlugin", Set.of()),
            Map.entry("Me", Set.of("themeId")),
            Map.entry("Message", Set.of("subject", "error", "vendorId", "pluginId", "sentBy")),
            Map.entry("MessagePage", Set.of("nextCursor")),
            Map.entry("Note", Set.of("userId")),
            Map.entry("NewMessage", Set.of("subject")),
            Map.entry("NotePage", Set.of("nextCursor")),
            Map.entry("Permissions", Set.of()),
            Map.entry("PluginInfo", Set.of("error", "previousVersion", "trust")),
            Map.entry("TrustedPlugin", Set.of("trustedBy")),
            Map.entry("TrustVerdict", Set.of("signer", "fingerprint")),
            Map.entry("Finding", Set.of()),
            Map.entry("Problem", Set.of("detail", "instance")),
            Map.entry("ProblemTypeDescription", Set.of()),
            Map.entry("Roles", Set.of("agency")),
            Map.entry("BulkActionRequest", Set.of("options", "segment", "filter", "contacts")),
            Map.entry("Segment", Set.of("description", "lastCount", "countedAt")),
            Map.entry("SegmentCount", Set.of()),
            Map.entry("SegmentPreview", Set.of()),
            Map.entry("Session", Set.of()),
            Map.entry("SettingsView", Set.of()),
            Map.entry("SigningKey", Set.of("addedBy")),
            Map.entry("Task", Set.of("body", "dueDate", "assignedTo", "completedAt", "createdBy")),
            Map.entry("TaskPage", Set.of("nextCursor")),
            Map.entry("ThemeView", Set.of("parent")),
            Map.entry("TimelineItem", Set.of("subjectType", "field", "before", "after", "actorType", "actorId", "title",
                    "body", "status", "refId")),
            Map.entry("TimelinePage", Set.of("nextCursor")),
            Map.entry("UserView", Set.of()),
            Map.entry("UsageReport", Set.of()),
            Map.entry("UsageLine", Set.of()),
            Map.entry("WorkflowRun", Set.of("contactId", "error", "endedAt", "incident")),
            Map.entry("Incident", Set.of("actionId", "error")),
            Map.entry("ManualStart", Set.of()),
            Map.entry("Draft", Set.of("savedBy", "problems")),
            Map.entry("Version", Set.of("name", "publishedBy")),
            Map.entry("MigrationReport", Set.of()),
            Map.entry("MigrationRequest", Set.of("toVersion", "dryRun")),
            Map.entry("Step", Set.of("name", "endedAt", "actionId", "pluginId", "pluginVersion", "status",
                    "summary", "error", "vendorId", "idempotencyKey")),
            Map.entry("TakenFlow", Set.of("name", "condition")),
            Map.entry("WorkflowSummary", Set.of("trigger")),
            Map.entry("WorkflowTrigger", Set.of("condition")),
            Map.entry("EventTypeInfo", Set.of()),
            Map.entry("Notification", Set.of("contactId", "runId", "readAt")),
            Map.entry("NotificationList", Set.of()),
            Map.entry("NotificationsRead", Set.of()),
            Map.entry("Pipeline", Set.of()),
            Map.entry("PipelineStage", Set.of()),
            Map.entry("PipelineBoard", Set.of()),
            Map.entry("BoardStage", Set.of("nextCursor")),
            Map.entry("CurrencyTotal", Set.of()),
            Map.entry("Opportunity", Set.of("monetaryValue", "assignedTo", "source", "lostReason")),
            Map.entry("OpportunityPage", Set.of("nextCursor")),
            Map.entry("OpportunityStageChange", Set.of("fromStageId", "fromStageName", "toStageName")),
            Map.entry("StageHistoryPage", Set.of("nextCursor")),
            // requests: what the server refuses without
            Map.entry("Acceptance", Set.of()),
            Map.entry("Credentials", Set.of()),
            Map.entry("NewAgency", Set.of()),
            Map.entry("MergeRequest", Set.of()),
            Map.entry("NewInvitation", Set.of("agencyRole", "locationRoles")),
            Map.entry("NewLocation", Set.of()),
            Map.entry("NewOwner", Set.of()),
            Map.entry("NewUser", Set.of("agencyRole", "locationRoles")),
            Map.entry("RoleChange", Set.of("agencyRole", "locationRoles")),
            Map.entry("TagRequest", Set.of()),
            Map.entry("ThemeChoice", Set.of()),
            Map.entry("ThemePreference", Set.of("themeId")),
            Map.entry("NewPipeline", Set.of()),
            Map.entry("NewPipelineStage", Set.of()),
            Map.entry("NewStage", Set.of("position")),
            Map.entry("PipelineRename", Set.of()),
            Map.entry("StageOrder", Set.of()));

    private static final Map<String, String> PROBLEMS = Map.of(
            "400", "Invalid request: errors[] names each field",
            "401", "No token, or an unknown or expired one",
            "403", "The caller's roles do not grant the operation's permission",
            "404", "Not found: a malformed id, or something of another agency or location",
            "415", "The body is not of a type the operation reads",
            "500", "Internal error, with an incident id to quote");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() != null && openAPI.getComponents().getSchemas() != null) {
            openAPI.getComponents().getSchemas().forEach(ApiDocumentFilter::markRequired);
        }
        if (openAPI.getPaths() == null) {
            return;
        }
        List<SecurityRequirement> byDefault = openAPI.getSecurity();
        openAPI.getPaths().getPathItems().forEach((path, item) -> item.getOperations().forEach((method, operation) -> {
            if (operation.getSecurity() == null) {
                operation.setSecurity(byDefault == null ? null : new ArrayList<>(byDefault));
            } else if (operation.getSecurity().isEmpty()) {
                operation.setSecurity(null);
            }
            addProblems(path, item, operation);
        }));
        openAPI.setSecurity(null);
    }

    private static void markRequired(String name, Schema schema) {
        if (schema.getProperties() == null || schema.getProperties().isEmpty()) {
            return;
        }
        Set<String> mayBeAbsent = MAY_BE_ABSENT.get(name);
        if (mayBeAbsent == null) {
            throw new IllegalStateException("schema " + name + " is not in ApiDocumentFilter.MAY_BE_ABSENT: "
                    + "say which of its members " + schema.getProperties().keySet() + " may be absent");
        }
        List<String> required = new ArrayList<>(schema.getProperties().keySet());
        required.removeAll(mayBeAbsent);
        schema.setRequired(required.isEmpty() ? null : required);
    }

    private static void addProblems(String path, PathItem item, Operation operation) {
        boolean secured = operation.getSecurity() != null && !operation.getSecurity().isEmpty();
        List<Parameter> parameters = new ArrayList<>();
        if (item.getParameters() != null) {
            parameters.addAll(item.getParameters());
        }
        if (operation.getParameters() != null) {
            parameters.addAll(operation.getParameters());
        }
        boolean body = operation.getRequestBody() != null;
        boolean query = parameters.stream().anyMatch(p -> p.getIn() == Parameter.In.QUERY);
        Map<String, Boolean> applies = new TreeMap<>(Map.of(
                "400", body || query,
                "401", secured,
                "403", secured,
                "404", path.contains("{"),
                "415", body,
                "500", true));
        APIResponses responses = operation.getResponses() == null ? OASFactory.createAPIResponses() : operation.getResponses();
        applies.forEach((status, yes) -> {
            if (yes && !responses.hasAPIResponse(status)) {
                responses.addAPIResponse(status, problem(PROBLEMS.get(status)));
            }
        });
        operation.setResponses(responses);
    }

    /** A problem answer with this description. */
    static org.eclipse.microprofile.openapi.models.responses.APIResponse problem(String description) {
        return OASFactory.createAPIResponse().description(description)
                .content(OASFactory.createContent().addMediaType(PROBLEM_JSON,
                        OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM_SCHEMA))));
    }
}
