import { createPlatformAdmin } from '../../modules/identity/index.js';
import { isAppError } from '../../platform/errors/app-error.js';
import { withContainer } from '../cli-context.js';

/** `spareflow admin create`: the only way a platform administrator comes to exist. */
export async function adminCreateCommand(options: {
  email: string;
  name: string;
  password?: string;
}): Promise<void> {
  const password = options.password ?? (await readPasswordFromStdin());
  try {
    await withContainer({ migrate: true }, async (container) => {
      const { user, organization } = await createPlatformAdmin(container.identity, {
        email: options.email,
        name: options.name,
        password,
      });
      process.stdout.write(
        `Platform administrator ${user.email} created in ${organization.name} (${user.id}).\n`,
      );
    });
  } catch (error) {
    if (!isAppError(error)) throw error;
    const fields =
      error.errors?.map((field) => `\n  - ${field.path}: ${field.message}`).join('') ?? '';
    process.stderr.write(`Could not create the administrator: ${error.message}${fields}\n`);
    process.exitCode = 1;
  }
}

/** Reads the password from standard input so it never appears in shell history or `ps`. */
async function readPasswordFromStdin(): Promise<string> {
  if (process.stdin.isTTY) process.stderr.write('Password (input is read from stdin): ');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) {
    chunks.push(chunk as Buffer);
    if (process.stdin.isTTY && chunk.toString().includes('\n')) break;
  }
  return Buffer.concat(chunks).toString('utf8').split('\n')[0]?.trim() ?? '';
}
