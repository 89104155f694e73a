import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { z } from 'zod';
import { DomainError } from '../../../shared/ipc/errors';
import { lineFields } from '../../core/manifests/mapping/fields';
import { rejectedResult, type ImportFileResult } from '../../core/manifests/import/import-service';
import type { SavedMapping } from '../../core/manifests/mapping/header-detect';
import { normaliseMappingKeys } from '../../core/manifests/mapping/synonyms';
import { importAndScore } from '../../core/risk/risk-service';
import type { CliIo } from '../io';
import { sessionOptions } from '../options';
import { withSession, type SessionOptions } from '../session';
import { VerdictFailed } from './maintenance';

type Run = (task: () => Promise<void>) => Promise<void>;

/** `--mapping FILE`: `{ "header text as in the file": "containerNumber" | … | null }`. */
const MappingFile = z.record(z.string(), z.enum(lineFields).nullable());

function readMappingFile(file: string): SavedMapping {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new DomainError('INVALID_ARGUMENT', `${file}: ${(error as Error).message}`, { detail: `${file}: ${(error as Error).message}` });
  }
  const parsed = MappingFile.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const message = `${file}: "${issue?.path.join('.')}" must be one of ${lineFields.join(', ')} or null`;
    throw new DomainError('INVALID_ARGUMENT', message, { detail: message });
  }
  return normaliseMappingKeys(parsed.data);
}

export function registerImportCommand(program: Command, io: CliIo, run: Run): void {
  sessionOptions(
    program
      .command('import <files...>')
      .description('Import manifests (xlsx, xls, ods, csv/tsv, UN/EDIFACT CUSCAR); one JSON result per file; exit 1 if any file was rejected'),
  )
    .option('--mapping <file>', 'JSON column mapping: {"header text": "containerNumber" | "blNumber" | … | null}')
    .option('--sender <label>', 'who sent the files (kept with the manifest)')
    .action((files: string[], options: SessionOptions & { mapping?: string; sender?: string }) =>
      run(async () => {
        const mapping = options.mapping ? readMappingFile(options.mapping) : undefined;
        const results = await withSession(options, io, async (services) => {
          const store = services.sessions.store();
          const actor = services.sessions.actor();
          const out: ImportFileResult[] = [];
          for (const file of files) {
            let bytes: Uint8Array;
            try {
              bytes = readFileSync(file);
            } catch (error) {
              const failure = new DomainError('FILE_UNREADABLE', `${file}: ${(error as Error).message}`, {
                file: path.basename(file),
                detail: (error as NodeJS.ErrnoException).code ?? (error as Error).message,
              });
              out.push(rejectedResult(file, failure, io.language));
              continue;
            }
            const result = await importAndScore(
              store,
              actor,
              { name: path.basename(file), bytes },
              {
                language: io.language,
                clock: () => new Date(),
                ...(mapping ? { mappingOverride: mapping } : {}),
                ...(options.sender ? { sender: options.sender } : {}),
              },
              (error, indicatorId) =>
                io.stderr(`pcu: ${file}: scoring failed${indicatorId ? ` (indicator ${indicatorId})` : ''}: ${error instanceof Error ? error.message : String(error)}\n`),
            );
            out.push({ ...result, file });
          }
          return out;
        });
        if (options.json) {
          io.stdout(`${JSON.stringify(results, null, 2)}\n`);
        } else {
          for (const result of results) {
            if (result.status === 'rejected') {
              io.stderr(`pcu: ${result.error?.message ?? result.file}\n`);
              continue;
            }
            io.stdout(
              `${result.file}: ${result.status} (${result.format}) manifest ${result.manifestId}, ${result.vessel ?? '?'} ${result.voyage ?? ''}, ` +
                `${result.lines} lines, ${result.containers} containers, ${result.totalGrossWeightKg} kg, ${result.problems.length} problems\n`,
            );
          }
        }
        if (results.some((result) => result.status === 'rejected')) throw new VerdictFailed();
      }),
    );
}
