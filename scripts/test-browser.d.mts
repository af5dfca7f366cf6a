export declare const CHROMIUM_ARGS: string[];
/** Debian's Chromium when installed; undefined lets Playwright use its own browser. */
export declare function debianChromium(): string | undefined;
/** Null when a Chromium can be launched (downloading Playwright's if needed), else what to install. */
export declare function ensureTestBrowser(): Promise<string | null>;
