import { formatDoctorReport, runDoctor } from '../../modules/ops/index.js';
import { ConfigError, loadConfig } from '../../config/config.js';
import { withContainer } from '../cli-context.js';

/** `spareflow doctor`: a readiness report of real checks; exits 1 when something fails. */
export async function doctorCommand(): Promise<void> {
  try {
    loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stdout.write(
      `SpareFlow doctor\n  ✗ configuration  ${error.problems.join('; ')}\n\nResult: NOT ready\n`,
    );
    process.exitCode = 1;
    return;
  }
  await withContainer({ migrate: false }, async (container) => {
    const report = await runDoctor(container.doctorChecks);
    process.stdout.write(`${formatDoctorReport(report)}\n`);
    if (!report.ready) process.exitCode = 1;
  });
}
