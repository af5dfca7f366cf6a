/** The files under `folders` (relative to `root`) that are not in `written`, relative to `root` with forward slashes, sorted. */
export declare function staleFiles(root: string, folders: readonly string[], written: Iterable<string>): string[];
/** Removes what `staleFiles` lists; returns how many files it removed. */
export declare function pruneStaleFiles(root: string, folders: readonly string[], written: Iterable<string>): number;
