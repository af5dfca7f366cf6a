// The rule lives in electron/shared/article-query.ts, with the library's other query rules, so the
// renderer, the CLI and the core cut language tags the same way; the search engine imports it here.
export { primaryLanguage } from '../shared/article-query';
