/** An article's HTML or text as a string, whether it came as one or (a large import's result) as UTF-8 bytes. */
export const decoded = (value: string | Uint8Array): string => (typeof value === 'string' ? value : Buffer.from(value).toString('utf8'));
