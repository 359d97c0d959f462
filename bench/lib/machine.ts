import { execFileSync } from 'node:child_process';
import { cpus, loadavg, totalmem, release, platform } from 'node:os';
import { REPO_ROOT } from './processes.ts';

export interface MachineInfo {
  date: string;
  cpu: string;
  cores: number;
  memoryGb: number;
  node: string;
  os: string;
  /** 1-minute load average when the run started: other processes skew every figure. */
  loadAverage: number;
  commit: string | null;
}

export function machineInfo(): MachineInfo {
  let commit: string | null = null;
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: REPO_ROOT, encoding: 'utf8' }).trim();
  } catch {
    // not a git checkout
  }
  return {
    date: new Date().toISOString(),
    cpu: cpus()[0]?.model.trim() ?? 'unknown',
    cores: cpus().length,
    memoryGb: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    os: `${platform()} ${release()}`,
    loadAverage: Math.round(loadavg()[0]! * 100) / 100,
    commit,
  };
}
