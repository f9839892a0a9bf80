import { migrationStatus, runMigrations } from '../../platform/db/migrations.js';
import { withContainer } from '../cli-context.js';

/** `spareflow migrate`: applies committed migrations and the job-queue schema, then reports. */
export async function migrateCommand(): Promise<void> {
  await withContainer({ migrate: false }, async (container) => {
    const { applied } = await runMigrations(container.database.pool);
    await container.jobs.start();
    const status = await migrationStatus(container.database.pool);
    process.stdout.write(
      `Applied ${applied} migration(s); ${status.applied}/${status.total} applied on ${container.database.description}.\n`,
    );
  });
}
