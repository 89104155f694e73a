import type { ReactNode } from 'react';
import type { ChannelOutput, ImportFileResult } from '../../../../shared/ipc/contract';
import { useI18n } from '../../app/i18n';
import { formatCount, placeText, problemKindTitle, whereText } from './format';

/** Occurrences listed under one kind; the rest are counted, so a 100,000-line file cannot flood the screen. */
const SHOWN = 100;

type ImportedProblem = ImportFileResult['problems'][number];
type StoredProblemGroup = ChannelOutput<'manifests.get'>['problems'][number];

/** One kind of problem, folded: its name and how often it occurs; opened, where. */
function ProblemGroup({ code, title, count, children }: { code: string; title: string; count: number; children: ReactNode }) {
  const { language } = useI18n();
  return (
    <details className="problem-group" data-code={code}>
      <summary>
        <span className="problem-title">{title}</span>
        <span className="count-badge">{formatCount(count, language)}</span>
      </summary>
      <div className="problem-body">{children}</div>
    </details>
  );
}

/** The problems of a file just imported (or previewed), grouped by code, each occurrence with its place. */
export function ImportedProblems({ problems, fileName }: { problems: readonly ImportedProblem[]; fileName: string }) {
  const { t, language } = useI18n();
  const groups = new Map<string, ImportedProblem[]>();
  for (const problem of problems) groups.set(problem.code, [...(groups.get(problem.code) ?? []), problem]);
  return (
    <div className="problem-groups">
      {[...groups].map(([code, occurrences]) => (
        <ProblemGroup key={code} code={code} title={problemKindTitle(t, code, occurrences[0]?.message ?? code)} count={occurrences.length}>
          <ul className="occurrences">
            {occurrences.slice(0, SHOWN).map((problem, index) => (
              <li key={index}>
                {placeText(t, problem, fileName) && <span className="where">{placeText(t, problem, fileName)}</span>}
                <span>{problem.message}</span>
              </li>
            ))}
          </ul>
          {occurrences.length > SHOWN && (
            <p className="muted">{t('manifests.problems.more', { more: formatCount(occurrences.length - SHOWN, language) })}</p>
          )}
        </ProblemGroup>
      ))}
    </div>
  );
}

/** A stored manifest's problems as main groups them: the kind's message and every place it was found. */
export function StoredProblems({ groups, fileName }: { groups: readonly StoredProblemGroup[]; fileName: string }) {
  const { t, language } = useI18n();
  return (
    <div className="problem-groups">
      {groups.map((group) => (
        <ProblemGroup key={group.code} code={group.code} title={problemKindTitle(t, group.code, group.message)} count={group.count}>
          <p className="problem-message">{group.message}</p>
          {group.where.length > 0 && (
            <p className="where-list">
              <span className="where-label">{t('manifests.problems.where')}</span> {group.where.map((where) => whereText(t, where, fileName)).join('; ')}
            </p>
          )}
          {group.count > group.where.length && group.where.length > 0 && (
            <p className="muted">
              {t('manifests.problems.firstPlaces', { shown: formatCount(group.where.length, language), count: formatCount(group.count, language) })}
            </p>
          )}
        </ProblemGroup>
      ))}
    </div>
  );
}
