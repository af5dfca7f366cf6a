/**
 * How much memory V8 may give the search worker's newly made objects. Every query makes short-lived
 * garbage (candidates, texts read for snippets, the snippets), and V8 doubles a thread's young
 * generation each time enough objects have survived its collections since the last growth, up to
 * 64 MB per semi-space on a machine with this much memory: after a few thousand queries the worker
 * held 128–190 MB of mostly dead young objects, well over half its resident memory
 * (docs/benchmarks.md). Collections of a smaller young generation are more frequent but each is as
 * cheap (its cost is what survives, not what died); measured, queries cost no more CPU time.
 */
export const SEARCH_SEMI_SPACE_MB = 16;

/** The worker's resource limits: V8's young generation is three semi-spaces (two and one for large objects). */
export const SEARCH_WORKER_RESOURCE_LIMITS = { maxYoungGenerationSizeMb: 3 * SEARCH_SEMI_SPACE_MB } as const;
