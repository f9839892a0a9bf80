import { Command } from 'commander';
import { adminCreateCommand } from './commands/admin.command.js';
import { auditVerifyCommand } from './commands/audit.command.js';
import { doctorCommand } from './commands/doctor.command.js';
import { jobsFailedCommand, jobsRetryCommand } from './commands/jobs.command.js';
import { migrateCommand } from './commands/migrate.command.js';
import { seedCommand } from './commands/seed.command.js';
import { startCommand } from './commands/start.command.js';
import { workerCommand } from './commands/worker.command.js';

const program = new Command()
  .name('spareflow')
  .description(
    'SpareFlow: spare-parts logistics for India. Configuration comes from environment variables (see README).',
  );

program
  .command('start')
  .description(
    'run the API server (and the job worker unless --no-worker or WORKER_IN_PROCESS=false)',
  )
  .option('--no-worker', 'do not run jobs in this process')
  .action(startCommand);
program.command('worker').description('run only the job worker (scale-out)').action(workerCommand);
program.command('migrate').description('apply database migrations').action(migrateCommand);
program
  .command('admin')
  .description('platform administration')
  .command('create')
  .description('create a platform administrator (password from --password or stdin)')
  .requiredOption('--email <email>', 'e-mail address')
  .requiredOption('--name <name>', 'full name')
  .option('--password <password>', 'password (prefer stdin: it stays out of shell history)')
  .action(adminCreateCommand);
program
  .command('seed')
  .description('create sample data')
  .option('--demo', 'create the demo world')
  .action(seedCommand);
program
  .command('doctor')
  .description('check configuration, database, migrations and the job queue')
  .action(doctorCommand);
const jobs = program.command('jobs').description('inspect the durable job queue');
jobs
  .command('failed')
  .description('list failed jobs')
  .option('--limit <n>', 'how many', '50')
  .action(jobsFailedCommand);
jobs.command('retry <queue> <id>').description('re-run a failed job').action(jobsRetryCommand);
program
  .command('audit')
  .description('the tamper-evident audit log')
  .command('verify')
  .description(
    'recompute every audit hash chain and check it against its checkpoints; exits 1 naming the first changed or missing entry of each broken chain',
  )
  .option(
    '--witness <log file>',
    'also check the chain checkpoints logged in this application log (the daily audit.checkpoint job)',
  )
  .action(auditVerifyCommand);

await program.parseAsync(process.argv);
