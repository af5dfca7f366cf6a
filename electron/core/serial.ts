/**
 * Runs async tasks one after another. Library changes go through one queue so that, say, two
 * imports of the same file cannot both pass the duplicate check, and an annotation is never
 * written into a folder that is being moved to the trash.
 */
export type Serial = <T>(task: () => Promise<T>) => Promise<T>;

export function createSerial(): Serial {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(task: () => Promise<T>): Promise<T> => {
    const run = tail.then(task, task);
    tail = run.catch(() => undefined);
    return run;
  };
}
