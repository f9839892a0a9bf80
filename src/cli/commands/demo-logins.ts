import type { DemoLogin } from '../../modules/ops/index.js';

/** Where the demo logins' one password is, and whether this output may show it. */
export interface DemoPassword {
  /** The data folder's `demo-password` file. */
  file: string;
  /** Its content, when the file exists. */
  value: string | undefined;
  /**
   * Show the password itself: only to a person at a terminal (stdout is a TTY). Output that is
   * not a terminal — a service manager's journal, a CI log, `docker logs` — is kept and read by
   * others, so it gets the file's path only.
   */
  show: boolean;
}

/** The password line: the password to a person at a terminal, otherwise where it is kept. */
function passwordLine(password: DemoPassword): string {
  if (password.value === undefined)
    return `Password: the one \`spareflow seed --demo\` generated (kept in its data folder's demo-password file).`;
  if (password.show)
    return `Password of every demo login: ${password.value}  (kept in ${password.file})`;
  return `Password of every demo login: in ${password.file} (shown only in a terminal)`;
}

/**
 * The demo logins as the start-up banner and `spareflow seed --demo` print them: each
 * organization's owner, one team member per other role (the rest are in the README), and the
 * password or where it is kept.
 */
export function formatDemoLogins(logins: readonly DemoLogin[], password: DemoPassword): string {
  const owners = logins.filter((login) => login.role === 'owner');
  const firstOfRole = new Map<string, DemoLogin>();
  for (const login of logins)
    if (login.role !== 'owner' && !firstOfRole.has(login.role)) firstOfRole.set(login.role, login);
  const team = [...firstOfRole.values()];
  const width = Math.max(...[...owners, ...team].map((login) => login.email.length));
  const line = (login: DemoLogin) =>
    `  ${login.email.padEnd(width)}  ${login.role} of ${login.organization}`;
  const lines = [
    'Demo world (sample data, never created in production). Sign in as:',
    ...owners.map(line),
  ];
  if (team.length > 0) {
    const rest = logins.length - owners.length - team.length;
    lines.push('Or as a team member in another role:', ...team.map(line));
    if (rest > 0) lines.push(`  and ${rest} more (README, "Demo world")`);
  }
  lines.push(passwordLine(password));
  return lines.join('\n');
}
