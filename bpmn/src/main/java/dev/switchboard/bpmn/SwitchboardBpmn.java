package dev.switchboard.bpmn;

/** Names of Switchboard's BPMN extension: {@code xmlns:sb="https://switchboard.dev/schema/bpmn"}. */
public final class SwitchboardBpmn {

    public static final String NAMESPACE = "https://switchboard.dev/schema/bpmn";

    /** Attribute of a service task naming the plugin action it runs. */
    public static final String ACTION = "action";
    /** Extension element of a service task: {@code <sb:input name="subject">text</sb:input>}. */
    public static final String INPUT = "input";
    /** Extension element of a start event: {@code <sb:trigger event="contact.tag_added">}. */
    public static final String TRIGGER = "trigger";
    /** Extension element of a service task: {@code <sb:output name="crmId">response/data/id</sb:output>}. */
    public static final String OUTPUT = "output";
    /**
     * Extension element of a start event: a date of each contact starts the workflow for it, at a time
     * of day in the contact's time zone: {@code <sb:dateTrigger field="dateOfBirth" offsetDays="0"
     * time="09:00" yearly="true"/>}.
     */
    public static final String DATE_TRIGGER = "dateTrigger";
    /** Attribute of a process: may a contact enter it again ({@code always}, {@code once}, {@code P30D}). */
    public static final String REENTRY = "reentry";
    /** Child of a trigger: {@code <sb:match field="tag" value="lead"/>}. */
    public static final String MATCH = "match";
    /**
     * Child of a trigger, or extension element of a message catch event: a FEEL condition over the
     * event ({@code event}) and its contact ({@code contact}): {@code <sb:condition>= event.value > 1000</sb:condition>}.
     */
    public static final String CONDITION = "condition";

    private SwitchboardBpmn() {
    }
}
