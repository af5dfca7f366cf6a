/** Quire's engine of another checkout (`--baseline DIR`, bundled by run.mjs): the "before" of an A/B in one run. */
import { quireEngine } from './quire-engine.mjs';

export default await quireEngine('quire-baseline', 'quire-baseline-engine.js');
