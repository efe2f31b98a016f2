/**
 * The environment the server process starts with, beside the settings (README). glibc reads its
 * malloc tunables once, when a process starts, so they are set here for the server's process, by
 * `npm start` (start.mjs) and by the test harness that spawns the server (fuzz, durability tests).
 *
 * MALLOC_ARENA_MAX: glibc gives threads that allocate at once arenas of their own, up to 8 per core,
 * and an arena keeps what was freed in it. The server's threads (PGlite's, the import pool's, V8's
 * compiler and GC threads) then each held freed memory of their own: on the fuzz run, RSS max
 * 1,123 MB with glibc's default, 952 MB with 2 arenas (docs/security-fuzz-load.md). A value already
 * in the environment is kept.
 */
const SERVER_MALLOC_ARENA_MAX = '2';

/** `env` with the server's malloc tunables added where it has none. */
export function withServerMalloc(env) {
  return { ...env, MALLOC_ARENA_MAX: env.MALLOC_ARENA_MAX ?? SERVER_MALLOC_ARENA_MAX };
}
