package dev.switchboard.bpmn.actions.builtin;

import dev.switchboard.core.crm.pipelines.Pipeline;
import dev.switchboard.core.crm.pipelines.PipelineStage;
import dev.switchboard.core.crm.pipelines.Pipelines;
import dev.switchboard.core.plugins.actions.ActionFailure;
import dev.switchboard.core.tenancy.LocationId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/**
 * Pipelines and stages as a workflow names them: by id, or by name (case ignored), so that a template
 * can say "Sales" and "Won" and still work in every location that has them.
 */
@ApplicationScoped
class PipelineNames {

    @Inject
    Pipelines pipelines;

    Pipeline pipeline(LocationId locationId, String idOrName) {
        List<Pipeline> all = pipelines.list(locationId);
        return Named.find(all, idOrName, Pipeline::id, Pipeline::name)
                .orElseThrow(() -> new ActionFailure("the location has no pipeline '" + idOrName.trim() + "'"
                        + (all.isEmpty() ? "" : "; it has " + all.stream().map(Pipeline::name).toList())));
    }

    static PipelineStage stage(Pipeline pipeline, String idOrName) {
        return Named.find(pipeline.stages(), idOrName, PipelineStage::id, PipelineStage::name)
                .orElseThrow(() -> new ActionFailure("pipeline '" + pipeline.name() + "' has no stage '" + idOrName.trim()
                        + "'; its stages are " + pipeline.stages().stream().map(PipelineStage::name).toList()));
    }
}
