/** Quire's engine as this checkout builds it (bundled by run.mjs into quire-engine.js). */
import { quireEngine } from './quire-engine.mjs';

export default await quireEngine('quire', 'quire-engine.js');
