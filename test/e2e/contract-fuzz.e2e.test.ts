import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { casesOf, type FuzzCase, type FuzzWorld } from '../support/contract-fuzz/fuzz-cases.js';
import { seedWorld, type SeededWorld } from '../support/contract-fuzz/fuzz-world.js';
import {
  operationsOf,
  refResolver,
  type OpenApiDocument,
} from '../support/contract-fuzz/openapi-operations.js';
import { FuzzRunner, undocumentedMethod } from '../support/contract-fuzz/fuzz-runner.js';
import { ResponseContract } from '../support/contract-fuzz/response-contract.js';
import { useTestApp } from '../support/test-app.js';
import { isAllowed } from '../../src/platform/http/route-policy.js';

/**
 * Schemathesis-style contract fuzzing (issue 10): every operation of the served /openapi.json is
 * driven with generated valid and invalid inputs (path parameters of real and random entities,
 * query strings, headers, bodies from the documented schemas and mutations of them, raw bodies),
 * by every kind of caller (those the route policy admits more often), against a seeded world; the
 * first valid writes also five times at once (races), and every method no route takes at each
 * documented path. Fails on any 5xx, any status the document does not list for the operation, a
 * content type it does not list, or a body that does not validate against the documented schema
 * (ajv: 2xx against the response schema, 4xx against the Problem schema with the status's codes).
 *
 * Deterministic: FUZZ_SEED (default below) seeds every operation's cases; FUZZ_RUNS sets the runs
 * per operation (routes that hash passwords get a third); FUZZ_ONLY=<text> drives only the
 * operations whose `METHOD /path` contains it; FUZZ_REPORT=<file> writes every failure (not only
 * the first of each kind) there as JSON lines; FUZZ_COVERAGE=<file> the statuses seen per operation.
 */
const seed = Number(process.env.FUZZ_SEED ?? 20_240_610);
const runs = Number(process.env.FUZZ_RUNS ?? 40);
const only = process.env.FUZZ_ONLY;
const bodyLimitBytes = 64 * 1024;

const testApp = useTestApp({ BODY_LIMIT_BYTES: String(bodyLimitBytes) });
let document: OpenApiDocument;
let world: SeededWorld;

beforeAll(async () => {
  world = await seedWorld(testApp);
  document = (await (await fetch(`${testApp().url}/openapi.json`)).json()) as OpenApiDocument;
}, 120_000);

/** Routes whose every valid call hashes a password with bcrypt (cost 12): a third of the runs. */
const slowRoute = /\/auth\/(login|register|password-change)|\/invitations\/accept/;
/** Calls that take the world apart run last (suspending organizations very last). */
function rankOf(key: string): number {
  if (key.startsWith('POST /api/v1/admin/organizations/')) return key.endsWith('/suspend') ? 2 : 3;
  return /^DELETE |\/(suspend|revoke|reactivate|logout-all)$/.test(key) ? 1 : 0;
}

function fuzzWorld(): FuzzWorld {
  const { ids, values } = world;
  const policies = new Map(
    testApp().http.declaredRoutes.map((route) => [
      `${route.method} ${route.url.replace(/:([A-Za-z0-9_]+)/g, '{$1}')}`,
      route.policy,
    ]),
  );
  const byName: Record<string, readonly string[]> = {
    locationId: ids['locations'] ?? [],
    fromLocationId: ids['locations'] ?? [],
    toLocationId: ids['locations'] ?? [],
    partId: ids['parts'] ?? [],
    replacementPartId: ids['parts'] ?? [],
    organizationId: ids['organizations'] ?? [],
    brandId: ids['organizations'] ?? [],
    partnerId: ids['organizations'] ?? [],
    userId: ids['users'] ?? [],
    jobId: ids['jobs'] ?? [],
    imageId: ids['images'] ?? [],
    email: values['email'] ?? [],
    to: values['email'] ?? [],
    password: values['password'] ?? [],
    currentPassword: values['password'] ?? [],
    token: values['token'] ?? [],
  };
  const bySegment: Record<string, string> = { members: 'users', partners: 'organizations' };
  return {
    actorsFor: (operation) => {
      const policy = policies.get(operation.key) ?? { access: 'public' as const };
      return world.actors.map((actor) => {
        const admitted =
          policy.access === 'public'
            ? actor.caller === undefined
            : actor.caller !== undefined && isAllowed(actor.caller, policy);
        return { actor, weight: admitted ? 4 : 1 };
      });
    },
    context: { resolve: refResolver(document), pools: (name) => byName[name] },
    pathIds: (path, parameter) => {
      if (byName[parameter]) return byName[parameter];
      const segments = path.split('/');
      const before = segments[segments.indexOf(`{${parameter}}`) - 1] ?? '';
      return ids[bySegment[before] ?? before] ?? [];
    },
    csvFiles: world.csvFiles,
    bodyLimitBytes,
  };
}

