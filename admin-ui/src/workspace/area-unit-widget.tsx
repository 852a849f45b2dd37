import type { WidgetProps } from '@rjsf/utils';
import { useEffect, useState } from 'react';

/** 1 sqm = 10.7639 sqft (REQUIREMENTS: valuers type per sqft, the report prints per sqm). */
export const SQFT_PER_SQM = 10.7639;

type Entry = 'sqm' | 'sqft';

const round2 = (value: number) => Math.round(value * 100) / 100;

/**
 * A number stored in the schema's unit (sqm, or INR per sqm) that the operator may type in
 * sqft terms; the stored value is converted and shown beside the input.
 */
export function AreaUnitWidget(props: WidgetProps) {
  const unit = String(props.options.unit ?? 'sqm');
  const perArea = unit.startsWith('INR/');
  const stored = typeof props.value === 'number' ? props.value : undefined;
  const toEntry = (value: number, entry: Entry) => (entry === 'sqm' ? value : perArea ? value / SQFT_PER_SQM : value * SQFT_PER_SQM);
  const fromEntry = (value: number, entry: Entry) => (entry === 'sqm' ? value : perArea ? value * SQFT_PER_SQM : value / SQFT_PER_SQM);
  const [entry, setEntry] = useState<Entry>('sqm');
  const [text, setText] = useState(stored === undefined ? '' : String(stored));

  useEffect(() => {
    const typed = text === '' ? undefined : round2(fromEntry(Number(text), entry));
    if (typed !== stored) setText(stored === undefined ? '' : String(round2(toEntry(stored, entry))));
    // Only an outside change of the value (a proposal accepted, a reset) rewrites the text.
  }, [stored]);

  return (
    <div className="area-unit">
      <input
        id={props.id}
        name={props.id}
        type="number"
        step="any"
        inputMode="decimal"
        disabled={Boolean(props.disabled) || Boolean(props.readonly)}
        required={props.required}
        aria-describedby={`${props.id}__error ${props.id}__help`}
        value={text}
        onChange={(event) => {
          const raw = event.target.value;
          setText(raw);
          props.onChange(raw === '' ? undefined : round2(fromEntry(Number(raw), entry)));
        }}
        onBlur={() => props.onBlur(props.id, props.value)}
        onFocus={() => props.onFocus(props.id, props.value)}
      />
      <label className="visually-hidden" htmlFor={`${props.id}__unit`}>
        Unit of entry for {props.label}
      </label>
      <select
        id={`${props.id}__unit`}
        value={entry}
        onChange={(event) => {
          const next = event.target.value as Entry;
          setEntry(next);
          setText(stored === undefined ? '' : String(round2(toEntry(stored, next))));
        }}
      >
        <option value="sqm">{perArea ? '₹ per sqm' : 'sqm'}</option>
        <option value="sqft">{perArea ? '₹ per sqft' : 'sqft'}</option>
      </select>
      {entry === 'sqft' && stored !== undefined ? (
        <span className="muted small">
          = {stored.toLocaleString('en-IN')} {unit}
        </span>
      ) : null}
    </div>
  );
}
