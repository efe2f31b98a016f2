export declare function withServerMalloc<T extends Record<string, string | undefined>>(env: T): T & { MALLOC_ARENA_MAX: string };
