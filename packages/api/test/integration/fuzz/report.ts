import type { InputClass } from './hostile.ts';
import type { ViolationKind } from './verdict.ts';
import type { Role } from './world.ts';

/** FUZZ_REPORT=1: what every procedure was called with and answered, and every violation, as a table. */

export interface Finding {
  role: Role;
  inputClass: InputClass;
  kinds: ViolationKind[];
  code: string;
  sqlState: string | null;
  example: string;
}

export interface ProcedureStats {
  calls: number;
  /** 'ok' or the TRPC code → how many calls answered it. */
  outcomes: Map<string, number>;
  findings: Finding[];
}

export interface FuzzReport {
  runs: number;
  seed: number;
  procedures: Map<string, ProcedureStats>;
}

export function printReport(report: FuzzReport): void {
  const lines: string[] = [];
  let calls = 0;
  let findings = 0;
  lines.push(`fuzz report — seed ${report.seed}, ${report.runs} runs per procedure and role`);
  lines.push('');
  lines.push('procedure | calls | outcomes | violations');
  for (const [path, stats] of report.procedures) {
    calls += stats.calls;
    findings += stats.findings.length;
    const outcomes = [...stats.outcomes].map(([code, n]) => `${code} ${n}`).join(', ');
    lines.push(`${path} | ${stats.calls} | ${outcomes} | ${stats.findings.length}`);
  }
  lines.push('');
  lines.push(`${report.procedures.size} procedures, ${calls} calls, ${findings} violating calls`);
  lines.push('');
  lines.push('violations by procedure, input class and answer (count, roles, one example):');
  for (const [path, stats] of report.procedures) {
    const groups = new Map<string, Finding[]>();
    for (const finding of stats.findings) {
      const key = `${path} | ${finding.inputClass} | ${finding.kinds.join('+')} | ${finding.code}${finding.sqlState ? ` ${finding.sqlState}` : ''}`;
      groups.set(key, [...(groups.get(key) ?? []), finding]);
    }
    for (const [key, group] of groups) {
      const roles = [...new Set(group.map((f) => f.role))].join(',');
      lines.push(`${key} | ×${group.length} | ${roles}`);
      lines.push(
        group[0]?.example
          .split('\n')
          .map((line) => `      ${line}`)
          .join('\n') ?? '',
      );
    }
  }
  console.log(lines.join('\n'));
}
