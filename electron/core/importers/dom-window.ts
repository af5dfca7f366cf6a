/**
 * jsdom, loaded the first time something needs it, and one scripting-free window of it shared by
 * the sanitizer and the normalizer. An import worker whose articles are all plain reader HTML
 * (plain-reader-html.ts) never loads it: jsdom is about 0.3 s of a fresh worker's start and most of
 * the memory it holds between pages. Creating a window is the expensive part of jsdom; fragments
 * parsed into it are dropped after each import.
 */
import { createRequire } from 'node:module';
import type * as JsdomModule from 'jsdom';

let jsdomModule: typeof JsdomModule | undefined;

/** The jsdom package (loaded at the first call). */
export const jsdom = (): typeof JsdomModule => (jsdomModule ??= createRequire(import.meta.url)('jsdom') as typeof JsdomModule);

let shared: JsdomModule.JSDOM['window'] | undefined;

export function domWindow(): JsdomModule.JSDOM['window'] {
  // No `runScripts` and no `resources`: jsdom then never runs a script or fetches anything.
  shared ??= new (jsdom().JSDOM)('<!doctype html><html><head></head><body></body></html>').window;
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
