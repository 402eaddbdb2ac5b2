package ${package};

#if( $packaging != "pf4j" )
import dev.switchboard.api.Extension;
#end
import dev.switchboard.api.schema.Field;
import dev.switchboard.api.settings.Settings;
import dev.switchboard.api.settings.SettingsType;
#if( $packaging == "pf4j" )
import org.pf4j.Extension;
#end

/**
 * This plugin's settings, kept per location: the platform derives the settings form's JSON Schema
 * from this record, validates what is saved against it (secret components are stored encrypted), and
 * hands the values to the action as this record, defaults applied.
 */
@Extension
@Settings(name = "Greeting", description = "How this location's greetings read.")
public record GreetSettings(
        @Field(title = "Salutation", description = "The word a greeting starts with", defaultValue = "Hello",
                maxLength = 40) String salutation) implements SettingsType {
}
