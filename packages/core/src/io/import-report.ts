import type { ImportReport } from './import-result.ts';

/** Collects report lines once each, in the order first seen, so a setting shared by many requests is said once. */
export class ReportBuilder {
  private readonly keptLines = new Set<string>();
  private readonly unmappedLines = new Set<string>();

  kept(line: string): void {
    this.keptLines.add(line);
  }

  unmapped(line: string): void {
    this.unmappedLines.add(line);
  }

  build(): ImportReport {
    return { kept: [...this.keptLines], unmapped: [...this.unmappedLines] };
  }
}
