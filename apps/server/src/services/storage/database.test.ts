import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate, openDatabase, openDatabaseFile } from './database.ts';
import { MIGRATIONS } from './migrations.ts';

const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'explorer-db-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('openDatabase', () => {
  it('creates explorer.db in WAL mode with foreign keys on and every table', () => {
    const db = openDatabase(tempDir());
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((t) => t.name);
    expect(tables).toEqual(expect.arrayContaining(['environments', 'variables', 'collections', 'folders', 'requests', 'history']));
    db.close();
  });

  it('applies migrations once: reopening keeps the data', () => {
    const dir = tempDir();
    const db = openDatabase(dir);
    db.prepare("INSERT INTO environments (id, name, created_at, updated_at) VALUES ('e1', 'Prod', 'x', 'x')").run();
    db.close();
    const again = openDatabase(dir);
    expect(again.prepare('SELECT name FROM environments').all()).toEqual([{ name: 'Prod' }]);
    expect(migrate(again)).toEqual([]);
    again.close();
  });

  it('cascades deletes from an environment to its variables and collections', () => {
    const db = openDatabaseFile(':memory:');
    db.exec(`INSERT INTO environments (id, name, created_at, updated_at) VALUES ('e1', 'A', 'x', 'x');
      INSERT INTO variables (environment_id, position, key, value_plain) VALUES ('e1', 0, 'k', 'v');
      INSERT INTO collections (id, environment_id, name, created_at, updated_at) VALUES ('c1', 'e1', 'C', 'x', 'x');`);
    db.exec("DELETE FROM environments WHERE id = 'e1'");
    expect(db.prepare('SELECT COUNT(*) AS n FROM variables').get()).toEqual({ n: 0 });
    expect(db.prepare('SELECT COUNT(*) AS n FROM collections').get()).toEqual({ n: 0 });
  });

  it('refuses a database written by a newer version', () => {
    const dir = tempDir();
    openDatabaseFile(join(dir, 'x.db'), [...MIGRATIONS, { version: 99, name: 'future', sql: 'SELECT 1' }]).close();
    expect(() => openDatabaseFile(join(dir, 'x.db'))).toThrow(/newer than this server knows/);
  });

  it('rolls back a failing migration as a whole', () => {
    const db = openDatabaseFile(':memory:');
    const latest = Math.max(...MIGRATIONS.map((m) => m.version));
    expect(() => migrate(db, [...MIGRATIONS, { version: latest + 1, name: 'bad', sql: 'CREATE TABLE t2 (a); SELECT nope FROM missing' }])).toThrow();
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 't2'").all()).toEqual([]);
    expect(db.prepare('SELECT MAX(version) AS v FROM schema_migrations').get()).toEqual({ v: latest });
  });
});
