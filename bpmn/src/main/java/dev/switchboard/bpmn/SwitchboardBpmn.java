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
    /** Attribute of a process: may a contact enter it again ({@code always}, {@code once}, {@code P30D}). */
    public static final String REENTRY = "reentry";
    /** Child of a trigger: {@code <sb:match field="tag" value="lead"/>}. */
    public static final String MATCH = "match";

    private SwitchboardBpmn() {
    }
}
