import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DataLayer } from './index.ts';
import { openSqlite } from './sqlite.ts';

/**
 * History's worker writes the SQLite file on a second connection. A transaction of the server's
 * that read, then wrote, after the worker committed in between would fail at once with
 * SQLITE_BUSY_SNAPSHOT; transactions therefore take the write lock when they begin.
 */
describe('SQLite transactions beside a second connection', () => {
  let dir: string;
  let data: DataLayer;
  let other: BetterSqlite3.Database;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'explorer-lock-'));
    data = await openSqlite(join(dir, 'explorer.db'));
    other = new BetterSqlite3(join(dir, 'explorer.db'));
    other.pragma('busy_timeout = 0'); // answer at once instead of waiting
  });
  afterEach(async () => {
    other.close();
    await data.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('holds the write lock from the start, so no other connection commits between its read and its write', async () => {
    let otherCouldWrite: boolean | undefined;
    await data.transaction(async (trx) => {
      await trx.selectFrom('environments').select('id').execute();
      try {
        other.prepare("INSERT INTO environments (id, name, position, created_at, updated_at) VALUES ('b', 'B', 1, 'x', 'x')").run();
        otherCouldWrite = true;
      } catch (err) {
        expect((err as { code?: string }).code).toBe('SQLITE_BUSY');
        otherCouldWrite = false;
      }
      await trx.insertInto('environments').values({ id: 'a', name: 'A', position: 0, created_at: 'x', updated_at: 'x' }).execute();
    });
    expect(otherCouldWrite).toBe(false);
    // Once committed, the other connection writes as usual.
    other.prepare("INSERT INTO environments (id, name, position, created_at, updated_at) VALUES ('b', 'B', 1, 'x', 'x')").run();
    expect((await data.db.selectFrom('environments').select('id').orderBy('id').execute()).map((r) => r.id)).toEqual(['a', 'b']);
  });
});
