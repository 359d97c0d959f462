import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { describeEachEngine, openTestDatabase, type TestDatabase } from '../../testing/engines.ts';
import { migrate } from './migrate.ts';
import { MIGRATIONS } from './migrations/index.ts';
import { openSqlite } from './sqlite.ts';

const latest = Math.max(...MIGRATIONS.map((m) => m.version));
const tables = ['meta', 'environments', 'variables', 'collections', 'folders', 'requests', 'history', 'trash', 'sessions', 'shares', 'tokens', 'rate_limits'];

describeEachEngine('data layer', (engine) => {
  let t: TestDatabase | undefined;
  afterEach(async () => {
    await t?.drop();
    t = undefined;
  });

  it('creates every table at the latest version, and migrating again applies nothing', async () => {
    t = await openTestDatabase(engine);
    const names = (await t.data.db.introspection.getTables()).map((x) => x.name);
    expect(names).toEqual(expect.arrayContaining(tables));
    const versions = await t.data.db.selectFrom('schema_migrations').select('version').orderBy('version').execute();
    expect(versions.map((v) => v.version)).toEqual(MIGRATIONS.map((m) => m.version));
    expect(await migrate(t.data.db)).toEqual([]);
  });

  it('keeps the data when reopened, and cascades deletes from an environment', async () => {
    t = await openTestDatabase(engine);
    const { db } = t.data;
    await db.insertInto('environments').values({ id: 'e1', name: 'A', position: 0, created_at: 'x', updated_at: 'x' }).execute();
    await db.insertInto('variables').values({ environment_id: 'e1', position: 0, key: 'k', value_plain: 'v', value_enc: null, secret: 0, enabled: 1 }).execute();
    await db.insertInto('collections').values({ id: 'c1', environment_id: 'e1', name: 'C', description: null, variables_json: '[]', position: 0, created_at: 'x', updated_at: 'x' }).execute();
    const again = await t.reopen();
    expect(await again.db.selectFrom('environments').select('name').execute()).toEqual([{ name: 'A' }]);
    await again.db.deleteFrom('environments').where('id', '=', 'e1').execute();
    expect(await db.selectFrom('variables').selectAll().execute()).toEqual([]);
    expect(await db.selectFrom('collections').selectAll().execute()).toEqual([]);
  });

  it('refuses a database written by a newer version, saying what to do', async () => {
    t = await openTestDatabase(engine);
    await t.data.db.insertInto('schema_migrations').values({ version: latest + 1, name: 'from the future', applied_at: 'x' }).execute();
    await expect(t.reopen()).rejects.toThrow(
      new RegExp(`schema \\(version ${latest + 1}\\) is newer than this server knows \\(${latest}\\); update the explorer or point ${engine === 'sqlite' ? 'DATA_DIR' : 'DATABASE_URL'}`),
    );
  });

  it('applies a migration numbered below one already applied (numbers are handed out ahead of time)', async () => {
    const table = (version: number, name: string) => ({ version, name, up: async (db: Parameters<(typeof MIGRATIONS)[number]['up']>[0]) => {
      await db.schema.createTable(name).addColumn('a', 'text').execute();
    } });
    const later = table(latest + 2, 'gap_later');
    t = await openTestDatabase(engine, { migrations: [...MIGRATIONS, later] });
    expect(await migrate(t.data.db, { migrations: [...MIGRATIONS, table(latest + 1, 'gap_earlier'), later] })).toEqual([latest + 1]);
    expect((await t.data.db.introspection.getTables()).map((x) => x.name)).toEqual(expect.arrayContaining(['gap_earlier', 'gap_later']));
  });

  it('rolls back a failing migration as a whole', async () => {
    t = await openTestDatabase(engine);
    const bad = { version: latest + 1, name: 'bad', up: async (db: Parameters<(typeof MIGRATIONS)[number]['up']>[0]) => {
      await db.schema.createTable('t2').addColumn('a', 'text').execute();
      await sql`SELECT nope FROM missing`.execute(db);
    } };
    await expect(migrate(t.data.db, { migrations: [...MIGRATIONS, bad] })).rejects.toThrow();
    expect((await t.data.db.introspection.getTables()).map((x) => x.name)).not.toContain('t2');
    const row = await t.data.db.selectFrom('schema_migrations').select((eb) => eb.fn.max('version').as('v')).executeTakeFirstOrThrow();
    expect(Number(row.v)).toBe(latest);
  });

  it('rolls a transaction back on error and announces its changes only after commit', async () => {
    t = await openTestDatabase(engine);
    const seen: string[] = [];
    t.data.onChange((c) => c && seen.push(`${c.channel}:${c.id}`));
    await expect(
      t.data.transaction(async (trx, scope) => {
        await trx.insertInto('meta').values({ key: 'k', value: 'v' }).execute();
        scope.notify('test', 'rolled-back');
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await t.data.db.selectFrom('meta').selectAll().where('key', '=', 'k').execute()).toEqual([]);
    await t.data.transaction(async (trx, scope) => {
      await trx.insertInto('meta').values({ key: 'k', value: 'v' }).execute();
      scope.notify('test', 'committed');
    });
    expect(seen).toEqual(['test:committed']);
  });

  it('tells the other instances about committed changes', async () => {
    t = await openTestDatabase(engine);
    const other = await t.reopen();
    const seen: string[] = [];
    other.onChange((c) => c && seen.push(`${c.channel}:${c.id}`));
    await until(() => other.changesLive && t!.data.changesLive);
    await t.data.transaction(async (_trx, scope) => scope.notify('environment.updated', 'e1'));
    if (engine === 'sqlite') return; // one process per SQLite file: no other instance to tell
    await until(() => seen.length > 0);
    expect(seen).toEqual(['environment.updated:e1']);
  });

  it('holds a named lock across instances: one holder at a time', async () => {
    t = await openTestDatabase(engine);
    const layers = [t.data, engine === 'postgres' ? await t.reopen() : t.data];
    let inside = 0;
    let most = 0;
    await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        layers[i % 2]!.withLock('test-lock', async () => {
          most = Math.max(most, ++inside);
          await new Promise((r) => setTimeout(r, 10));
          inside--;
        }),
      ),
    );
    expect(most).toBe(1);
  });
});

describe('SQLite databases of earlier releases', () => {
  it('carry on: their schema_migrations version is the one the migrator reads', async () => {
    // As the last release with hand-written SQL migrations left it: versions 1 to 6.
    t = await openTestDatabase('sqlite', { migrations: MIGRATIONS.filter((m) => m.version <= 6) });
    const file = join(t.dataDir!, 'explorer.db');
    await t.data.db.insertInto('environments').values({ id: 'old', name: 'Kept', position: 0, created_at: 'x', updated_at: 'x' }).execute();
    await t.data.close();
    const raw = new BetterSqlite3(file);
    expect(raw.prepare('SELECT MAX(version) AS v FROM schema_migrations').get()).toEqual({ v: 6 });
    raw.close();
    const upgraded = await openSqlite(file);
    expect(await upgraded.db.selectFrom('environments').select('name').execute()).toEqual([{ name: 'Kept' }]);
    expect((await upgraded.db.introspection.getTables()).map((x) => x.name)).toContain('tokens');
    await upgraded.close();
  });
  let t: TestDatabase | undefined;
  afterEach(async () => {
    await t?.drop();
  });
});

async function until(check: () => boolean, timeoutMs = 10_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}
