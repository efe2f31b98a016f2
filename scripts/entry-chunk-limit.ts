import type { Plugin } from 'vite';

/** The budget of the chunk the map needs first (issue 12): bytes before gzip, as Vite counts kB. */
export const ENTRY_CHUNK_LIMIT_BYTES = 1_300_000;

interface ChunkLike {
  type: 'chunk' | 'asset';
  fileName: string;
  isEntry?: boolean;
  code?: string;
  imports?: string[];
}

/** Sizes of the client build's entry chunk and of what it loads with it (its static imports). */
export function entryChunkSizes(bundle: Record<string, ChunkLike>): { entry: string; entryBytes: number; firstLoadBytes: number }[] {
  const bytes = (c: ChunkLike | undefined) => (c?.type === 'chunk' ? Buffer.byteLength(c.code ?? '') : 0);
  return Object.values(bundle)
    .filter((c) => c.type === 'chunk' && c.isEntry)
    .map((entry) => {
      const seen = new Set<string>();
      const visit = (name: string) => {
        if (seen.has(name)) return;
        seen.add(name);
        for (const next of bundle[name]?.imports ?? []) visit(next);
      };
      visit(entry.fileName);
      return { entry: entry.fileName, entryBytes: bytes(entry), firstLoadBytes: [...seen].reduce((sum, name) => sum + bytes(bundle[name]), 0) };
    });
}

/**
 * Fails `vite build` when an entry chunk outgrows the budget, instead of Vite's warning that
 * nobody reads: the report, the register, the rule library and the admin UI are loaded lazily,
 * and an eager import of one of them would quietly put it back on the first load. Prints the
 * figures of each build (entry chunk; entry + its static imports, MapLibre's chunk included).
 */
export function entryChunkLimit(limitBytes = ENTRY_CHUNK_LIMIT_BYTES): Plugin {
  return {
    name: 'redline:entry-chunk-limit',
    apply: 'build',
    // After Vite's own generateBundle steps (preload helpers), so the code measured is the code written.
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        const kB = (n: number) => `${(n / 1000).toFixed(1)} kB`;
        for (const { entry, entryBytes, firstLoadBytes } of entryChunkSizes(bundle as unknown as Record<string, ChunkLike>)) {
          this.info(`entry chunk ${entry}: ${kB(entryBytes)} (limit ${kB(limitBytes)}); with its static imports ${kB(firstLoadBytes)}`);
          if (entryBytes > limitBytes) {
            this.error(
              `入口代码块 ${entry} 为 ${kB(entryBytes)}，超过 ${kB(limitBytes)} 的上限 / entry chunk ${entry} is ${kB(entryBytes)}, ` +
                `over the ${kB(limitBytes)} limit: load the new code lazily (import())`,
            );
          }
        }
      },
    },
  };
}
