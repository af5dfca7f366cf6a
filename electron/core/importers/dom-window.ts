/**
 * One scripting-free jsdom window shared by the sanitizer and the normalizer. Creating a window is
 * the expensive part of jsdom; fragments parsed into it are dropped after each import.
 */
import { JSDOM } from 'jsdom';

let shared: JSDOM['window'] | undefined;

export function domWindow(): JSDOM['window'] {
  // No `runScripts` and no `resources`: jsdom then never runs a script or fetches anything.
  shared ??= new JSDOM('<!doctype html><html><head></head><body></body></html>').window;
  return shared;
}

/** Parses an HTML fragment the way the reader will (`innerHTML` of a block element). */
export function parseFragment(html: string): HTMLElement {
  const container = domWindow().document.createElement('div');
  container.innerHTML = html;
  return container;
}

export const ELEMENT_NODE = 1;
export const TEXT_NODE = 3;
