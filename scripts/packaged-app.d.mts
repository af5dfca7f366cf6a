/** Where `npm run package:e2e` writes the packaged app (release/e2e). */
export declare const e2eReleaseDir: string;
/** The packaged app's executable under `releaseDir`, or null when it is not built. */
export declare function findPackagedApp(releaseDir?: string): string | null;
/** electron-builder `-c.` switches that turn the shipped configuration into the e2e build's. */
export declare const e2eConfigOverrides: readonly string[];
