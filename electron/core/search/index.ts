export { createSearchIndex } from './lunr-search-index';
