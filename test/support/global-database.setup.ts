import type { TestProject } from 'vitest/node';
import { startTestDatabaseServer } from './test-database-server.js';

declare module 'vitest' {
  export interface ProvidedContext {
    testDatabase: { adminUrl: string; templateName: string };
  }
}

/** Once per test run: one server, one migrated template; each test file copies the template. */
export default async function setup(project: TestProject) {
  const server = await startTestDatabaseServer(process.env.TEST_DATABASE_URL || undefined);
  project.provide('testDatabase', { adminUrl: server.adminUrl, templateName: server.templateName });
  return () => server.stop();
}
