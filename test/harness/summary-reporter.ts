import type { Reporter, TestModule } from 'vitest/node';

/**
 * Prints the plain closing line CI reads ("tests: N passed, N failed, N skipped")
 * after Vitest's own summary, and lists every skipped test so that a skip is
 * never silent (each skip's reason is printed by the test itself).
 */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    const skippedNames: string[] = [];
    for (const module of testModules) {
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') passed += 1;
        else if (state === 'failed') failed += 1;
        else {
          skipped += 1;
          skippedNames.push(`${module.moduleId.replace(process.cwd() + '/', '')} > ${test.fullName}`);
        }
      }
      if (module.state() === 'failed' && module.children.size === 0) failed += 1;
    }
    for (const name of skippedNames) process.stdout.write(`skipped: ${name}\n`);
    process.stdout.write(`\ntests: ${passed} passed, ${failed} failed, ${skipped} skipped\n`);
  }
}
