package dev.switchboard.bpmn.actions.builtin;

import dev.switchboard.core.crm.pipelines.Pipeline;
import dev.switchboard.core.crm.pipelines.PipelineStage;
import dev.switchboard.core.crm.pipelines.Pipelines;
import dev.switchboard.core.plugins.actions.ActionFailure;
import dev.switchboard.core.tenancy.LocationId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Locale;

/**
 * Pipelines and stages as a workflow names them: by id, or by name (case ignored), so that a template
 * can say "Sales" and "Won" and still work in every location that has them.
 */
@ApplicationScoped
class PipelineNames {

    @Inject
    Pipelines pipelines;

    Pipeline pipeline(LocationId locationId, String idOrName) {
        String wanted = idOrName.trim();
        List<Pipeline> all = pipelines.list(locationId);
        return all.stream().filter(pipeline -> pipeline.id().toString().equalsIgnoreCase(wanted)).findFirst()
                .or(() -> all.stream().filter(pipeline -> same(pipeline.name(), wanted)).findFirst())
                .orElseThrow(() -> new ActionFailure("the location has no pipeline '" + wanted + "'"
                        + (all.isEmpty() ? "" : "; it has " + all.stream().map(Pipeline::name).toList())));
    }

    static PipelineStage stage(Pipeline pipeline, String idOrName) {
        String wanted = idOrName.trim();
        return pipeline.stages().stream().filter(stage -> stage.id().toString().equalsIgnoreCase(wanted)).findFirst()
                .or(() -> pipeline.stages().stream().filter(stage -> same(stage.name(), wanted)).findFirst())
                .orElseThrow(() -> new ActionFailure("pipeline '" + pipeline.name() + "' has no stage '" + wanted
                        + "'; its stages are " + pipeline.stages().stream().map(PipelineStage::name).toList()));
    }

    private static boolean same(String name, String wanted) {
        return name.strip().toLowerCase(Locale.ROOT).equals(wanted.toLowerCase(Locale.ROOT));
    }
}
