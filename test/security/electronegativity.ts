import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { Module, createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import {
  findInlineSuppressions,
  formatFinding,
  isScannedByElectronegativity,
  judge,
  parseAllowlist,
  parseScannerResult,
  summarise,
  type SourceFile,
} from './scan-findings';

/**
 * `npm run scan`: Electronegativity (Doyensec's Electron security linter) over
 * main/ and renderer/. The tool itself never fails a build (its CLI exits 0 with
 * findings), so this script does: every finding must be explained by an entry in
 * electronegativity-allowlist.json, every entry must still match a finding, and no
 * `eng-disable` comment may hide one. Exit 1 otherwise.
 */

const root = path.resolve(import.meta.dirname, '../..');
const scannedRoots = ['main', 'renderer'] as const;
const allowlistFile = path.join(root, 'test/security/electronegativity-allowlist.json');

/**
 * AVAILABLE_SECURITY_FIXES_GLOBAL_CHECK downloads Electron's release list from
 * GitHub on every run, and only judges versions found in a package.json, which
 * main/ and renderer/ do not hold. Electron upgrades are tracked with the
 * dependencies, not by this scan.
 */
const excludedChecks = ['availablesecurityfixesglobalcheck'];

const requireHere = createRequire(import.meta.url);

function listSources(): SourceFile[] {
  const files: SourceFile[] = [];
  for (const top of scannedRoots) {
    for (const entry of readdirSync(path.join(root, top), { recursive: true, withFileTypes: true })) {
      if (!entry.isFile()) continue;
      const file = path.relative(root, path.join(entry.parentPath, entry.name)).replaceAll(path.sep, '/');
      if (isScannedByElectronegativity(file)) files.push({ path: file, text: readFileSync(path.join(root, file), 'utf8') });
    }
  }
  return files.sort((a, b) => a.path.localeCompare(b.path));
}

/**
 * Electronegativity calls `got` at start to fetch translations from an S3 bucket
 * (and from GitHub for the excluded check). Hazard: the scan would reach out of an
 * air-gapped unit at every run, and remote JSON would rewrite the messages this
 * script prints. A stand-in in Node's module cache answers every request with
 * 404 without opening a socket; the tool then keeps its bundled en-US texts.
 * Pinned to @doyensec/electronegativity 1.10.3's use of `got`; re-check on upgrade.
 */
function keepElectronegativityOffline(runnerPath: string): string[] {
  const requested: string[] = [];
  const requireFromTool = createRequire(runnerPath);
  const exports = {
    __esModule: true,
    default: async (url: unknown) => {
      requested.push(String(url));
      return { statusCode: 404, body: '', headers: {} };
    },
  };
  for (const from of ['./locales/i18n.js', './finder/checks/GlobalChecks/AvailableSecurityFixesGlobalCheck.js']) {
    const gotPath = createRequire(requireFromTool.resolve(from)).resolve('got');
    requireHere.cache[gotPath] = Object.assign(new Module(gotPath), { filename: gotPath, loaded: true, exports });
  }
  return requested;
}

/** The installed Electron's version (its package.json only: requiring 'electron' would try to download it). */
function electronVersion(): string {
  const manifest = JSON.parse(readFileSync(requireHere.resolve('electron/package.json'), 'utf8')) as { version: string };
  return manifest.version;
}

type Run = (options: Record<string, unknown>, forCli?: boolean) => Promise<unknown>;

/** Runs the scanner; `refused` lists the URLs it asked for and did not get. */
async function runElectronegativity(input: string): Promise<{ raw: unknown; refused: string[] }> {
  const runnerPath = requireHere.resolve('@doyensec/electronegativity');
  const refused = keepElectronegativityOffline(runnerPath);
  const run = requireHere(runnerPath) as Run;
  const raw = await run(
    {
      input,
      // Without it the tool guesses from a package.json it does not find here, and
      // skips the checks whose verdict depends on Electron's defaults.
      electronVersionOverride: electronVersion(),
      isRelative: true,
      customScan: [],
      excludeFromScan: excludedChecks,
      parserPlugins: [],
    },
    false,
  );
  return { raw, refused };
}

async function main(): Promise<boolean> {
  const allowlist = parseAllowlist(readFileSync(allowlistFile, 'utf8'), path.relative(root, allowlistFile));
  const sources = listSources();
  const suppressions = findInlineSuppressions(sources);

  // One scan over a copy holding both trees: the global checks (CSP, navigation
  // limits, permission handler) must see main's handlers and renderer's index.html
  // together, or each half reports what the other half does.
  const workDir = mkdtempSync(path.join(os.tmpdir(), 'pcu-electronegativity-'));
  let scan: { raw: unknown; refused: string[] };
  try {
    for (const top of scannedRoots) cpSync(path.join(root, top), path.join(workDir, top), { recursive: true });
    scan = await runElectronegativity(workDir);
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }

  const result = parseScannerResult(scan.raw);
  const verdict = judge(result.findings, allowlist);
  const out = (text: string) => process.stdout.write(`${text}\n`);

  for (const url of scan.refused) out(`offline: refused electronegativity's request for ${url}`);

  for (const error of result.unparsed) {
    out(`${error.tolerable ? 'parsed with errors' : 'NOT SCANNED (parse error)'}: ${error.file}: ${error.message}`);
  }
  if (verdict.allowed.length > 0) {
    out('allowlisted findings:');
    for (const { finding, entry } of verdict.allowed) out(`${formatFinding(finding)}\n      allowed: ${entry.reason}`);
  }
  if (verdict.unexpected.length > 0) {
    out('findings not in test/security/electronegativity-allowlist.json (fix them, or allowlist a false positive with its reason):');
    for (const finding of verdict.unexpected) out(formatFinding(finding));
  }
  if (verdict.stale.length > 0) {
    out('stale allowlist entries (they match no finding; remove them):');
    for (const entry of verdict.stale) out(`  ${entry.check} in ${entry.file}`);
  }
  if (suppressions.length > 0) {
    out('eng-disable comments (they hide findings from this scan; use the allowlist with a reason instead):');
    for (const found of suppressions) out(`  ${found.file}:${found.line}  ${found.text}`);
  }

  const { failed, line } = summarise({ files: sources.length, roots: scannedRoots, result, verdict, suppressions });
  out(line);
  return !failed;
}

main().then(
  (passed) => {
    process.exitCode = passed ? 0 : 1;
  },
  (error: unknown) => {
    process.stderr.write(`electronegativity: FAILED: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
