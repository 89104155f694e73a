import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  findInlineSuppressions,
  formatFinding,
  isScannedByElectronegativity,
  judge,
  parseAllowlist,
  parseScannerResult,
  repoPath,
  summarise,
  type Finding,
} from '../security/scan-findings';

/** Shaped as @doyensec/electronegativity 1.10.3's run() answers (after JSON, as the scan reads it). */
const scannerOutput = `{
  "globalChecks": 5,
  "atomicChecks": 36,
  "errors": [
    { "file": "renderer/src/broken.tsx", "message": "Unexpected token (3:4)", "tolerable": false },
    { "file": "main\\\\legacy.js", "message": "Unexpected token", "tolerable": true }
  ],
  "issues": [
    {
      "file": "main\\\\electron\\\\window.ts", "location": { "line": 67, "column": 17 },
      "id": "SANDBOX_JS_CHECK", "description": "Use sandbox for untrusted origins",
      "severity": { "value": 2, "name": "MEDIUM" }, "confidence": { "value": 1, "name": "FIRM" },
      "manualReview": false, "sample": "const window = new BrowserWindow(mainWindowOptions(options));",
      "shortenedURL": "https://git.io/JeuM2", "properties": null
    },
    {
      "file": "N/A", "location": { "line": 0, "column": 0 },
      "id": "LIMIT_NAVIGATION_GLOBAL_CHECK", "description": "Missing navigation limits using .on new-window and will-navigate events",
      "severity": { "value": 3, "name": "HIGH" }, "confidence": { "value": 2, "name": "CERTAIN" }, "manualReview": false
    },
    {
      "file": "renderer/index.html", "location": { "line": 6, "column": 0 },
      "id": "CSP_GLOBAL_CHECK", "description": "One or more CSP directives detected seems to be vulnerable",
      "severity": { "value": 1, "name": "LOW" }, "confidence": { "value": 1, "name": "FIRM" },
      "sample": "default-src 'none'; script-src 'self'", "manualReview": true
    }
  ]
}`;

const scan = () => parseScannerResult(JSON.parse(scannerOutput));

describe("parsing electronegativity's result", () => {
  it('reads each issue as a finding with a repository path, check id and location', () => {
    const result = scan();
    expect(result.checks).toBe(41);
    expect(result.findings).toEqual([
      {
        check: 'SANDBOX_JS_CHECK',
        file: 'main/electron/window.ts',
        line: 67,
        column: 17,
        description: 'Use sandbox for untrusted origins',
        severity: 'MEDIUM',
        confidence: 'FIRM',
        manualReview: false,
        sample: 'const window = new BrowserWindow(mainWindowOptions(options));',
      },
      {
        check: 'LIMIT_NAVIGATION_GLOBAL_CHECK',
        file: 'N/A',
        line: 0,
        column: 0,
        description: 'Missing navigation limits using .on new-window and will-navigate events',
        severity: 'HIGH',
        confidence: 'CERTAIN',
        manualReview: false,
      },
      expect.objectContaining({ check: 'CSP_GLOBAL_CHECK', file: 'renderer/index.html', manualReview: true }),
    ]);
  });

  it('keeps the files the scanner could not parse', () => {
    expect(scan().unparsed).toEqual([
      { file: 'renderer/src/broken.tsx', message: 'Unexpected token (3:4)', tolerable: false },
      { file: 'main/legacy.js', message: 'Unexpected token', tolerable: true },
    ]);
  });

  it('refuses a result of another shape instead of reading it as "no findings"', () => {
    expect(() => parseScannerResult({ issues: [] })).toThrow(/unexpected result shape/);
    expect(() => parseScannerResult(JSON.parse(scannerOutput.replace('"id": "SANDBOX_JS_CHECK"', '"id": 7')))).toThrow(
      /issues/,
    );
  });

  it('normalises paths to the repository form', () => {
    expect(repoPath('main\\electron\\ipc.ts')).toBe('main/electron/ipc.ts');
    expect(repoPath('./renderer/index.html')).toBe('renderer/index.html');
    expect(repoPath('N/A')).toBe('N/A');
  });

  it('prints file:line:column, the check id and the description', () => {
    const [sandbox, navigation] = scan().findings as [Finding, Finding];
    expect(formatFinding(sandbox)).toBe(
      '  main/electron/window.ts:67:17  SANDBOX_JS_CHECK (MEDIUM, FIRM)\n' +
        '      Use sandbox for untrusted origins\n' +
        '      const window = new BrowserWindow(mainWindowOptions(options));',
    );
    expect(formatFinding(navigation)).toMatch(/^ {2}\(whole app\) {2}LIMIT_NAVIGATION_GLOBAL_CHECK \(HIGH, CERTAIN\)\n/);
  });
});

