import { describe, expect, it } from 'vitest';
import { desktop, useBrowserHarness } from './support/browser-harness.js';

// The journeys trust the console guard to fail them; this checks that it would.
const harness = useBrowserHarness();

describe('the console guard', () => {
  it('reports console errors and uncaught exceptions, naming them; then starts afresh', async () => {
    const { page, context } = await harness().newPage(desktop);
    await page.goto('/login');
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    await harness().expectAccessible(page, 'the sign-in page');
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
    await harness().expectAccessible(page, 'the sign-in page with its error');
    expect(harness().problems).toEqual([]);
    await context.close();
  });

  it('axe-core fails a page with a serious violation, naming it; a page shown unchecked fails too', async () => {
    const { page, context } = await harness().newPage(desktop);
    await page.goto('/login');
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    // An icon button without a name and grey-on-white text of 1.6:1.
    await page.evaluate(`(() => {
      const button = document.createElement('button');
      button.innerHTML = '<svg width="16" height="16" aria-hidden="true"></svg>';
      const faint = document.createElement('p');
      faint.textContent = 'Faint text';
      faint.style.color = '#cccccc';
      document.querySelector('main').append(button, faint);
    })()`);
    const failure = await harness()
      .expectAccessible(page, 'a spoilt sign-in page')
      .then(() => null)
      .catch((error: Error) => error.message);
    expect(failure).toMatch(/serious or critical violation\(s\) on a spoilt sign-in page/);
    expect(failure).toMatch(/\[critical\] button-name/);
    expect(failure).toMatch(/\[serious\] color-contrast/);

    // /register is shown but never checked: the harness's afterEach would fail on it.
    await page.goto('/register');
    await page.getByRole('button', { name: 'Create account' }).waitFor();
    expect(() => harness().expectEveryPageChecked()).toThrow(
      /without an axe-core check.*\/register/,
    );
    await context.close();
  });
});
