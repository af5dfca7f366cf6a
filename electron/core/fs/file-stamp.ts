/**
 * The time in names Quire gives files and folders (backups, quarantine, a broken settings copy):
 * `20261128T074132123Z`, UTC to the millisecond. It sorts by time, has no character a file system
 * refuses, and two names made one after the other never collide.
 */
export const fileStamp = (when: Date | string): string => new Date(when).toISOString().replace(/[-:.]/g, '');

export const FILE_STAMP = /\d{8}T\d{9}Z/;

/** The ISO time a stamp stands for. */
export const isoOfStamp = (s: string): string =>
  `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}T${s.slice(9, 11)}:${s.slice(11, 13)}:${s.slice(13, 15)}.${s.slice(15, 18)}Z`;
