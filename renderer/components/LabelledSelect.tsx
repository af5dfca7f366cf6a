/**
 * A visible label and a native select: the one control behind every filter and sort menu (library
 * toolbar, search panel, bookmarks). Native, so each keeps the platform's keyboard and screen
 * reader behaviour; labelled with `htmlFor`, so its accessible name is the label's text.
 */
import type { ChangeEvent } from 'react';

export interface SelectOption<V extends string> {
  value: V;
  label: string;
}

interface LabelledSelectProps<V extends string> {
  id: string;
  label: string;
  value: V;
  options: readonly SelectOption<V>[];
  /** A first option that chooses nothing ("Any tag"); its value is `anyValue`, '' unless given, so V must include it. */
  anyLabel?: string;
  anyValue?: V;
  onChange: (value: V) => void;
  /** Marks a filter that narrows what is shown (`data-active`), for styles that make it noticed. */
  active?: boolean;
  /** the wrapper's class: each view lays its fields out its own way */
  className: string;
}

export function LabelledSelect<V extends string>({
  id,
  label,
  value,
  options,
  anyLabel,
  anyValue,
  onChange,
  active,
  className,
}: LabelledSelectProps<V>) {
  // A native select only reports the values rendered below, all of them V.
  const change = (event: ChangeEvent<HTMLSelectElement>) => onChange(event.target.value as V);
  return (
    <span className={className}>
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} data-active={active || undefined} onChange={change}>
        {anyLabel !== undefined && <option value={anyValue ?? ''}>{anyLabel}</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </span>
  );
}
