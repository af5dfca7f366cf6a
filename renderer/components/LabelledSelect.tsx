/**
 * A visible label and a native select: the one control behind every filter and sort menu (library
 * toolbar, search panel, bookmarks). Native, so each keeps the platform's keyboard and screen
 * reader behaviour; labelled with `htmlFor`, so its accessible name is the label's text.
 */
import type { ChangeEvent } from 'react';
import type { MessageId } from '../../electron/shared/i18n/catalogs';
import type { Text } from '../i18n/use-text';

/** An option; `L` is `MessageId` in a fixed list of options, named in the language of the moment. */
export interface SelectOption<V extends string, L extends string = string> {
  value: V;
  label: L;
}

/** A fixed list of options, its catalog ids turned into words. */
export const translateOptions = <V extends string>(options: readonly SelectOption<V, MessageId>[], text: Text): SelectOption<V>[] =>
  options.map((option) => ({ value: option.value, label: text(option.label) }));

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
  /** shown, not yet usable (what it offers is not known yet) */
  disabled?: boolean;
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
  disabled,
}: LabelledSelectProps<V>) {
  // A native select only reports the values rendered below, all of them V.
  const change = (event: ChangeEvent<HTMLSelectElement>) => onChange(event.target.value as V);
  return (
    <span className={className}>
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} data-active={active || undefined} disabled={disabled} onChange={change}>
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
