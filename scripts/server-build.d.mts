export declare const SERVER_ENTRY: string;
export declare function serverBuildIsStale(root?: string): boolean;
export declare function buildServer(root?: string): Promise<number>;
export function newestMtime(target: string): number;
