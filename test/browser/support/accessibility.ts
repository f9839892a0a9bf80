import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

// axe-core in the journeys: its source is evaluated in the page through playwright-core (a
// DevTools evaluation, which the page's CSP does not restrict; nothing is downloaded), then
// `axe.run` checks the page as it is drawn. Free of Vitest so scripts can use it too.

const require = createRequire(import.meta.url);
const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** Impacts that fail a journey; "minor" and "moderate" findings are reported by axe but let pass. */
export const failingImpacts = ['serious', 'critical'] as const;

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: Array<{ target: string; summary: string }>;
}

const visited = new WeakMap<Page, Set<string>>();
const checked = new WeakMap<Page, Set<string>>();
const exempt = new WeakMap<Page, Map<string, string>>();

/** The path a check or a visit is recorded under (query and hash left out). */
function pathOf(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return url;
  }
}

/** Records every page (path) the page's main frame shows, SPA navigations included. */
export function trackVisitedPages(page: Page): void {
  const paths = new Set<string>();
  visited.set(page, paths);
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame() && frame.url().startsWith('http'))
      paths.add(pathOf(frame.url()));
  });
}

/**
 * A path the journey only passes through (a redirect it tests): no page of its own to check.
 * `reason` says why, for whoever reads the journey.
 */
export function passesThrough(page: Page, path: string, reason: string): void {
  const paths = exempt.get(page) ?? new Map<string, string>();
  paths.set(path, reason);
  exempt.set(page, paths);
}

/** Runs axe-core on the page as drawn now; returns every violation (all impacts). */
export async function runAxe(page: Page): Promise<AxeViolation[]> {
  // Let fades and slides end (a dialog fading in is half transparent: its colours are not yet
  // its own); endless ones, such as loaders, are left running.
  await page.evaluate(`Promise.all(
    document.getAnimations()
      .filter((animation) => animation.effect?.getComputedTiming().iterations !== Infinity)
      .map((animation) => animation.finished.catch(() => undefined)),
  )`);
  const loaded = await page.evaluate('typeof window.axe !== "undefined"');
  if (!loaded) await page.evaluate(axeSource);
  const violations = (await page.evaluate(`
    axe.run(document, { resultTypes: ['violations'] }).then((result) =>
      result.violations.map((violation) => ({
        id: violation.id,
        impact: violation.impact,
        help: violation.help,
        helpUrl: violation.helpUrl,
        nodes: violation.nodes.slice(0, 5).map((node) => ({
          target: node.target.join(' '),
          summary: node.failureSummary || '',
        })),
      })),
    )
  `)) as AxeViolation[];
  const paths = checked.get(page) ?? new Set<string>();
  paths.add(pathOf(page.url()));
  checked.set(page, paths);
  return violations;
}

/** The serious and critical violations, as a readable list (empty when there are none). */
export function describeFailures(violations: AxeViolation[], where: string): string {
  const failing = violations.filter((violation) =>
    (failingImpacts as readonly string[]).includes(violation.impact ?? ''),
  );
  if (failing.length === 0) return '';
  const lines = failing.flatMap((violation) => [
    `  - [${violation.impact}] ${violation.id}: ${violation.help} (${violation.helpUrl})`,
    ...violation.nodes.map(
      (node) => `      ${node.target}\n        ${node.summary.replace(/\n/g, '\n        ')}`,
    ),
  ]);
  return `axe-core: ${failing.length} serious or critical violation(s) on ${where}:\n${lines.join('\n')}`;
}

/** Runs axe on the page; throws listing every serious or critical violation. */
export async function expectAccessible(page: Page, label?: string): Promise<void> {
  const where = label ? `${label} (${pathOf(page.url())})` : pathOf(page.url());
  const failures = describeFailures(await runAxe(page), where);
  if (failures) throw new Error(failures);
}

/** Pages the page showed that no axe check has seen (and that are not passed through). */
export function uncheckedPages(page: Page): string[] {
  const seen = checked.get(page) ?? new Set<string>();
  const skipped = exempt.get(page) ?? new Map<string, string>();
  return [...(visited.get(page) ?? [])].filter((path) => !seen.has(path) && !skipped.has(path));
}