/** A stable per-operation seed, so adding an operation does not change the others' cases. */
function seedOf(key: string): number {
  let hash = seed | 0;
  for (const char of key) hash = (Math.imul(hash, 31) + char.charCodeAt(0)) | 0;
  return hash;
}

describe('contract fuzzing of /openapi.json', () => {
  it('documents every registered route, each operation with at least one 4xx', () => {
    const operations = operationsOf(document);
    const documented = new Set(operations.map((operation) => operation.key));
    const { http } = testApp();
    const registered = [
      ...http.declaredRoutes.map((route) => `${route.method} ${route.url}`),
      ...http.routeContracts.map((route) => `${route.method} ${route.url}`),
    ].map((route) => route.replace(/:([A-Za-z0-9_]+)/g, '{$1}'));
    expect(registered.filter((route) => !documented.has(route))).toEqual([]);
    for (const operation of operations) {
      const url = operation.path.replace(/\{([A-Za-z0-9_]+)\}/g, ':$1');
      expect(http.hasRoute({ method: operation.method, url }), operation.key).toBe(true);
      // Probes take no input, need no credentials and are never rate limited: no 4xx exists.
      if (['/health/live', '/health/ready', '/metrics'].includes(operation.path)) continue;
      const clientErrors = Object.keys(operation.responses).filter((status) =>
        status.startsWith('4'),
      );
      expect(clientErrors, `${operation.key} documents no 4xx`).not.toEqual([]);
    }
  });

  it('drives every operation with valid and invalid inputs: no 5xx, nothing undocumented', async () => {
    const runner = new FuzzRunner(testApp().url, new ResponseContract(refResolver(document)));
    const fuzz = fuzzWorld();
    const operations = operationsOf(document)
      .filter((operation) => !only || operation.key.includes(only))
      .sort((a, b) => rankOf(a.key) - rankOf(b.key));
    for (const operation of operations) {
      const numRuns = slowRoute.test(operation.key) ? Math.ceil(runs / 3) : runs;
      const cases = fc.sample(casesOf(operation, fuzz), { seed: seedOf(operation.key), numRuns });
      // Races first, while the inputs are new: the first two valid writes, five times at once
      // each (one may succeed, the duplicates must conflict or replay, never fail).
      // Plain printable bodies are the likeliest to pass validation and reach the database.
      const writes = cases.filter(
        (request) =>
          request.kind === 'valid' &&
          request.method !== 'GET' &&
          (typeof request.body !== 'string' ||
            (/^[\x20-\x7e]*$/.test(request.body) && !/\\u[0-9a-f]{4}/i.test(request.body))),
      );
      for (const write of writes.slice(0, 2))
        await Promise.all(Array.from({ length: 5 }, () => runner.check(operation, write)));
      for (const request of cases) await runner.check(operation, request);
    }
    // Methods no route takes at a documented path: 404/405 problem documents, never a 5xx.
    for (const path of new Set(operations.map((operation) => operation.path))) {
      const target = path.replace(/\{[A-Za-z0-9_]+\}/g, () => crypto.randomUUID());
      for (const method of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'QUERY']) {
        // Another route may take it (`GET /parts/import` is `GET /parts/{id}`).
        if (testApp().http.findRoute({ method, url: target })) continue;
        const request: FuzzCase = {
          kind: 'method',
          actor: 'anonymous',
          method,
          target,
          headers: {},
        };
        await runner.check(undocumentedMethod(path, method), request);
      }
    }

    if (process.env.FUZZ_REPORT) await runner.writeReport(process.env.FUZZ_REPORT);
    if (process.env.FUZZ_COVERAGE) await fs.writeFile(process.env.FUZZ_COVERAGE, runner.coverage());
    // The generated inputs must reach the handlers, not stop at validation or authorisation.
    expect(runner.reachedHandlers()).toBeGreaterThan(operations.length * 0.6);
    expect(
      runner.failures.length,
      `${runner.failures.length} of ${runner.requests} responses break the contract (FUZZ_SEED=${seed}):\n\n${runner.report()}`,
    ).toBe(0);
  }, 600_000);
});