describe('the allowlist file', () => {
  const entry = { check: 'CSP_GLOBAL_CHECK', file: 'renderer/index.html', reason: "'self' serves only the renderer build" };

  it('accepts entries with a check id, a repository path (or N/A) and a reason', () => {
    const text = JSON.stringify([entry, { check: 'LIMIT_NAVIGATION_GLOBAL_CHECK', file: 'N/A', reason: 'x' }]);
    expect(parseAllowlist(text, 'allow.json')).toHaveLength(2);
  });

  it.each([
    ['an empty reason', { ...entry, reason: '   ' }, /reason is required/],
    ['a missing reason', { check: entry.check, file: entry.file }, /reason/],
    ['a lower-case check id', { ...entry, check: 'csp_global_check' }, /check id/],
    ['an absolute path', { ...entry, file: '/work/main/renderer/index.html' }, /relative to the repository root/],
    ['a Windows path', { ...entry, file: 'renderer\\index.html' }, /separator/],
    ['a path leaving the repository', { ...entry, file: 'renderer/../../x.html' }, /plain path/],
    ['an unknown key', { ...entry, line: 6 }, /line/],
  ])('refuses %s', (_what, bad, message) => {
    expect(() => parseAllowlist(JSON.stringify([bad]), 'allow.json')).toThrow(message);
  });

  it('refuses duplicates and text that is not JSON, naming the file', () => {
    expect(() => parseAllowlist(JSON.stringify([entry, { ...entry, reason: 'again' }]), 'allow.json')).toThrow(/duplicate/);
    expect(() => parseAllowlist('[{"check": ', 'allow.json')).toThrow(/^allow\.json: not valid JSON/);
  });

  it("holds only valid entries in the repository's copy", () => {
    const file = path.resolve(import.meta.dirname, '../security/electronegativity-allowlist.json');
    expect(() => parseAllowlist(readFileSync(file, 'utf8'), file)).not.toThrow();
  });
});

describe('judging findings against the allowlist', () => {
  const allow = (check: string, file: string) => ({ check, file, reason: 'false positive' });

  it('explains a finding by check id and file, at any line', () => {
    const verdict = judge(scan().findings, [allow('SANDBOX_JS_CHECK', 'main/electron/window.ts')]);
    expect(verdict.allowed.map(({ finding }) => finding.check)).toEqual(['SANDBOX_JS_CHECK']);
    expect(verdict.unexpected.map((finding) => finding.check)).toEqual(['LIMIT_NAVIGATION_GLOBAL_CHECK', 'CSP_GLOBAL_CHECK']);
    expect(verdict.stale).toEqual([]);
  });

  it('does not explain the same check in another file, or another check in the same file', () => {
    const verdict = judge(scan().findings, [
      allow('SANDBOX_JS_CHECK', 'main/electron/other-window.ts'),
      allow('CONTEXT_ISOLATION_JS_CHECK', 'main/electron/window.ts'),
    ]);
    expect(verdict.unexpected).toHaveLength(3);
    expect(verdict.stale).toHaveLength(2);
  });

  it('explains whole-app findings only by an N/A entry', () => {
    expect(judge(scan().findings, [allow('LIMIT_NAVIGATION_GLOBAL_CHECK', 'N/A')]).allowed).toHaveLength(1);
  });

  it('reports entries that match nothing as stale', () => {
    const stale = allow('OPEN_EXTERNAL_JS_CHECK', 'main/electron/security.ts');
    expect(judge(scan().findings, [stale]).stale).toEqual([stale]);
    expect(judge([], [stale]).stale).toEqual([stale]);
  });
});

