import assert from 'node:assert/strict';

/** Whether the suite runs in CI (`.ci/run` exports CI=1), where a missing prerequisite is a failure. */
export function runsInCi(): boolean {
  const value = process.env.CI;
  return value !== undefined && value !== '' && value !== '0' && value.toLowerCase() !== 'false';
}

/**
 * A test's prerequisite that a developer machine may lack: `missing` says what is missing and
 * how to get it, or is `undefined` when all is there. In CI its absence fails the test, so a
 * suite never passes there by skipping; elsewhere the test is skipped with the same message.
 */
export function prerequisiteOrSkip(context: Mocha.Context, missing: string | undefined): void {
  if (missing === undefined) return;
  if (runsInCi()) assert.fail(`required in CI: ${missing}`);
  console.warn(`    skipped: ${missing}`);
  context.skip();
}
