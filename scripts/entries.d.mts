export declare const entries: Record<string, string>;
export declare function distName(subpath: string): string;
export declare function exportMap(): Record<string, unknown>;
