import { useEffect, useState } from 'react';
import { ApiError } from '../../api/client';
import { crmApi } from '../../api/crm';
import type { Pipeline } from '../../api/types';
import { errorTextClass, message } from '../ui';
import { NewPipelineForm } from './NewPipelineForm';
import { PipelineEditor } from './PipelineEditor';

export interface PipelinesViewProps {
  locationId: string;
  /** `location.settings`: create, change and delete pipelines and stages. */
  canEdit: boolean;
}

/** The location's pipelines, oldest first, each with its stages; New pipeline. */
export function PipelinesView({ locationId, canEdit }: PipelinesViewProps) {
  const [pipelines, setPipelines] = useState<Pipeline[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    crmApi
      .listPipelines(locationId)
      .then((list) => cancelled || setPipelines(list))
      .catch((e: unknown) => {
        if (!cancelled && !(e instanceof ApiError && e.status === 401)) setError(`Could not load the pipelines: ${message(e)}`);
      });
    return () => {
      cancelled = true;
    };
  }, [locationId]);

  return (
    <div className="max-w-3xl space-y-4">
      {error && (
        <p role="alert" className={errorTextClass}>
          {error}
        </p>
      )}
      {notice && (
        <p role="status" className="text-sm">
          {notice}
        </p>
      )}
      {pipelines === null && !error && <p className="text-sm text-muted">Loading…</p>}
      {pipelines?.length === 0 && <p className="text-sm text-muted">No pipelines yet.</p>}
      {pipelines?.map((pipeline) => (
        <PipelineEditor
          key={pipeline.id}
          locationId={locationId}
          pipeline={pipeline}
          canEdit={canEdit}
          onChanged={(changed) => setPipelines((list) => list?.map((p) => (p.id === changed.id ? changed : p)) ?? null)}
          onDeleted={(deleted) => {
            setNotice(`Deleted the pipeline ${deleted.name}.`);
            setPipelines((list) => list?.filter((p) => p.id !== deleted.id) ?? null);
          }}
        />
      ))}
      {canEdit && (
        <NewPipelineForm
          locationId={locationId}
          onCreated={(created) => {
            setNotice(`Created the pipeline ${created.name}.`);
            setPipelines((list) => [...(list ?? []), created]);
          }}
        />
      )}
    </div>
  );
}
