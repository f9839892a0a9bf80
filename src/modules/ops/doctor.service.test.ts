import { describe, expect, it } from 'vitest';
import {
  formatDoctorReport,
  runDoctor,
  type DoctorCheck,
  type DoctorFinding,
} from './doctor.service.js';

const check = (name: string, finding: DoctorFinding): DoctorCheck => ({
  name,
  run: async () => finding,
});

const throwing = (name: string, error: unknown): DoctorCheck => ({
  name,
  run: async () => {
    throw error;
  },
});

describe('runDoctor', () => {
  it('is ready when nothing fails, whatever the warnings and notes', async () => {
    const report = await runDoctor([
      check('database', { status: 'ok', detail: 'reachable' }),
      check('dtdc', { status: 'info', detail: 'sandbox mode' }),
      check('jobs', { status: 'warn', detail: '3 failed jobs' }),
    ]);
    expect(report.ready).toBe(true);
    expect(report.findings).toEqual([
      { name: 'database', status: 'ok', detail: 'reachable' },
      { name: 'dtdc', status: 'info', detail: 'sandbox mode' },
      { name: 'jobs', status: 'warn', detail: '3 failed jobs' },
    ]);
  });

  it('is not ready when one check reports a failure', async () => {
    const report = await runDoctor([
      check('database', { status: 'ok', detail: 'reachable' }),
      check('migrations', { status: 'fail', detail: '2 pending' }),
    ]);
    expect(report.ready).toBe(false);
    expect(report.findings.map((finding) => finding.status)).toEqual(['ok', 'fail']);
  });

  it('turns a throwing check into a failure carrying its message and runs the rest', async () => {
    const report = await runDoctor([
      throwing('database', new Error('connect ECONNREFUSED 127.0.0.1:5432')),
      throwing('smtp', 'timeout'),
      check('disk', { status: 'ok', detail: '12 GB free' }),
    ]);
    expect(report.ready).toBe(false);
    expect(report.findings).toEqual([
      { name: 'database', status: 'fail', detail: 'connect ECONNREFUSED 127.0.0.1:5432' },
      { name: 'smtp', status: 'fail', detail: 'timeout' },
      { name: 'disk', status: 'ok', detail: '12 GB free' },
    ]);
  });

  it('is ready with no checks at all', async () => {
    expect(await runDoctor([])).toEqual({ ready: true, findings: [] });
  });
});

describe('formatDoctorReport', () => {
  it('aligns the details after the longest name and ends with the verdict', () => {
    const text = formatDoctorReport({
      ready: false,
      findings: [
        { name: 'database', status: 'ok', detail: 'reachable' },
        { name: 'dtdc-tracking-credentials', status: 'fail', detail: 'missing' },
        { name: 'jobs', status: 'warn', detail: '3 failed' },
        { name: 'openai', status: 'info', detail: 'sandbox' },
      ],
    });
    const lines = text.split('\n');
    expect(lines[0]).toBe('SpareFlow doctor');
    expect(lines.slice(1, 5)).toEqual([
      '  ✓ database                   reachable',
      '  ✗ dtdc-tracking-credentials  missing',
      '  ! jobs                       3 failed',
      '  • openai                     sandbox',
    ]);
    expect(lines.at(-2)).toBe('');
    expect(lines.at(-1)).toBe('Result: NOT ready');
  });

  it('pads short names to at least ten characters and reports readiness', () => {
    const text = formatDoctorReport({
      ready: true,
      findings: [{ name: 'db', status: 'ok', detail: 'reachable' }],
    });
    expect(text.split('\n')[1]).toBe(`  ✓ ${'db'.padEnd(10)}  reachable`);
    expect(text.endsWith('\nResult: ready')).toBe(true);
  });
});
