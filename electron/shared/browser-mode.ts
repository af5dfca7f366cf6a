/**
 * The names browser mode's server (electron/serve) and its page (renderer/api) must agree on. The
 * renderer imports only types from here and spells each value again, typed as the literal below,
 * so a rename that misses one side does not compile.
 */

/** The request header that carries the access token (API calls and the event stream). */
export const TOKEN_HEADER = 'X-Quire-Token';

/** The answer header that tells a page holding the token where article files are: `/content/<key>`. */
export const CONTENT_BASE_HEADER = 'X-Quire-Content-Base';

/**
 * The field the token arrives in: the query of the address `quire serve` prints (`/?token=…`),
 * then the fragment of the page's address (`/#token=…`), which the page reads once and clears.
 */
export const TOKEN_FIELD = 'token';
