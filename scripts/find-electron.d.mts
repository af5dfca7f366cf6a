export declare const electronPackageDir: string;
/** The Electron executable, or null when its binary is not installed. */
export declare function findElectron(): string | null;
