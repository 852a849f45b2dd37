import type { ReportDetail } from '../api/api-types';
import { formatValue } from './format-value';

/** Every computed value with its "why" (formula and the inputs it read), and the warnings. */
export function ValuesPanel({ report, onField }: { report: ReportDetail; onField: (pointer: string) => void }) {
  const trace = Object.values(report.trace ?? {});
  const fieldLink = (field: string) =>
    field.startsWith('/') ? (
      <button type="button" className="link" key={field} onClick={() => onField(field)}>
        {field}
      </button>
    ) : (
      <a key={field} href={`#value-${field.replace(/^values\//, '')}`} className="link">
        {field}
      </a>
    );

  return (
    <section aria-labelledby="values-title">
      <h2 id="values-title">Values and warnings</h2>
      {report.readiness.ready ? (
        <p className="badge ok">Ready to generate</p>
      ) : (
        <div className="card warn-card">
          <p>Not ready yet.</p>
          {report.readiness.missingFields.length > 0 ? (
            <p className="small">
              Missing: {report.readiness.missingFields.map((field) => fieldLink(field))}
            </p>
          ) : null}
          {report.readiness.errors.map((error, index) => (
            <p key={index} className="error small">
              {error.message ?? error.code}
            </p>
          ))}
        </div>
      )}
      <h3>Warnings ({report.warnings.length})</h3>
      <ul className="warnings">
        {report.warnings.map((warning, index) => (
          <li key={`${warning.code}-${index}`} className={`level-${warning.level}`}>
            <span className={`badge level-${warning.level}`}>{warning.level}</span> {warning.message} <code className="small">{warning.code}</code>
            {warning.fields && warning.fields.length > 0 ? <div className="small">Fields: {warning.fields.map((field) => fieldLink(field))}</div> : null}
          </li>
        ))}
        {report.warnings.length === 0 ? <li className="muted">No warnings.</li> : null}
      </ul>
      <h3>Computed values</h3>
      {trace.length === 0 ? <p className="muted">Nothing computed yet.</p> : null}
      <table className="table values">
        <thead>
          <tr>
            <th scope="col">Value</th>
            <th scope="col">Result</th>
            <th scope="col">Why</th>
          </tr>
        </thead>
        <tbody>
          {trace.map((entry) => (
            <tr key={entry.name} id={`value-${entry.name}`}>
              <td>
                <strong>{entry.description || entry.name}</strong>
                <div className="muted small">
                  <code>{entry.name}</code>
                </div>
              </td>
              <td className="number">
                {formatValue(entry.value)} {entry.unit ? <span className="muted small">{entry.unit}</span> : null}
              </td>
              <td>
                <details>
                  <summary>why</summary>
                  <ul className="reads">
                    {entry.reads.map((read) => (
                      <li key={`${read.kind}-${read.name}`}>
                        {read.kind === 'input' ? fieldLink(read.name) : <a href={`#value-${read.name}`}>{read.name}</a>} = {formatValue(read.value)}
                      </li>
                    ))}
                    {entry.reads.length === 0 ? <li className="muted">a constant</li> : null}
                  </ul>
                </details>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
