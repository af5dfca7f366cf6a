import type { ReactNode, RefObject } from 'react';
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
