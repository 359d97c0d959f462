import { describe, expect, it } from 'vitest';
import { fmt, markdownTable, renderTable } from './report.ts';

const table = { title: 'T', columns: ['case', 'time', 'note'], rows: [['a', 1.234, 'slow path'], ['b', '12 ms', null]] };

describe('fmt', () => {
  it('shows sub-millisecond detail only for small figures and n/a for missing ones', () => {
    expect(fmt(0.1234)).toBe('0.12');
    expect(fmt(1234.5)).toBe('1,235');
    expect(fmt(Number.NaN)).toBe('n/a');
    expect(fmt(null)).toBe('n/a');
  });
});

describe('markdownTable', () => {
  it('right-aligns figures and leaves text columns left-aligned', () => {
    const lines = markdownTable(table).split('\n');
    expect(lines[1]).toBe('| --- | ---: | --- |');
    expect(lines[2]).toBe('| a | 1.23 | slow path |');
    expect(lines[3]).toBe('| b | 12 ms | n/a |');
  });
});

describe('renderTable', () => {
  it('pads every column to its widest cell', () => {
    const lines = renderTable(table).split('\n');
    expect(lines[1]).toBe('  case   time  note     ');
    expect(lines[3]).toBe('  a      1.23  slow path');
  });
});
