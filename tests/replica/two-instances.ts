/**
 * Many servers on PostgreSQL (issue 17), end to end: a primary and a hot standby made by
 * `pg_basebackup -R` (tests/replica/run.sh starts both and passes their URLs), and two app
 * instances on loopback, both with DATABASE_URL = primary and DATABASE_READ_URL = standby.
 *
 *   1. log in on A, act on B (the session is in the database, not in A);
 *   2. a check on B is served by the replica (X-Redline-Read, and the standby's own transaction count);
 *      a client that just wrote reads the primary (read-your-writes) and gets the same verdict;
 *   3. a user created on B (a write: primary) can log in on A at once;
 *   4. A is killed (SIGKILL); B goes on serving sessions, checks and writes;
 *   5. the standby stops: B's reads fall back to the primary, without an error.
 *
 * Prints `REPLICA_TEST ok` and figures (checks/s through one and two instances) on success; exits 1
 * on the first failed expectation. Run by run.sh (root, PostgreSQL 15 binaries), not by vitest.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import pg from 'pg';
import { spawnServer, type ServerProcess } from '../support/server-process.ts';

const primaryUrl = process.env.PRIMARY_URL!;
const standbyUrl = process.env.STANDBY_URL!;
const stopStandby = process.env.STOP_STANDBY_CMD!;
const cutReplication = process.env.CUT_REPLICATION_CMD!;
assert.ok(primaryUrl && standbyUrl && stopStandby && cutReplication, 'PRIMARY_URL, STANDBY_URL, STOP_STANDBY_CMD and CUT_REPLICATION_CMD are set by run.sh');

const ADMIN = { username: 'replica_admin', password: 'Replica-admin-pw#2026' };
const env = {
  DATABASE_URL: primaryUrl,
  DATABASE_READ_URL: standbyUrl,
  ADMIN_USERNAME: ADMIN.username,
  ADMIN_PASSWORD: ADMIN.password,
  LOAD_DEMO_PROJECTS: 'false',
  RATE_LIMIT_CHECK: '0',
  DATA_DIR: '/tmp/redline-replica-unused',
};
const site = {
  geometry: { type: 'Polygon', coordinates: [[[106.6, 26.4], [106.62, 26.4], [106.62, 26.42], [106.6, 26.42], [106.6, 26.4]]] },
  project: { type: 'industrial', dischargesPollutants: true },
};

interface Session {
  cookie: string;
  csrf: string;
}

async function login(base: string, who = ADMIN): Promise<Session> {
  const res = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(who) });
  assert.equal(res.status, 200, `login on ${base}: ${res.status} ${await res.clone().text()}`);
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('redline_session='))!.split(';')[0];
  return { cookie, csrf: ((await res.json()) as { csrfToken: string }).csrfToken };
}

async function check(base: string, cookie = ''): Promise<{ status: number; read: string | null; verdict: string }> {
  const res = await fetch(`${base}/api/check`, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify(site) });
  const body = (await res.json()) as { verdict: string };
  return { status: res.status, read: res.headers.get('x-redline-read'), verdict: body.verdict };
}

async function standbyCommits(): Promise<number> {
  const c = new pg.Client({ connectionString: standbyUrl });
  await c.connect();
  const { rows } = await c.query<{ n: string }>('SELECT xact_commit AS n FROM pg_stat_database WHERE datname = current_database()');
  await c.end();
  return Number(rows[0].n);
}

async function checksPerSecond(bases: string[], seconds: number, clientsPerBase: number): Promise<number> {
  const until = Date.now() + seconds * 1000;
  let done = 0;
  await Promise.all(
    bases.flatMap((base) =>
      Array.from({ length: clientsPerBase }, async () => {
        while (Date.now() < until) {
          const r = await check(base);
          assert.equal(r.status, 200);
          done++;
        }
      }),
    ),
  );
  return done / seconds;
}

const instances: ServerProcess[] = [];
try {
  // A first (it migrates and loads the reference layers), then B on the same databases.
  const a = await spawnServer(env, 300_000);
  instances.push(a);
  const b = await spawnServer(env, 300_000);
  instances.push(b);
  console.log(`instances up: A ${a.url} (${a.readyMs} ms), B ${b.url} (${b.readyMs} ms)`);

  // 1. Log in on A, act on B.
  const s = await login(a.url);
  const me = await fetch(`${b.url}/api/auth/me`, { headers: { cookie: s.cookie } });
  assert.equal(((await me.json()) as { user: { username: string } | null }).user?.username, ADMIN.username, 'B knows the session made on A');
  const planner = { username: `planner_${Date.now().toString(36)}`, password: 'Planner-pw#2026-replica', role: 'applicant' };
  const created = await fetch(`${b.url}/api/users`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: s.cookie, 'x-csrf-token': s.csrf },
    body: JSON.stringify(planner),
  });
  assert.equal(created.status, 201, `create a user on B with A's session: ${created.status} ${await created.clone().text()}`);
  // The write answered with the read-your-writes cookie.
  const wrote = created.headers.getSetCookie().find((c) => c.startsWith('redline_wrote='));
  assert.ok(wrote, 'a write sets the read-your-writes cookie');
  console.log('1. logged in on A, created a user on B with that session');

  // 3. The user made on B logs in on A at once.
  await login(a.url, planner);
  console.log('3. the user created on B logs in on A');

  // 2. A check on B from the replica; the same check for a client that just wrote, from the primary.
  const before = await standbyCommits();
  const fromReplica = await check(b.url);
  const after = await standbyCommits();
  assert.equal(fromReplica.status, 200);
  assert.equal(fromReplica.read, 'replica', 'an anonymous check is read from the replica');
  assert.ok(after > before + 1, `the standby ran the check's transaction (xact_commit ${before} → ${after})`);
  const fromPrimary = await check(b.url, wrote!.split(';')[0]);
  assert.equal(fromPrimary.read, 'primary', 'a client that just wrote reads the primary');
  assert.equal(fromPrimary.verdict, fromReplica.verdict, 'the same verdict from both');
  const layers = await fetch(`${a.url}/api/layers`);
  assert.equal(layers.headers.get('x-redline-read'), 'replica', 'layer reads from the replica');
  console.log(`2. check on B from the replica (verdict ${fromReplica.verdict}), the same from the primary after a write`);

  // Figures: checks/s through one instance, then through two (4 closed-loop clients in all).
  const one = await checksPerSecond([b.url], 8, 4);
  const two = await checksPerSecond([a.url, b.url], 8, 2);
  console.log(`REPLICA_BENCH checks_per_s_one_instance=${one.toFixed(1)} checks_per_s_two_instances=${two.toFixed(1)} clients=4`);

  // 4. Kill A; B serves on.
  await a.stop('SIGKILL');
  instances.shift();
  const stillMe = await fetch(`${b.url}/api/auth/me`, { headers: { cookie: s.cookie } });
  assert.equal(((await stillMe.json()) as { user: { username: string } | null }).user?.username, ADMIN.username);
  assert.equal((await check(b.url)).status, 200);
  const another = await fetch(`${b.url}/api/users`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: s.cookie, 'x-csrf-token': s.csrf },
    body: JSON.stringify({ ...planner, username: `${planner.username}_2` }),
  });
  assert.equal(another.status, 201);
  console.log('4. A killed (SIGKILL): B serves the session, checks and writes');

  // 4b. Replication is cut while the standby stays up: it has replayed all it received, so its replay
  // "lag" is 0, yet it falls behind with every write. B stops reading it (≤ 1 s probe).
  assert.equal((await check(b.url)).read, 'replica', 'the replica serves before replication is cut');
  execFileSync('bash', ['-c', cutReplication], { stdio: 'inherit' });
  let cut = await check(b.url);
  for (let i = 0; i < 50 && cut.read !== 'primary'; i++) {
    await new Promise((res) => setTimeout(res, 100));
    cut = await check(b.url);
  }
  assert.equal(cut.read, 'primary', 'a standby that no longer streams from the primary serves no reads');
  assert.equal(cut.verdict, fromReplica.verdict);
  console.log('4b. replication cut (standby up): B checks on the primary');

  // 5. The standby goes away: B's reads fall back to the primary once its probe notices (≤ 1 s).
  execFileSync('bash', ['-c', stopStandby], { stdio: 'inherit' });
  let r = await check(b.url).catch(() => ({ status: 0, read: null, verdict: '' }));
  for (let i = 0; i < 50 && r.read !== 'primary'; i++) {
    await new Promise((res) => setTimeout(res, 100));
    r = await check(b.url).catch(() => ({ status: 0, read: null, verdict: '' }));
  }
  assert.equal(r.read, 'primary', 'with the standby down, checks read the primary');
  assert.equal(r.status, 200);
  assert.equal(r.verdict, fromReplica.verdict);
  console.log('5. standby stopped: B checks on the primary');
  console.log('REPLICA_TEST ok');
} catch (e) {
  for (const i of instances) console.error(`--- instance ${i.url} output:\n${i.output().slice(-4000)}`);
  throw e;
} finally {
  for (const i of instances) await i.stop('SIGTERM');
}
