import { useMemo } from 'react';
import type { PackVersionDetail } from '../api/api-types';
import { flattenSchema } from './schema-diff';

/** A version's input schema, formulas, rules and fixture cases. */
export function PackVersionView({ detail }: { detail: PackVersionDetail }) {
  const fields = useMemo(() => flattenSchema(detail.schema), [detail.schema]);
  const fixtures = Object.keys(detail.manifest.files ?? {})
    .filter((file) => file.startsWith('fixtures/') && file.endsWith('.input.json'))
    .map((file) => file.slice('fixtures/'.length, -'.input.json'.length));
  return (
    <div className="pack-version">
      <h3>
        {detail.key}@{detail.version} <span className={`badge pack-${detail.status}`}>{detail.status}</span>
      </h3>
      <p className="muted small">
        {detail.title} · {detail.family} · {detail.scope} · digest <code>{detail.digest.slice(0, 16)}…</code>
      </p>
      <details open>
        <summary>Formulas ({detail.description.formulas.length})</summary>
        <ul>
          {detail.description.formulas.map((formula) => (
            <li key={formula.name}>
              <code>{formula.name}</code> — {formula.description} {formula.unit ? <span className="muted">({formula.unit})</span> : null}
            </li>
          ))}
        </ul>
      </details>
      <details>
        <summary>Rules ({detail.description.rules.length})</summary>
        <ul>
          {detail.description.rules.map((rule) => (
            <li key={rule.code}>
              <code>{rule.code}</code> — {rule.description}
            </li>
          ))}
        </ul>
      </details>
      <details>
        <summary>Fixtures ({fixtures.length})</summary>
        <ul>
          {fixtures.map((name) => (
            <li key={name}>
              <code>{name}</code> <span className="muted small">(input and expected values, run through the sandbox on upload)</span>
            </li>
          ))}
        </ul>
      </details>
      <details>
        <summary>Schema ({fields.length} fields, {detail.reasonRequired.length} need a reason)</summary>
        <table className="table small">
          <thead>
            <tr>
              <th scope="col">Field</th>
              <th scope="col">Definition</th>
            </tr>
          </thead>
          <tbody>
            {fields.map((field) => (
              <tr key={field.pointer}>
                <td>
                  <code>{field.pointer}</code>
                </td>
                <td>{field.summary}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </div>
  );
}
