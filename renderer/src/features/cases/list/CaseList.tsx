import { useState, type FormEvent } from 'react';
import { CaseStatus } from '../../../../../shared/ipc/casework-contract';
import type { ChannelInput } from '../../../../../shared/ipc/contract';
import { useApi } from '../../../app/api-context';
import { useI18n } from '../../../app/i18n';
import { EmptyTable } from '../../../components/EmptyState';
import { useRefreshingLoad } from '../../../components/useRefreshingLoad';
import { formatLocalDateTime } from '../../../format/datetime';
import { StatusBadge } from '../view/CaseHeader';

type Filter = NonNullable<ChannelInput<'cases.list'>>;

interface FilterDraft {
  readonly status: string;
  readonly assignedToMe: boolean;
  readonly awaitingApproval: boolean;
  readonly year: string;
  readonly text: string;
}

const emptyFilter: FilterDraft = { status: '', assignedToMe: false, awaitingApproval: false, year: '', text: '' };

function toFilter(draft: FilterDraft): Filter {
  const status = CaseStatus.safeParse(draft.status);
  const year = Number(draft.year);
  return {
    limit: 200,
    offset: 0,
    ...(status.success ? { status: status.data } : {}),
    ...(draft.assignedToMe ? { assignedToMe: true } : {}),
    ...(draft.awaitingApproval ? { awaitingApproval: true } : {}),
    ...(draft.year.trim() !== '' && Number.isInteger(year) && year >= 2000 && year <= 2100 ? { year } : {}),
    ...(draft.text.trim() !== '' ? { text: draft.text.trim().slice(0, 200) } : {}),
  };
}

/** Cases, newest first, filtered by status, assignee, awaiting approval, year and words; a case opens in its own tab. */
export function CaseList({ onOpen }: { onOpen: (caseId: number, reference: string) => void }) {
  const api = useApi();
  const { t } = useI18n();
  const [draft, setDraft] = useState<FilterDraft>(emptyFilter);
  const [applied, setApplied] = useState<Filter>(() => toFilter(emptyFilter));
  const [yearProblem, setYearProblem] = useState(false);
  const cases = useRefreshingLoad(() => api.invoke('cases.list', applied), applied);

  const apply = (event: FormEvent) => {
    event.preventDefault();
    const year = draft.year.trim();
    const bad = year !== '' && !(Number.isInteger(Number(year)) && Number(year) >= 2000 && Number(year) <= 2100);
    setYearProblem(bad);
    if (bad) return;
    setApplied(toFilter(draft));
  };
  const clear = () => {
    setDraft(emptyFilter);
    setYearProblem(false);
    setApplied(toFilter(emptyFilter));
  };

  return (
    <div className="stack" data-testid="case-list">
      <form className="filter-bar case-filters" onSubmit={apply} aria-label={t('cases.filter.label')}>
        <div className="field">
          <label htmlFor="case-filter-status">{t('cases.filter.status')}</label>
          <select id="case-filter-status" value={draft.status} onChange={(event) => setDraft({ ...draft, status: event.target.value })}>
            <option value="">{t('cases.filter.anyStatus')}</option>
            {CaseStatus.options.map((status) => (
              <option key={status} value={status}>
                {t(`cases.status.${status}`)}
              </option>
            ))}
          </select>
        </div>
        <div className={yearProblem ? 'field invalid' : 'field'}>
          <label htmlFor="case-filter-year">{t('cases.filter.year')}</label>
          <input
            id="case-filter-year"
            className="year-input"
            inputMode="numeric"
            value={draft.year}
            placeholder="2026"
            aria-invalid={yearProblem ? true : undefined}
            aria-describedby={yearProblem ? 'case-filter-year-error' : undefined}
            onChange={(event) => setDraft({ ...draft, year: event.target.value })}
          />
          {yearProblem && (
            <span id="case-filter-year-error" className="field-error">
              {t('cases.filter.yearInvalid')}
            </span>
          )}
        </div>
        <div className="field">
          <label htmlFor="case-filter-text">{t('cases.filter.text')}</label>
          <input id="case-filter-text" type="text" value={draft.text} placeholder={t('cases.filter.textHint')} onChange={(event) => setDraft({ ...draft, text: event.target.value })} />
        </div>
        <div className="filter-checks">
          <label className="checkbox-label">
            <input type="checkbox" checked={draft.assignedToMe} onChange={(event) => setDraft({ ...draft, assignedToMe: event.target.checked })} />{' '}
            {t('cases.filter.assignedToMe')}
          </label>
          <label className="checkbox-label">
            <input type="checkbox" checked={draft.awaitingApproval} onChange={(event) => setDraft({ ...draft, awaitingApproval: event.target.checked })} />{' '}
            {t('cases.filter.awaitingApproval')}
          </label>
        </div>
        <div className="filter-actions">
          <button type="submit" className="primary">
            {t('cases.filter.apply')}
          </button>
          <button type="button" className="secondary" onClick={clear}>
            {t('cases.filter.clear')}
          </button>
        </div>
      </form>
      {!cases ? (
        <p className="muted">{t('status.loading')}</p>
      ) : cases.length === 0 ? (
        <EmptyTable
          columns={['cases.column.reference', 'cases.column.status', 'cases.column.officer', 'cases.column.opened']}
          title={isFiltered(applied) ? 'cases.filter.nothing' : 'cases.empty.title'}
          body={isFiltered(applied) ? 'cases.filter.nothingBody' : 'cases.empty.body'}
        />
      ) : (
        <table className="data-table case-table" data-testid="case-table">
          <thead>
            <tr>
              <th scope="col">{t('cases.column.reference')}</th>
              <th scope="col">{t('cases.column.title')}</th>
              <th scope="col">{t('cases.column.status')}</th>
              <th scope="col">{t('cases.column.officer')}</th>
              <th scope="col">{t('cases.column.opened')}</th>
              <th scope="col" className="numeric">
                {t('cases.column.consignments')}
              </th>
              <th scope="col" className="numeric">
                {t('cases.column.examinations')}
              </th>
              <th scope="col" className="numeric">
                {t('cases.column.seizures')}
              </th>
            </tr>
          </thead>
          <tbody>
            {cases.map((summary) => (
              <tr key={summary.id} data-case={summary.id} className="clickable" onClick={() => onOpen(summary.id, summary.reference)}>
                <td className="nowrap">
                  <button
                    type="button"
                    className="link mono"
                    onClick={(event) => {
                      event.stopPropagation();
                      onOpen(summary.id, summary.reference);
                    }}
                  >
                    {summary.reference}
                  </button>
                </td>
                <td>{summary.title || <span className="muted">—</span>}</td>
                <td className="nowrap">
                  <StatusBadge status={summary.status} />
                  {summary.awaitingApproval > 0 && <span className="tag awaiting-tag">{t('cases.awaitingApproval.count', { count: summary.awaitingApproval })}</span>}
                </td>
                <td>{summary.assignedTo ?? <span className="muted">{t('cases.unassigned')}</span>}</td>
                <td className="nowrap">
                  {formatLocalDateTime(summary.openedAt)}
                  <div className="muted">{summary.openedBy}</div>
                </td>
                <td className="numeric">{summary.consignments}</td>
                <td className="numeric">{summary.examinations}</td>
                <td className="numeric">{summary.seizures}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

function isFiltered(filter: Filter): boolean {
  return filter.status !== undefined || filter.assignedToMe === true || filter.awaitingApproval === true || filter.year !== undefined || filter.text !== undefined;
}
