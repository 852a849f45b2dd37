import Form from '@rjsf/core';
import type { RegistryWidgetsType, RJSFSchema } from '@rjsf/utils';
import { customizeValidator } from '@rjsf/validator-ajv8';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import Ajv2020 from 'ajv/dist/2020';
import { useEffect, useMemo, useState } from 'react';
import { ApiError } from '../api/api-error';
import type { PackVersionDetail, ReportDetail } from '../api/api-types';
import { StatusLine } from '../app/status-line';
import { AreaUnitWidget } from './area-unit-widget';
import { diffToSet } from './json-pointer';
import { patchReportData } from './patch-report-data';
import { ReasonPrompt } from './reason-prompt';
import { groupSchema, groupsOf, uiSchemaFor } from './schema-ui-hints';
import { reportKey } from './use-report';

/** Pack schemas are JSON Schema 2020-12. */
const validator = customizeValidator({ AjvClass: Ajv2020 });
const widgets: RegistryWidgetsType = { areaUnit: AreaUnitWidget };

export interface FieldFocus {
  readonly pointer: string;
  readonly at: number;
}

/** rjsf's id of the input at a JSON pointer (`/partA_land/rate` → `root_partA_land_rate`). */
export function fieldId(pointer: string): string {
  return ['root', ...pointer.slice(1).split('/')].join('_');
}

/**
 * The pack's input as forms generated from its JSON Schema and UI hints, one per `x-group`,
 * validated as the operator types; saving sends only what changed.
 */
export function ReportForm({ report, pack, focus, canWrite }: { report: ReportDetail; pack: PackVersionDetail; focus?: FieldFocus; canWrite: boolean }) {
  const client = useQueryClient();
  const groups = useMemo(() => groupsOf(pack.schema), [pack.schema]);
  const reasonRequired = useMemo(() => new Set(pack.reasonRequired), [pack.reasonRequired]);
  const [groupId, setGroupId] = useState(groups[0]?.id ?? '');
  const group = groups.find((g) => g.id === groupId) ?? groups[0];
  const [draft, setDraft] = useState<Record<string, unknown>>(report.data);
  const [needReason, setNeedReason] = useState<string[] | null>(null);

  useEffect(() => setDraft(report.data), [report.data]);

  useEffect(() => {
    if (!focus) return;
    const top = focus.pointer.split('/')[1];
    const owner = groups.find((g) => top !== undefined && g.keys.includes(top));
    if (owner) setGroupId(owner.id);
    const timer = window.setTimeout(() => {
      const element = document.getElementById(fieldId(focus.pointer));
      element?.scrollIntoView({ block: 'center' });
      element?.focus();
    }, 50);
    return () => window.clearTimeout(timer);
  }, [focus, groups]);

  const schema = useMemo(() => (group ? (groupSchema(pack.schema, group) as RJSFSchema) : undefined), [pack.schema, group]);
  const uiSchema = useMemo(() => (schema ? uiSchemaFor(schema, reasonRequired) : {}), [schema, reasonRequired]);
  const groupData = useMemo(() => Object.fromEntries((group?.keys ?? []).map((key) => [key, draft[key]])), [group, draft]);
  // Edits in every section are kept while the operator moves between them, and saved together.
  const changes = useMemo(() => diffToSet(report.data, draft), [report.data, draft]);
  const dirty = Object.keys(changes).length > 0;

  const save = useMutation({
    mutationFn: (reason?: string) => patchReportData(report.id, changes, reason),
    onSuccess: (updated) => {
      setNeedReason(null);
      client.setQueryData(reportKey(report.id), updated);
      void client.invalidateQueries({ queryKey: ['audit', report.id] });
    },
    onError: (error) => {
      if (error instanceof ApiError && error.code === 'REASON_REQUIRED') {
        setNeedReason(((error.details?.fields ?? []) as string[]).map(String));
      }
    },
  });

  if (!group || !schema) return <p className="muted">This pack has no input fields.</p>;

  return (
    <div className="report-form">
      <nav className="group-tabs" aria-label="Form sections">
        {groups.map((g) => (
          <button key={g.id} type="button" aria-current={g.id === group.id ? 'true' : undefined} className={g.id === group.id ? 'active' : ''} onClick={() => setGroupId(g.id)}>
            {g.title}
          </button>
        ))}
      </nav>
      <Form
        key={group.id}
        schema={schema}
        uiSchema={{ ...uiSchema, 'ui:submitButtonOptions': { norender: true } }}
        formData={groupData}
        validator={validator}
        widgets={widgets}
        liveValidate="onChange"
        showErrorList={false}
        noHtml5Validate
        disabled={!canWrite}
        onChange={(event) => setDraft((current) => ({ ...current, ...(event.formData as Record<string, unknown>) }))}
      />
      {canWrite ? (
        <div className="actions sticky-actions">
          <button type="button" className="primary" disabled={!dirty || save.isPending} onClick={() => save.mutate(undefined)}>
            {save.isPending ? 'Saving…' : dirty ? `Save ${Object.keys(changes).length} change(s)` : 'Saved'}
          </button>
          <button type="button" disabled={!dirty || save.isPending} onClick={() => setDraft(report.data)}>
            Undo changes
          </button>
          <StatusLine pending={save.isPending} error={save.error instanceof ApiError && save.error.code === 'REASON_REQUIRED' ? undefined : save.error} label="Saving…" />
        </div>
      ) : null}
      {needReason ? <ReasonPrompt fields={needReason} pending={save.isPending} onSubmit={(reason) => save.mutate(reason)} onCancel={() => setNeedReason(null)} /> : null}
    </div>
  );
}
