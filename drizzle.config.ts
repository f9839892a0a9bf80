import { defineConfig } from 'drizzle-kit';

// Migrations are generated offline from the schema (`npm run db:generate`) and committed.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/platform/db/schema.ts',
  out: './drizzle',
});
