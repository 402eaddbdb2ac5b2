package dev.switchboard.core.plugins.trust;

/**
 * One forbidden use the verifier found.
 *
 * @param rule which rule it breaks
 * @param location where: {@code com.acme.Sender.send}, prefixed by the nested jar it is in
 *                 ({@code lib/acme-client.jar!com.acme.Client.connect}); a class-level use (a
 *                 superclass, a field's type) names the class, or the class and the field
 * @param call what it uses: {@code java.lang.System.exit}, {@code java.io.FileInputStream.<init>},
 *             a type such as {@code sun.misc.Unsafe}, or
 *             {@code java.lang.Class.forName("dev.switchboard.core.…")}
 */
public record Finding(Rule rule, String location, String call) {

    /** The finding in one line, as problem details and logs show it. */
    public String describe() {
        return rule + " " + call + " in " + location;
    }
}
