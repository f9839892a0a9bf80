import { describe, expect, it } from 'vitest';
import { desktop, useBrowserHarness } from './support/browser-harness.js';

// The journeys trust the console guard to fail them; this checks that it would.
const harness = useBrowserHarness();

describe('the console guard', () => {
  it('reports console errors and uncaught exceptions, naming them; then starts afresh', async () => {
    const { page, context } = await harness().newPage(desktop);
    await page.goto('/login');
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    await page.evaluate('console.error("boom from the test")');
    await page.evaluate('setTimeout(() => { throw new Error("uncaught from the test") }, 0)');
    await expect
      .poll(() => harness().problems.map((problem) => problem.kind))
      .toEqual(['console', 'pageerror']);
    expect(() => harness().expectNoConsoleErrors()).toThrow(
      /boom from the test[\s\S]*uncaught from the test/,
    );
    // Cleared: the harness's own afterEach now passes.
    expect(harness().problems).toEqual([]);
    await context.close();
  });

  it('ignores 4xx answers, part of the API contract: a refused sign-in is no problem', async () => {
    const { page, context } = await harness().newPage(desktop);
    await page.goto('/login');
    await page.getByLabel('E-mail').fill('nobody@example.in');
    await page.getByLabel(/^Password/).fill('not-the-password-1');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page
      .getByRole('alert')
      .getByText('That e-mail and password do not match an account.')
      .waitFor();
    expect(harness().problems).toEqual([]);
    await context.close();
  });
});
