import { z } from 'zod';

/**
 * The pure half of the Electronegativity scan (test/security/electronegativity.ts):
 * what the scanner returned, which findings the allowlist explains, and what to print.
 * No file system, no process: the unit test feeds it small fixtures.
 */

/** Electronegativity's file name for findings about the whole app (a missing handler, no CSP). */
export const WHOLE_APP = 'N/A';

const Level = z.object({ name: z.string().min(1) });

/** One issue as `@doyensec/electronegativity`'s run() returns it; only the fields read here. */
const ScannerIssue = z.object({
  id: z.string().min(1),
  file: z.string().min(1),
  location: z.object({ line: z.number().int().nonnegative(), column: z.number().int().nonnegative() }),
  description: z.string(),
  severity: Level,
  confidence: Level,
  manualReview: z.boolean().optional(),
  sample: z.string().optional(),
});

/** A file the scanner could not parse (tolerable: parsed with recovered errors). */
const ScannerError = z.object({ file: z.string(), message: z.string(), tolerable: z.boolean() });

/**
 * run()'s answer. Parsed rather than trusted: a changed result shape after an
 * upgrade must fail the scan loudly, not read as "no findings".
 */
export const ScannerResult = z.object({
  globalChecks: z.number().int().nonnegative(),
  atomicChecks: z.number().int().nonnegative(),
  issues: z.array(ScannerIssue),
  errors: z.array(ScannerError),
});

export interface Finding {
  readonly check: string;
  /** Path relative to the repository root with `/`, or WHOLE_APP. */
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly description: string;
  readonly severity: string;
  readonly confidence: string;
  /** The scanner marks findings it cannot decide by itself ("review required"). */
  readonly manualReview: boolean;
  readonly sample?: string;
}

export interface UnparsedFile {
  readonly file: string;
  readonly message: string;
  /** Parsed with recovered errors: scanned, but maybe not completely. */
  readonly tolerable: boolean;
}

export interface ScanResult {
  readonly checks: number;
  readonly findings: readonly Finding[];
  readonly unparsed: readonly UnparsedFile[];
}

/**
 * The scanner reports paths relative to its input directory, which mirrors the
 * repository layout (main/…, renderer/…); normalise Windows separators.
 */
