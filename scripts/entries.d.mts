export declare const entries: Record<string, string>;
export declare function distName(subpath: string): string;
export declare function exportMap(): Record<string, unknown>;
export declare function typesVersions(): Record<string, Record<string, string[]>>;
