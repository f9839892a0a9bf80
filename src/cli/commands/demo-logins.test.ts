import { describe, expect, it } from 'vitest';
import type { DemoLogin } from '../../modules/ops/index.js';
import { formatDemoLogins } from './demo-logins.js';

const logins: DemoLogin[] = [
  {
    organization: 'SpareFlow Platform',
    organizationType: 'platform',
    role: 'owner',
    email: 'admin@demo.spareflow.in',
  },
  {
    organization: 'Kaveri (demo)',
    organizationType: 'brand',
    role: 'owner',
    email: 'brand@demo.spareflow.in',
  },
  {
    organization: 'Kaveri (demo)',
    organizationType: 'brand',
    role: 'manager',
    email: 'imran@demo.spareflow.in',
  },
  {
    organization: 'Kaveri (demo)',
    organizationType: 'brand',
    role: 'manager',
    email: 'gurpreet@demo.spareflow.in',
  },
  {
    organization: 'Kaveri (demo)',
    organizationType: 'brand',
    role: 'viewer',
    email: 'lakshmi@demo.spareflow.in',
  },
];
const file = '/srv/spareflow/.spareflow/demo-password';

describe('formatDemoLogins', () => {
  it("lists each organization's owner, one member per other role, and the rest as a count", () => {
    const text = formatDemoLogins(logins, { file, value: 'Zq8xP2mKt4Lw', show: false });
    expect(text.split('\n').slice(0, 7)).toEqual([
      'Demo world (sample data, never created in production). Sign in as:',
      '  admin@demo.spareflow.in    owner of SpareFlow Platform',
      '  brand@demo.spareflow.in    owner of Kaveri (demo)',
      'Or as a team member in another role:',
      '  imran@demo.spareflow.in    manager of Kaveri (demo)',
      '  lakshmi@demo.spareflow.in  viewer of Kaveri (demo)',
      '  and 1 more (README, "Demo world")',
    ]);
    expect(text).not.toContain('gurpreet');
  });

  it('shows the password to a terminal, with where it is kept', () => {
    const text = formatDemoLogins(logins, { file, value: 'Zq8xP2mKt4Lw', show: true });
    expect(text).toContain(`Password of every demo login: Zq8xP2mKt4Lw  (kept in ${file})`);
  });

  it('names only the file when the output is not a terminal', () => {
    const text = formatDemoLogins(logins, { file, value: 'Zq8xP2mKt4Lw', show: false });
    expect(text).toContain(`Password of every demo login: in ${file} (shown only in a terminal)`);
    expect(text).not.toContain('Zq8xP2mKt4Lw');
  });

  it('says where to look when this data folder has no password file', () => {
    const text = formatDemoLogins(logins, { file, value: undefined, show: true });
    expect(text).toContain('spareflow seed --demo');
    expect(text).not.toContain(file);
  });
});