export function repoPath(scannerFile: string): string {
  if (scannerFile === WHOLE_APP) return WHOLE_APP;
  return scannerFile.replaceAll('\\', '/').replace(/^\.\//, '');
}

export function parseScannerResult(raw: unknown): ScanResult {
  const parsed = ScannerResult.safeParse(raw);
  if (!parsed.success) {
    throw new Error(`electronegativity returned an unexpected result shape:\n${z.prettifyError(parsed.error)}`);
  }
  const { globalChecks, atomicChecks, issues, errors } = parsed.data;
  return {
    checks: globalChecks + atomicChecks,
    findings: issues.map((issue) => ({
      check: issue.id,
      file: repoPath(issue.file),
      line: issue.location.line,
      column: issue.location.column,
      description: issue.description,
      severity: issue.severity.name,
      confidence: issue.confidence.name,
      manualReview: issue.manualReview ?? false,
      ...(issue.sample === undefined ? {} : { sample: issue.sample }),
    })),
    unparsed: errors.map((error) => ({ file: repoPath(error.file), message: error.message, tolerable: error.tolerable })),
  };
}

const repoRelativeFile = z
  .string()
  .min(1)
  .refine((file) => file === WHOLE_APP || (!file.startsWith('/') && !/^[A-Za-z]:/.test(file)), 'must be relative to the repository root')
  .refine((file) => !file.includes('\\'), 'use / as the separator')
  .refine((file) => !file.split('/').includes('..') && !file.startsWith('./'), 'must be a plain path such as renderer/index.html');

export const AllowlistEntry = z
  .object({
    /** The scanner's check id, e.g. CSP_GLOBAL_CHECK. */
    check: z.string().regex(/^[A-Z0-9_]+$/, 'must be an electronegativity check id such as CSP_GLOBAL_CHECK'),
    /** Relative to the repository root, or "N/A" for a finding about the whole app. */
    file: repoRelativeFile,
    /** Why this is not a problem: shown to whoever reads the scan. */
    reason: z.string().trim().min(1, 'a reason is required'),
  })
  .strict();
export type AllowlistEntry = z.infer<typeof AllowlistEntry>;

export const Allowlist = z.array(AllowlistEntry).superRefine((entries, ctx) => {
  const seen = new Set<string>();
  for (const [index, entry] of entries.entries()) {
    const key = `${entry.check} ${entry.file}`;
    if (seen.has(key)) ctx.addIssue({ code: 'custom', path: [index], message: `duplicate entry for ${entry.check} in ${entry.file}` });
    seen.add(key);
  }
});

/** Parses the allowlist file's text; the error names the file and each bad entry. */
export function parseAllowlist(text: string, source: string): AllowlistEntry[] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`${source}: not valid JSON: ${(error as Error).message}`);
  }
  const parsed = Allowlist.safeParse(json);
  if (!parsed.success) throw new Error(`${source}: invalid allowlist:\n${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

/**
 * An entry explains every finding of its check in its file, at any line (lines move
 * with every edit). Hazard: a second, real finding of the same check in the same
 * file is explained too; entries name the narrowest file, and the scan prints every
 * allowlisted finding so a reviewer sees what each entry covers.
 */
const covers = (entry: AllowlistEntry, finding: Finding) => entry.check === finding.check && entry.file === finding.file;

export interface Verdict {
  readonly unexpected: readonly Finding[];
  readonly allowed: readonly { readonly finding: Finding; readonly entry: AllowlistEntry }[];
  /** Entries that match nothing any more: removed so they cannot hide a future finding. */
  readonly stale: readonly AllowlistEntry[];
}

export function judge(findings: readonly Finding[], allowlist: readonly AllowlistEntry[]): Verdict {
  const unexpected: Finding[] = [];
  const allowed: { finding: Finding; entry: AllowlistEntry }[] = [];
  const used = new Set<AllowlistEntry>();
  for (const finding of findings) {
    const entry = allowlist.find((candidate) => covers(candidate, finding));
    if (entry) {
      allowed.push({ finding, entry });
      used.add(entry);
    } else {
      unexpected.push(finding);
    }
  }
  return { unexpected, allowed, stale: allowlist.filter((entry) => !used.has(entry)) };
}

/**
 * Electronegativity drops findings under an `eng-disable` comment before returning
 * them, so no allowlist could see them. Every suppression must go through the
 * allowlist, with a reason: the scan refuses these comments. Same pattern as the
 * scanner's (util/exceptions.js), JS and HTML comments.
 */
const inlineSuppression = /(?:\/\*|\/\/|<!--)[ \t]*eng-disable\b/i;

export interface SourceFile {
  /** Relative to the repository root, with `/`. */
  readonly path: string;
  readonly text: string;
}

export interface InlineSuppression {
  readonly file: string;
  readonly line: number;
  readonly text: string;
}

export function findInlineSuppressions(files: readonly SourceFile[]): InlineSuppression[] {
  const found: InlineSuppression[] = [];
  for (const file of files) {
    for (const [index, text] of file.text.split('\n').entries()) {
      if (inlineSuppression.test(text)) found.push({ file: file.path, line: index + 1, text: text.trim() });
    }
  }
  return found;
}

/** The files Electronegativity reads (its util/file.js list_files filter). */
export function isScannedByElectronegativity(file: string): boolean {
  const lower = file.toLowerCase();
  if (lower.split('/').includes('node_modules')) return false;
  return /\.(js|jsx|ts|tsx|html|htm)$/.test(lower) || /(^|\/)(package\.json|package-lock\.json|yarn\.lock)$/.test(lower);
}

export function formatFinding(finding: Finding): string {
  const where = finding.file === WHOLE_APP ? '(whole app)' : `${finding.file}:${finding.line}:${finding.column}`;
  const review = finding.manualReview ? ', review required' : '';
  const sample = finding.sample ? `\n      ${finding.sample.length > 160 ? `${finding.sample.slice(0, 157)}...` : finding.sample}` : '';
  return `  ${where}  ${finding.check} (${finding.severity}, ${finding.confidence}${review})\n      ${finding.description}${sample}`;
}

export interface ScanSummary {
  readonly files: number;
  readonly roots: readonly string[];
  readonly result: ScanResult;
  readonly verdict: Verdict;
  readonly suppressions: readonly InlineSuppression[];
}

/** Whether the scan fails, and the one closing line that says why. */
export function summarise(summary: ScanSummary): { readonly failed: boolean; readonly line: string } {
  const { files, roots, result, verdict, suppressions } = summary;
  const unparsed = result.unparsed.filter((error) => !error.tolerable).length;
  const failed =
    files === 0 || verdict.unexpected.length > 0 || verdict.stale.length > 0 || suppressions.length > 0 || unparsed > 0;
  const line =
    `electronegativity: ${failed ? 'FAILED' : 'passed'}: ${files} files in ${roots.map((root) => `${root}/`).join(', ')} ` +
    `checked by ${result.checks} checks; ${result.findings.length} findings ` +
    `(${verdict.allowed.length} allowlisted, ${verdict.unexpected.length} not allowlisted), ` +
    `${verdict.stale.length} stale allowlist entries, ${suppressions.length} inline suppressions, ${unparsed} unparsed files`;
  return { failed, line };
}
