import type pg from 'pg';

/** Anything that can run a query: the pool or a client inside a transaction. Module functions take this. */
export type Queryable = Pick<pg.Pool, 'query'> | Pick<pg.PoolClient, 'query'>;
