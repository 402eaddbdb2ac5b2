package dev.switchboard.testkit;

import dev.switchboard.api.PluginException;
import dev.switchboard.api.action.Action;
import dev.switchboard.api.action.ActionContext;
import dev.switchboard.api.action.WorkflowAction;
import dev.switchboard.api.host.Contact;
import dev.switchboard.api.host.Contacts;
import dev.switchboard.api.host.Conversations;
import dev.switchboard.api.host.Http;
import dev.switchboard.api.host.PluginDatabase;
import dev.switchboard.api.host.StepLog;
import dev.switchboard.api.settings.PluginSettings;
import dev.switchboard.api.settings.SettingsType;
import dev.switchboard.core.plugins.schema.RecordValues;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An in-memory host for testing a plugin's {@link WorkflowAction} without a platform: inputs are
 * converted and validated against the action's input record as the platform does, settings are bound
 * to the settings record, and what the action reports (summary, vendor reference, log lines) can be
 * read back.
 *
 * <pre>{@code
 * TestActionContext context = TestActionContext.of(Map.of("subject", "Hi", "body", "Hello"))
 *         .withContact(new TestContact("c-1", "Ada", null, "ada@example.com"))
 *         .withSettings(Map.of("host", "127.0.0.1", "port", "3025", "from", "hello@agency.test"));
 * EmailSent sent = context.run(new SendEmailAction());
 * assertThat(context.summary()).isEqualTo("sent to ada@example.com");
 * }</pre>
 *
 * <p>It is also a location's host services for other extensions: {@link TestWebhookContext} hands
 * one to a webhook handler for each location it knows. Events, documents, usage records and
 * opportunities (in the pipelines declared with {@link #withPipeline}) are kept in memory and can be
 * read back ({@link #events()}, {@link #documents()}, {@link #metering()}, {@link #opportunities()}).
 */
public final class TestActionContext implements ActionContext {

    private final String locationId;
    private final String executionId;
    private final Map<String, String> inputs;
    private final Optional<Contact> contact;
    private final Map<String, String> settingValues;
    private final String pluginVersion;
    private final List<String> log;
    private final List<String> messages = new ArrayList<>();
    private final Map<String, Contact> contacts;
    private final InMemoryEvents events;
    private final InMemoryDocuments documents;
    private final InMemoryMetering metering;
    private final InMemoryOpportunities opportunities;
    private String summary;
    private String vendorReference;

    private TestActionContext(String locationId, String executionId, Map<String, String> inputs,
                              Optional<Contact> contact, Map<String, String> settingValues, String pluginVersion,
                              Map<String, Contact> contacts, InMemoryEvents events, InMemoryDocuments documents,
                              InMemoryMetering metering, InMemoryOpportunities opportunities, List<String> log) {
        this.locationId = locationId;
        this.executionId = executionId;
        this.inputs = Map.copyOf(inputs);
        this.contact = contact;
        this.settingValues = Map.copyOf(settingValues);
        this.pluginVersion = pluginVersion;
        this.contacts = contacts;
        this.events = events;
        this.documents = documents;
        this.metering = metering;
        this.opportunities = opportunities;
        this.log = log;
        contact.ifPresent(c -> contacts.put(c.id(), c));
    }

    /** A context with these inputs, no contact and no settings, in location {@code test-location}. */
    public static TestActionContext of(Map<String, String> inputs) {
        Map<String, Contact> contacts = java.util.Collections.synchronizedMap(new LinkedHashMap<>());
        return new TestActionContext("test-location", "test-run:test-step", inputs, Optional.empty(), Map.of(),
                "1.0.0", contacts, new InMemoryEvents(List.of()), new InMemoryDocuments(), new InMemoryMetering(),
                new InMemoryOpportunities(contacts), java.util.Collections.synchronizedList(new ArrayList<>()));
    }

    public TestActionContext withContact(Contact newContact) {
        return copy(locationId, executionId, Optional.of(newContact), settingValues, pluginVersion, events);
    }

    /** More contacts of the location, which {@link #contacts()} finds (the run's contact stays as it is). */
    public TestActionContext withContacts(Contact... more) {
        for (Contact other : more) {
            contacts.put(other.id(), other);
        }
        return this;
    }

    /**
     * A pipeline of the location, with its stages' ids in board order: what {@link #opportunities()}
     * accepts as an opportunity's pipeline and stages.
     */
    public TestActionContext withPipeline(String pipelineId, String... stageIds) {
        opportunities.addPipeline(pipelineId, List.of(stageIds));
        return this;
    }

    public TestActionContext withSettings(Map<String, String> settings) {
        return copy(locationId, executionId, contact, settings, pluginVersion, events);
    }

    public TestActionContext withExecutionId(String id) {
        return copy(locationId, id, contact, settingValues, pluginVersion, events);
    }

    public TestActionContext withPluginVersion(String version) {
        return copy(locationId, executionId, contact, settingValues, version, events);
    }

    public TestActionContext withLocationId(String id) {
        return copy(id, executionId, contact, settingValues, pluginVersion, events);
    }

    /**
     * The event types the plugin declares: its {@code TriggerType} classes with {@code @Trigger}. Only
     * those can be emitted, as on the platform.
     */
    public TestActionContext withTriggers(Class<?>... triggerTypes) {
        return copy(locationId, executionId, contact, settingValues, pluginVersion,
                new InMemoryEvents(List.of(triggerTypes)));
    }

    /** The copies share contacts, documents, usage and log lines; only what is named changes. */
    private TestActionContext copy(String location, String execution, Optional<Contact> runContact,
                                   Map<String, String> settings, String version, InMemoryEvents newEvents) {
        return new TestActionContext(location, execution, inputs, runContact, settings, version, contacts, newEvents,
                documents, metering, opportunities, log);
    }

    /**
     * Runs the action as the platform would: the inputs bound to its {@code @Action} input record
     * (refused with the platform's message when they do not fit), then {@code execute}.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <O extends Record> O run(WorkflowAction<?, O> action) throws PluginException {
        Action declared = action.getClass().getAnnotation(Action.class);
        if (declared == null) {
            throw new IllegalArgumentException(action.getClass().getName() + " has no @Action");
        }
        Record input;
        try {
            input = RecordValues.bind(declared.input(), inputs);
        } catch (RecordValues.InvalidValues e) {
            throw new PluginException("the task's inputs do not fit " + declared.id() + ": " + e.getMessage());
        }
        return (O) ((WorkflowAction) action).execute(input, this);
    }

    /** What the action said it did, via {@link #summarize}. */
    public String summary() {
        return summary;
    }

    /** The vendor id the action reported. */
    public String vendorReferenceReported() {
        return vendorReference;
    }

    /** The lines the action logged, {@code INFO …} or {@code WARN …}. */
    public List<String> logLines() {
        synchronized (log) {
            return List.copyOf(log);
        }
    }

    @Override
    public String locationId() {
        return locationId;
    }

    @Override
    public String executionId() {
        return executionId;
    }

    @Override
    public String idempotencyKey() {
        return executionId;
    }

    @Override
    public Map<String, String> inputs() {
        return inputs;
    }

    @Override
    public Optional<Contact> contact() {
        return contact;
    }

    @Override
    public void summarize(String text) {
        summary = text;
    }

    @Override
    public void vendorReference(String id) {
        vendorReference = id;
    }

    @Override
    public String pluginVersion() {
        return pluginVersion;
    }

    @Override
    public PluginSettings settings() {
        return new PluginSettings() {
            @Override
            public Optional<String> get(String field) {
                return Optional.ofNullable(settingValues.get(field));
            }

            @Override
            public <T extends SettingsType> T as(Class<T> type) throws PluginException {
                return RecordValues.settings(type, settingValues);
            }
        };
    }

    @Override
    public Contacts contacts() {
        return new InMemoryContacts(contacts);
    }

    /** The opportunities, which can be read back: {@code context.opportunities().all()}. */
    @Override
    public InMemoryOpportunities opportunities() {
        return opportunities;
    }

    /** Messages the action appended to conversations, as {@code INBOUND|OUTBOUND channel contactId: body}. */
    public List<String> appendedMessages() {
        return List.copyOf(messages);
    }

    @Override
    public Conversations conversations() {
        return new Conversations() {
            @Override
            public String appendInbound(String contactId, String channel, String body, String vendorId) {
                messages.add("INBOUND " + channel + " " + contactId + ": " + body);
                return "message-" + messages.size();
            }

            @Override
            public String appendOutbound(String contactId, String channel, String body, String vendorId) {
                messages.add("OUTBOUND " + channel + " " + contactId + ": " + body);
                return "message-" + messages.size();
            }
        };
    }

    /** The in-memory host has no database: test a plugin's SQL against a running platform. */
    @Override
    public PluginDatabase database() {
        return new PluginDatabase() {
            @Override
            public List<Map<String, Object>> query(String sql, Object... parameters) throws PluginException {
                throw new PluginException("the in-memory test host has no database; test against a platform");
            }

            @Override
            public int update(String sql, Object... parameters) throws PluginException {
                throw new PluginException("the in-memory test host has no database; test against a platform");
            }
        };
    }

    @Override
    public StepLog log() {
        return new StepLog() {
            @Override
            public void info(String message) {
                log.add("INFO " + message);
            }

            @Override
            public void warn(String message) {
                log.add("WARN " + message);
            }
        };
    }

    @Override
    public Http http() {
        HttpClient client = HttpClient.newHttpClient();
        return request -> {
            try {
                HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                log.add("INFO " + request.method() + " " + request.uri().getHost() + " answered " + response.statusCode());
                return response;
            } catch (IOException e) {
                throw new PluginException(request.uri().getHost() + " failed: " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new PluginException("interrupted");
            }
        };
    }

    @Override
    public Clock clock() {
        return Clock.systemUTC();
    }

    /** The events emitted so far can be read from it: {@code context.events().emitted()}. */
    @Override
    public InMemoryEvents events() {
        return events;
    }

    @Override
    public InMemoryDocuments documents() {
        return documents;
    }

    /** The usage recorded so far can be read from it: {@code context.metering().total("lookups")}. */
    @Override
    public InMemoryMetering metering() {
        return metering;
    }

    /** Contacts kept in a map: enough for a plugin's unit tests. */
    private record InMemoryContacts(Map<String, Contact> byId) implements Contacts {

        @Override
        public Optional<Contact> get(String contactId) {
            return Optional.ofNullable(byId.get(contactId));
        }

        @Override
        public List<Contact> search(String query, int limit) {
            return byId.values().stream().filter(c -> String.valueOf(c.name()).contains(query)
                    || String.valueOf(c.email()).contains(query)).limit(limit).toList();
        }

        @Override
        public Optional<Contact> findByEmail(String email) {
            return byId.values().stream().filter(c -> email.equalsIgnoreCase(c.email())).findFirst();
        }

        @Override
        public Optional<Contact> findByPhone(String phone) {
            return byId.values().stream().filter(c -> phone.equals(c.phone())).findFirst();
        }

        @Override
        public Contact update(String contactId, Map<String, String> fields) throws PluginException {
            throw new PluginException("the in-memory test host does not change contacts; test against a platform");
        }

        @Override
        public Contact create(Map<String, String> fields) throws PluginException {
            throw new PluginException("the in-memory test host does not create contacts; test against a platform");
        }

        @Override
        public Contact addTags(String contactId, Set<String> tags) throws PluginException {
            throw new PluginException("the in-memory test host does not change contacts; test against a platform");
        }

        @Override
        public Contact removeTags(String contactId, Set<String> tags) throws PluginException {
            throw new PluginException("the in-memory test host does not change contacts; test against a platform");
        }
    }
}
