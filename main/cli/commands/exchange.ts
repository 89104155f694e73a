import { promises as fs } from 'node:fs';
import path from 'node:path';
import { InvalidArgumentError, Option, type Command } from 'commander';
import { z } from 'zod';
import type { ChannelOutput } from '../../../shared/ipc/contract';
import type { ExportRequest } from '../../../shared/ipc/exchange-contract';
import { errorMessage } from '../../../shared/i18n/error-message';
import { DomainError } from '../../../shared/ipc/errors';
import { displayFingerprint } from '../../core/exchange/exchange-service';
import { certificateSha256, readCertificateFile } from '../../core/exchange/package';
import type { Services } from '../../core/services';
import { printResult, type CliIo } from '../io';
import { sessionOptions } from '../options';
import { call, withSession, type SessionOptions } from '../session';
import { VerdictFailed } from './maintenance';

type Run = (task: () => Promise<void>) => Promise<void>;

/**
 * `pcu unit certificate`, `pcu partner add|list|revoke`, `pcu exchange
 * export|import`: the exchange between units over the same channels as the
 * screens. Certificates and packages are files; the CLI reads and writes them
 * and hands their bytes to the services.
 */

const positiveId = (flag: string) => (text: string) => {
  const parsed = z.coerce.number().int().positive().safeParse(text);
  // Commander's own refusal: usage error, exit status 1, help shown (as for any bad option).
  if (!parsed.success) throw new InvalidArgumentError(`${flag} takes a record number, not "${text}"`);
  return parsed.data;
};

const isoDate = (flag: string) => (text: string) => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text) || Number.isNaN(Date.parse(`${text}T00:00:00Z`))) {
    throw new InvalidArgumentError(`${flag} takes a date YYYY-MM-DD, not "${text}"`);
  }
  return text;
};

async function readFileFor(file: string, code: 'EXCHANGE_CERTIFICATE_INVALID' | 'EXCHANGE_NOT_A_PACKAGE'): Promise<Buffer> {
  try {
    return await fs.readFile(file);
  } catch (error) {
    throw new DomainError(code, `Cannot read ${file}: ${(error as Error).message}`, { file });
  }
}

/** Names the file in a refusal the services could only describe by its contents. */
async function naming<T>(file: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof DomainError && error.code.startsWith('EXCHANGE_')) throw new DomainError(error.code, error.message, { ...(error.details ?? {}), file });
    throw error;
  }
}

/** `--to` certificate files → partner ids: each must be the certificate of a partner trusted today. */
async function recipientIds(services: Services, files: readonly string[]): Promise<number[]> {
  if (files.length === 0) return [];
  const partners = await call<ChannelOutput<'exchange.partners.list'>>(services, 'exchange.partners.list');
  const ids: number[] = [];
  for (const file of files) {
    const bytes = await readFileFor(file, 'EXCHANGE_CERTIFICATE_INVALID');
    let fingerprint: string;
    try {
      fingerprint = displayFingerprint(certificateSha256(readCertificateFile(bytes)));
    } catch (error) {
      if (error instanceof DomainError) throw new DomainError(error.code, error.message, { ...(error.details ?? {}), file });
      throw error;
    }
    const partner = partners.find((candidate) => candidate.fingerprint === fingerprint && candidate.state === 'trusted');
    if (!partner) throw new DomainError('EXCHANGE_NOT_A_PARTNER', `${file} is not the certificate of a trusted partner`, { file });
    ids.push(partner.id);
  }
  return ids;
}

/** The alert's reason when the officer gives none: the latest recorded selection reason, else what the score says. */
async function defaultAlertReason(services: Services, consignmentId: number): Promise<string> {
  const detail = await call<ChannelOutput<'targets.detail'>>(services, 'targets.detail', { consignmentId });
  const latest = detail.decisions.at(-1)?.reason;
  if (latest) return latest;
  const ids = detail.fired.map((fired) => fired.id);
  const score = detail.score ? `Risk score ${detail.score.total} (${detail.score.lane})` : 'Not scored';
  return ids.length > 0 ? `${score}; indicators: ${ids.join(', ')}.` : `${score}.`;
}

const addDays = (date: Date, days: number): string => new Date(date.getTime() + days * 86_400_000).toISOString().slice(0, 10);

