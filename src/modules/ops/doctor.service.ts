import type {
  DoctorCheck,
  DoctorFinding,
  DoctorStatus,
} from '../../platform/health/doctor-check.js';

export type {
  DoctorCheck,
  DoctorFinding,
  DoctorStatus,
} from '../../platform/health/doctor-check.js';

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
