import { describe, expect, it } from 'vitest';
import BetterSqlite3 from 'better-sqlite3';
import { durableWrite, nextTimestamp } from './durable-write.ts';

describe('durableWrite', () => {
  it('commits with synchronous=FULL and puts the previous level back, also after a failure', () => {
    const db = new BetterSqlite3(':memory:');
    db.pragma('synchronous = NORMAL');
    db.exec('CREATE TABLE t (a)');
    const inside = durableWrite(db, () => {
      db.prepare('INSERT INTO t VALUES (1)').run();
      return db.pragma('synchronous', { simple: true });
    });
    expect(inside).toBe(2); // FULL
    expect(db.pragma('synchronous', { simple: true })).toBe(1); // NORMAL again
    expect(() => durableWrite(db, () => {
      db.prepare('INSERT INTO t VALUES (2)').run();
      throw new Error('boom');
    })).toThrow('boom');
    expect(db.prepare('SELECT a FROM t').all()).toEqual([{ a: 1 }]); // rolled back as a whole
    expect(db.pragma('synchronous', { simple: true })).toBe(1);
    db.close();
  });
});

describe('nextTimestamp', () => {
  it('never repeats, even within one millisecond', () => {
    const stamps = Array.from({ length: 50 }, () => nextTimestamp());
    expect(new Set(stamps).size).toBe(50);
    expect([...stamps].sort()).toEqual(stamps);
  });
});
