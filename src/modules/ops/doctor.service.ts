export type DoctorStatus = 'ok' | 'info' | 'warn' | 'fail';

export interface DoctorFinding {
  status: DoctorStatus;
  detail: string;
}

/**
 * One line of `spareflow doctor`. Each capability contributes its own checks (configuration of its
 * integration, reachability, backlog…); a `fail` makes the command exit non-zero.
 */
export interface DoctorCheck {
  name: string;
  run(): Promise<DoctorFinding>;
}

export interface DoctorReport {
  ready: boolean;
  findings: Array<DoctorFinding & { name: string }>;
}

export async function runDoctor(checks: readonly DoctorCheck[]): Promise<DoctorReport> {
  const findings = [];
  for (const check of checks) {
    try {
      findings.push({ name: check.name, ...(await check.run()) });
    } catch (error) {
      findings.push({
        name: check.name,
        status: 'fail' as const,
        detail: error instanceof Error ? error.message : String(error),
      });
    }
  }
  return { ready: findings.every((finding) => finding.status !== 'fail'), findings };
}

const symbols: Record<DoctorStatus, string> = { ok: '✓', info: '•', warn: '!', fail: '✗' };

export function formatDoctorReport(report: DoctorReport): string {
  const width = Math.max(...report.findings.map((finding) => finding.name.length), 10);
  const lines = report.findings.map(
    (finding) => `  ${symbols[finding.status]} ${finding.name.padEnd(width)}  ${finding.detail}`,
  );
  return [
    'SpareFlow doctor',
    ...lines,
    '',
    report.ready ? 'Result: ready' : 'Result: NOT ready',
  ].join('\n');
}
