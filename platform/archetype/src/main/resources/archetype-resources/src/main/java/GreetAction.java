package ${package};

#if( $packaging != "pf4j" )
import dev.switchboard.api.Extension;
#end
import dev.switchboard.api.PluginException;
import dev.switchboard.api.action.Action;
import dev.switchboard.api.action.ActionContext;
import dev.switchboard.api.action.WorkflowAction;
#if( $packaging == "pf4j" )
import org.pf4j.Extension;
#end

/**
 * {@code ${actionId}}: greets someone in the words of the location's settings. A service task runs it
 * with {@code sb:action="${actionId}"}. One instance serves every step of every location at once, so
 * it keeps nothing of a call in its fields; everything a call needs comes from its input and context.
 */
@Extension
@Action(id = "${actionId}", name = "Greet", description = "Greets someone by name.",
        input = GreetInput.class, output = Greeting.class, timeoutSeconds = 10)
public final class GreetAction implements WorkflowAction<GreetInput, Greeting> {

    @Override
    public Greeting execute(GreetInput input, ActionContext context) throws PluginException {
        GreetSettings settings = context.settings().as(GreetSettings.class);
        String text = settings.salutation() + ", " + input.name() + (input.excited() ? "!" : ".");
        context.log().info("greeted " + input.name());
        context.summarize(text);
        return new Greeting(text);
    }
}
