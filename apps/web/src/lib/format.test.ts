import { describe, it, expect } from 'vitest';
import { formatBytes, formatCountdown, formatDuration } from './format.ts';

describe('formatBytes', () => {
  it('shows bytes, kilobytes and megabytes', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(20 * 1024 * 1024)).toBe('20 MB');
  });
});

describe('formatDuration', () => {
  it('switches to seconds past one second', () => {
    expect(formatDuration(12.4)).toBe('12 ms');
    expect(formatDuration(1250)).toBe('1.25 s');
  });
});

describe('formatCountdown', () => {
  it('counts hours, minutes and seconds down to "expired"', () => {
    expect(formatCountdown(86_399)).toBe('23h 59m 59s');
    expect(formatCountdown(61)).toBe('1m 01s');
    expect(formatCountdown(9)).toBe('9s');
    expect(formatCountdown(0)).toBe('expired');
  });
});
