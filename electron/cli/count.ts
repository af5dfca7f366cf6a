/** "1 article", "3 articles": counts in the CLI's sentences. */
export const count = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;
