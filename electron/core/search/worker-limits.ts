/**
 * How much memory V8 may give the search worker's newly made objects. Every query makes short-lived
 * garbage (candidates, texts read for snippets, the snippets), and V8 doubles a thread's young
 * generation each time enough objects have survived its collections since the last growth, up to
 * 64 MB per semi-space on a machine with this much memory: after a few thousand queries the worker
 * held 128–190 MB of mostly dead young objects, well over half its resident memory
 * (docs/benchmarks.md). Collections of a smaller young generation are more frequent but each is as
 * cheap (its cost is what survives, not what died); measured against a worker left to grow it,
 * queries cost no more CPU time.
 * 1 MB since 2026-12-07, V8's first size: Quire's process no longer lets any thread grow its young
 * generation (young-generation.ts), so this is the size the worker has, and the search benchmark
 * runs Quire's engine with it. Measured in one run of that benchmark against 6 MB: p95 of one-word
 * queries 5.9 against 9.8 ms, of several words 5.6 against 7.1, prefixes 3.5 against 3.6, phrases
 * 4.8 against 5.2; 179 against 178 MB resident after the queries.
 * 6 MB from 2026-12-06, 16 before: during an import the worker analyzes every new text, and at 16
 * MB its young generation held 20–50 MB more at the import's peak (`quire import` of 1,000 and of
 * all 4,849 Debian pages, as the app runs: Quire's process 183–192 against 210–240 MB, and 381
 * against 403 MB), in as much time and CPU; after the benchmark's queries 175 against 204–216 MB.
 * The price then: a one-word query's median 0.4–1.1 ms slower (of 2–4 ms), its 95th percentile not.
 */
export const SEARCH_SEMI_SPACE_MB = 1;

/** The worker's resource limits: V8's young generation is three semi-spaces (two and one for large objects). */
export const SEARCH_WORKER_RESOURCE_LIMITS = { maxYoungGenerationSizeMb: 3 * SEARCH_SEMI_SPACE_MB } as const;
