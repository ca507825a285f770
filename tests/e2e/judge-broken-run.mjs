// Reads the TAP output of the browser suite run against a broken app and
// decides whether the suite is honest: every `[app]` test failed, every
// `[static]` (JavaScript off) and `[tool]` (preview server) test passed, and
// every test says what it tests.

import fs from 'node:fs';

const tap = fs.readFileSync(process.argv[2], 'utf8');
const results = [];
for (const line of tap.split('\n')) {
  const match = /^\s*(not ok|ok) \d+ - (.*?)(?: # .*)?$/.exec(line);
  if (match) {
    const [, status, name] = match;
    results.push({ passed: status === 'ok', name, tag: /^\[(app|static|tool)\] /.exec(name)?.[1], suite: false });
  } else if (/^\s*type: 'suite'/.test(line) && results.length > 0) {
    // Suites are reported like tests, with their type in the diagnostics below.
    results[results.length - 1].suite = true;
  }
}

const leaves = results.filter((r) => !r.suite);
const app = leaves.filter((r) => r.tag === 'app');
const stat = leaves.filter((r) => r.tag === 'static' || r.tag === 'tool');
const untagged = leaves.filter((r) => !r.tag);
const passedWithoutApp = app.filter((r) => r.passed);
const failedStatic = stat.filter((r) => !r.passed);

console.log(`${app.length - passedWithoutApp.length} of ${app.length} app tests failed without the app`);
console.log(`${stat.length - failedStatic.length} of ${stat.length} JavaScript-off and tool tests passed without the app`);
for (const r of passedWithoutApp) console.log(`  passed without the app: ${r.name}`);
for (const r of failedStatic) console.log(`  failed although it does not need the app: ${r.name}`);
for (const r of untagged) console.log(`  says neither [app], [static] nor [tool]: ${r.name}`);
const honest = app.length > 0 && stat.length > 0 && passedWithoutApp.length === 0 && failedStatic.length === 0 && untagged.length === 0;
process.exit(honest ? 0 : 1);
