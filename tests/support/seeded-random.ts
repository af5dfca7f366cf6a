/** The seeded generator the benchmark uses too (scripts/seeded-random.mjs), for generated test cases. */
export { seededRandom } from '../../scripts/seeded-random.mjs';
