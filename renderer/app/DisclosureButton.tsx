import type { MouseEventHandler, ReactNode, RefObject } from 'react';
import type { Disclosure } from './use-disclosure';

interface DisclosureButtonProps {
  disclosure: Disclosure;
  buttonRef: RefObject<HTMLButtonElement | null>;
  className: string;
  children: ReactNode;
}

/** The button of a disclosure: says whether its panel is open and which panel it is. */
export function DisclosureButton({ disclosure, buttonRef, className, children }: DisclosureButtonProps) {
  return (
    <button
      type="button"
      ref={buttonRef}
      className={className}
      aria-expanded={disclosure.open}
      aria-controls={disclosure.panelId}
      onClick={disclosure.toggle}
    >
      {children}
    </button>
  );
}

interface DisclosurePanelProps {
  disclosure: Disclosure;
  panelRef: RefObject<HTMLDivElement | null>;
  className: string;
  onClick?: MouseEventHandler<HTMLDivElement>;
  children: ReactNode;
}

/**
 * The panel a disclosure button shows. It stays in the document when closed: CSS shows it as a
 * row in a wide window whatever its state, and as a panel only while `data-open` in a narrow one.
 */
export function DisclosurePanel({ disclosure, panelRef, className, onClick, children }: DisclosurePanelProps) {
  return (
    <div id={disclosure.panelId} ref={panelRef} className={className} data-open={disclosure.open || undefined} onClick={onClick}>
      {children}
    </div>
  );
}