interface ExportOptions extends SessionOptions {
  readonly alert?: number;
  readonly seizure?: number;
  readonly to?: string[];
  readonly out: string;
  readonly reason?: string;
  readonly severity: 'critical' | 'high' | 'medium' | 'low';
  readonly action: 'examine' | 'scan' | 'monitor' | 'inform';
  readonly expectedArrival?: string;
  readonly validUntil?: string;
  readonly includePersonalData?: boolean;
  readonly photos?: boolean;
  readonly note?: string;
}

/** One file in `pcu exchange import --json`. */
export interface ImportJson {
  file: string;
  status: 'accepted' | 'refused';
  packageId: string | null;
  kind: string | null;
  partner: string | null;
  watchEntries: number;
  error?: { code: string; message: string };
}

export function registerExchangeCommands(program: Command, io: CliIo, run: Run): void {
  const unit = program.commands.find((command) => command.name() === 'unit') ?? program.command('unit').description('This unit');
  sessionOptions(unit.command('certificate').description('Write this unit\'s exchange certificate (PEM) for partner units; created on first use. Prints its fingerprint to read out to them'))
    .requiredOption('--out <file>', 'where to write the certificate (PEM)')
    .action((options: SessionOptions & { out: string }) =>
      run(async () => {
        const certificate = await withSession(options, io, (services) => call<ChannelOutput<'exchange.unitCertificate'>>(services, 'exchange.unitCertificate'));
        await fs.writeFile(options.out, certificate.certificatePem);
        const facts = { file: path.resolve(options.out), fingerprint: certificate.fingerprint, subject: certificate.subject, notBefore: certificate.notBefore, notAfter: certificate.notAfter };
        if (options.json) io.stdout(`${JSON.stringify(facts, null, 2)}\n`);
        else io.stdout(`${certificate.fingerprint}\n`);
      }),
    );

  const partner = program.command('partner').description('Partner units whose exchange packages this unit accepts (administrators add and revoke)');
  sessionOptions(partner.command('add').description('Trust a partner unit\'s exchange certificate (PEM or DER, exchanged in person) under a name'))
    .requiredOption('--cert <file>', 'the partner\'s certificate file')
    .requiredOption('--name <name>', 'the partner unit\'s name, as officers will see it')
    .action((options: SessionOptions & { cert: string; name: string }) =>
      run(async () => {
        const bytes = await readFileFor(options.cert, 'EXCHANGE_CERTIFICATE_INVALID');
        const added = await withSession(options, io, (services) =>
          naming(options.cert, () => call<ChannelOutput<'exchange.partners.add'>>(services, 'exchange.partners.add', { name: options.name, certificateBase64: bytes.toString('base64') })),
        );
        printResult(io, Boolean(options.json), added);
      }),
    );
  sessionOptions(partner.command('list').description('Partner units with their certificate fingerprint and state (trusted, revoked, expired)')).action((options: SessionOptions) =>
    run(async () => {
      const partners = await withSession(options, io, (services) => call<ChannelOutput<'exchange.partners.list'>>(services, 'exchange.partners.list'));
      if (options.json) {
        io.stdout(`${JSON.stringify(partners, null, 2)}\n`);
        return;
      }
      for (const item of partners) io.stdout(`${String(item.id).padStart(3)} ${item.state.padEnd(8)} ${item.name}  ${item.fingerprint}\n`);
    }),
  );
  sessionOptions(partner.command('revoke').description('Stop accepting packages from a partner; what was received stays'))
    .requiredOption('--partner <id>', 'the partner number (pcu partner list)', positiveId('--partner'))
    .requiredOption('--reason <text>', 'why (kept and audited)')
    .action((options: SessionOptions & { partner: number; reason: string }) =>
      run(async () => {
        const revoked = await withSession(options, io, (services) =>
          call<ChannelOutput<'exchange.partners.revoke'>>(services, 'exchange.partners.revoke', { partnerId: options.partner, reason: options.reason }),
        );
        printResult(io, Boolean(options.json), revoked);
      }),
    );

  const exchange = program.command('exchange').description('Signed (and encrypted) alert and seizure-notice packages between units');
  sessionOptions(exchange.command('export').description('Create an alert (from a consignment, ids as in pcu targets --json) or a seizure notice (ids as in pcu case list --json) as a package file'))
    .option('--alert <consignmentId>', 'an alert about this consignment', positiveId('--alert'))
    .option('--seizure <seizureId>', 'a seizure notice about this seizure', positiveId('--seizure'))
    .option('--to <certificate...>', 'encrypt to these partners (their certificate files); without it the package is signed, not encrypted')
    .requiredOption('--out <file>', 'where to write the package')
    .option('--reason <text>', 'alert: why (default: the latest selection reason, else the score and indicators)')
    .addOption(new Option('--severity <level>', 'alert: how serious').choices(['critical', 'high', 'medium', 'low']).default('high'))
    .addOption(new Option('--action <action>', 'alert: what the receiving unit is asked to do').choices(['examine', 'scan', 'monitor', 'inform']).default('examine'))
    .option('--expected-arrival <date>', 'alert: expected arrival, YYYY-MM-DD', isoDate('--expected-arrival'))
    .option('--valid-until <date>', 'alert: the receiver\'s watch-list entries expire after this day (default: in 30 days)', isoDate('--valid-until'))
    .option('--include-personal-data', 'seizure notice: send private persons\' names and addresses (recorded)')
    .option('--photos', 'seizure notice: include the photos of the examination')
    .option('--note <text>', 'seizure notice: a note for the receiving unit')
    .action((options: ExportOptions) =>
      run(async () => {
        if ((options.alert === undefined) === (options.seizure === undefined)) {
          throw new DomainError('INVALID_ARGUMENT', 'Give exactly one of --alert CONSIGNMENT_ID or --seizure SEIZURE_ID', { detail: 'give exactly one of --alert CONSIGNMENT_ID or --seizure SEIZURE_ID' });
        }
        const exported = await withSession(options, io, async (services) => {
          const recipients = await recipientIds(services, options.to ?? []);
          let request: ExportRequest;
          if (options.alert !== undefined) {
            request = {
              kind: 'alert',
              consignmentId: options.alert,
              recipients,
              severity: options.severity,
              reason: options.reason?.trim() || (await defaultAlertReason(services, options.alert)),
              requestedAction: options.action,
              expectedArrival: options.expectedArrival ?? null,
              validUntil: options.validUntil ?? addDays(new Date(), 30),
            };
          } else {
            request = {
              kind: 'seizure-notice',
              seizureId: options.seizure as number,
              recipients,
              includePersonalData: Boolean(options.includePersonalData),
              includePhotos: Boolean(options.photos),
              note: options.note ?? '',
            };
          }
          return call<ChannelOutput<'exchange.export'>>(services, 'exchange.export', request);
        });
        const { packageBase64, ...facts } = exported;
        await fs.writeFile(options.out, Buffer.from(packageBase64, 'base64'));
        if (options.json) io.stdout(`${JSON.stringify({ file: path.resolve(options.out), ...facts }, null, 2)}\n`);
        else io.stdout(`${path.resolve(options.out)}\n`);
      }),
    );

  sessionOptions(exchange.command('import').description('Verify and accept packages from partner units; exit status 1 if any file was refused'))
    .argument('<files...>', 'package files')
    .action((files: string[], options: SessionOptions) =>
      run(async () => {
        const results = await withSession(options, io, async (services) => {
          const out: ImportJson[] = [];
          for (const file of files) {
            const name = path.basename(file);
            try {
              const bytes = await readFileFor(file, 'EXCHANGE_NOT_A_PACKAGE');
              const received = await call<ChannelOutput<'exchange.import'>>(services, 'exchange.import', { fileName: name, packageBase64: bytes.toString('base64') });
              out.push({ file, status: 'accepted', packageId: received.packageId, kind: received.kind, partner: received.partnerName, watchEntries: received.watchEntries });
            } catch (error) {
              if (!(error instanceof DomainError)) throw error;
              const details: Record<string, unknown> = { ...(error.details ?? {}), file: name };
              out.push({
                file,
                status: 'refused',
                packageId: typeof details.packageId === 'string' ? details.packageId : null,
                kind: null,
                partner: typeof details.partner === 'string' ? details.partner : null,
                watchEntries: 0,
                error: { code: error.code, message: errorMessage(io.language, { code: error.code, message: error.message, details }) },
              });
            }
          }
          return out;
        });
        if (options.json) io.stdout(`${JSON.stringify(results, null, 2)}\n`);
        else {
          for (const result of results) {
            io.stdout(result.status === 'accepted' ? `accepted ${result.file}: ${result.kind} from ${result.partner}, ${result.watchEntries} watch-list entries\n` : `refused  ${result.file}: ${result.error?.message ?? ''}\n`);
          }
        }
        if (results.some((result) => result.status === 'refused')) throw new VerdictFailed();
      }),
    );
}
