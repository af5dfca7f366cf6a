/** Where the core reports what the user should not see but a maintainer should (hosts pass a logger). */
export type Log = (message: string, error?: unknown) => void;

export const stderrLog: Log = (message, error) => {
  if (error === undefined) console.error(`[quire] ${message}`);
  else console.error(`[quire] ${message}`, error);
};