describe('inline suppressions', () => {
  it('finds eng-disable comments in JS and HTML, with file and line', () => {
    const found = findInlineSuppressions([
      { path: 'main/electron/window.ts', text: 'const a = 1;\nnew BrowserWindow(o); // eng-disable SANDBOX_JS_CHECK\n' },
      { path: 'main/electron/ipc.ts', text: '/* ENG-DISABLE PRELOAD_JS_CHECK */\nexport {};' },
      { path: 'renderer/index.html', text: '<html>\n<!-- eng-disable CSP_HTML_CHECK -->' },
      { path: 'main/core/notes.ts', text: "const word = 'eng-disabled features are not comments';" },
    ]);
    expect(found).toEqual([
      { file: 'main/electron/window.ts', line: 2, text: 'new BrowserWindow(o); // eng-disable SANDBOX_JS_CHECK' },
      { file: 'main/electron/ipc.ts', line: 1, text: '/* ENG-DISABLE PRELOAD_JS_CHECK */' },
      { file: 'renderer/index.html', line: 2, text: '<!-- eng-disable CSP_HTML_CHECK -->' },
    ]);
  });

  it('knows which files the scanner reads', () => {
    expect(isScannedByElectronegativity('main/electron/window.ts')).toBe(true);
    expect(isScannedByElectronegativity('renderer/src/main.tsx')).toBe(true);
    expect(isScannedByElectronegativity('renderer/index.html')).toBe(true);
    expect(isScannedByElectronegativity('renderer/src/app.css')).toBe(false);
    expect(isScannedByElectronegativity('main/node_modules/x/index.js')).toBe(false);
  });
});

describe('the summary line', () => {
  const summary = (overrides: { files?: number; allowlist?: { check: string; file: string; reason: string }[] } = {}) => {
    const result = scan();
    const allowlist = overrides.allowlist ?? [
      { check: 'SANDBOX_JS_CHECK', file: 'main/electron/window.ts', reason: 'r' },
      { check: 'LIMIT_NAVIGATION_GLOBAL_CHECK', file: 'N/A', reason: 'r' },
      { check: 'CSP_GLOBAL_CHECK', file: 'renderer/index.html', reason: 'r' },
    ];
    return summarise({
      files: overrides.files ?? 12,
      roots: ['main', 'renderer'],
      result: { ...result, unparsed: [] },
      verdict: judge(result.findings, allowlist),
      suppressions: [],
    });
  };

  it('passes when every finding is allowlisted and every entry is used', () => {
    expect(summary()).toEqual({
      failed: false,
      line:
        'electronegativity: passed: 12 files in main/, renderer/ checked by 41 checks; 3 findings ' +
        '(3 allowlisted, 0 not allowlisted), 0 stale allowlist entries, 0 inline suppressions, 0 unparsed files',
    });
  });

  it('fails on a finding not allowlisted, a stale entry, or nothing scanned', () => {
    expect(summary({ allowlist: [] }).failed).toBe(true);
    expect(summary({ allowlist: [] }).line).toContain('FAILED');
    expect(
      summary({
        allowlist: [
          { check: 'SANDBOX_JS_CHECK', file: 'main/electron/window.ts', reason: 'r' },
          { check: 'LIMIT_NAVIGATION_GLOBAL_CHECK', file: 'N/A', reason: 'r' },
          { check: 'CSP_GLOBAL_CHECK', file: 'renderer/index.html', reason: 'r' },
          { check: 'SANDBOX_JS_CHECK', file: 'main/gone.ts', reason: 'r' },
        ],
      }).failed,
    ).toBe(true);
    expect(summary({ files: 0 }).failed).toBe(true);
  });

  it('fails on an unparsed file or an inline suppression, but not on a file parsed with recovered errors', () => {
    const result = scan();
    const verdict = judge(result.findings, [
      { check: 'SANDBOX_JS_CHECK', file: 'main/electron/window.ts', reason: 'r' },
      { check: 'LIMIT_NAVIGATION_GLOBAL_CHECK', file: 'N/A', reason: 'r' },
      { check: 'CSP_GLOBAL_CHECK', file: 'renderer/index.html', reason: 'r' },
    ]);
    const base = { files: 12, roots: ['main'], verdict, suppressions: [] };
    expect(summarise({ ...base, result }).failed).toBe(true);
    expect(summarise({ ...base, result: { ...result, unparsed: result.unparsed.filter((e) => e.tolerable) } }).failed).toBe(false);
    expect(
      summarise({ ...base, result: { ...result, unparsed: [] }, suppressions: [{ file: 'main/a.ts', line: 1, text: '// eng-disable X' }] })
        .failed,
    ).toBe(true);
  });
});
