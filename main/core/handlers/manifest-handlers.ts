import type { Handlers } from '../../../shared/ipc/dispatch';
import { DomainError } from '../../../shared/ipc/errors';
import { translate, type MessageKey } from '../../../shared/i18n';
import type { Problem } from '../../../shared/domain/manifest';
import { previewManifestFile } from '../manifests/import/import-service';
import type { HandlerContext } from './context';
import { importAndScore } from '../risk/risk-service';
import { describeError } from '../log';
import { listManifests, getManifestRow } from '../manifests/manifest-repository';

type ManifestChannels = 'manifests.import' | 'manifests.preview' | 'manifests.cancelImport' | 'manifests.list' | 'manifests.get';

export function manifestHandlers({ sessions, events, clock, language, log }: HandlerContext): Pick<Handlers, ManifestChannels> {
  let cancelCurrent: (() => void) | null = null;
  let cancelled = false;

  return {
    'manifests.import': async ({ files, mapping, sender }) => {
      const store = sessions.store();
      const actor = sessions.actor();
      const lang = await language();
      const results = [];
      cancelled = false;
      for (const [fileIndex, file] of files.entries()) {
        const bytes = Buffer.from(file.dataBase64, 'base64');
        const result = await importAndScore(
          store,
          actor,
          { name: file.name, bytes },
          {
            language: lang,
            clock,
            ...(mapping ? { mappingOverride: mapping } : {}),
            ...(sender ? { sender } : {}),
            register: (cancel) => {
              cancelCurrent = cancel;
              if (cancelled) cancel();
            },
            onProgress: (stage, done, total) =>
              events.emit('manifests.importProgress', { file: file.name, fileIndex, files: files.length, stage, done, total }),
          },
          (error, indicatorId) => log.error('scoring failed', { file: file.name, indicatorId, ...describeError(error) }),
        );
        cancelCurrent = null;
        results.push(result);
      }
      return results;
    },

    'manifests.preview': async ({ file, mapping }) =>
      previewManifestFile(sessions.store(), { name: file.name, bytes: Buffer.from(file.dataBase64, 'base64') }, {
        language: await language(),
        ...(mapping ? { mappingOverride: mapping } : {}),
      }),

    'manifests.cancelImport': () => {
      cancelled = true;
      cancelCurrent?.();
      return null;
    },

    'manifests.list': ({ limit, offset }) => listManifests(sessions.store().db, limit, offset),

    'manifests.get': async ({ id }) => {
      const db = sessions.store().db;
      const found = getManifestRow(db, id);
      if (!found) throw new DomainError('INVALID_INPUT', `There is no manifest ${id}`, { detail: String(id) });
      const lang = await language();
      const groups = new Map<string, { code: string; message: string; count: number; where: string[] }>();
      for (const { problem, where } of found.problems) {
        const group = groups.get(problem.code) ?? {
          code: problem.code,
          message: translate(lang, `problem.${problem.code}` as MessageKey, problem.params ?? {}),
          count: 0,
          where: [],
        };
        group.count += 1;
        if (group.where.length < 50) group.where.push(where);
        groups.set(problem.code, group);
      }
      return { manifest: found.summary, problems: [...groups.values()], amendment: found.amendment };
    },
  };
}

export type { Problem };
