import { useEffect, useId, useRef, useState } from 'react';
import { ApiError } from '../../../api/client';
import { useApi } from '../../../app/api-context';
import { useI18n } from '../../../app/i18n';
import { useErrorText } from '../../../components/api-errors';
import { Notice } from '../../../components/Notice';
import { formatLocalDateTime } from '../../../format/datetime';
import { readTable, rowMatches, sameTable, writeTable, type GridColumn, type GridRow, type GridTable } from './grid-model';
import type { ReferenceInfo } from './ReferenceList';
import { columnTitle, tableTitle } from './reference-text';

/** Where main's refusal points: row (1-based, as shown) and field; row null for the table's own fields (source, notes). */
interface Refusal {
  readonly error: unknown;
  readonly row: number | null;
  readonly field: string | null;
}

function refusalOf(error: unknown): Refusal {
  if (!(error instanceof ApiError) || error.code !== 'REFERENCE_TABLE_INVALID') return { error, row: null, field: null };
  const details = (typeof error.details === 'object' && error.details !== null ? error.details : {}) as Record<string, unknown>;
  return {
    error,
    row: typeof details.row === 'number' ? details.row : null,
    field: typeof details.field === 'string' && details.field !== '' ? details.field : null,
  };
}

type Confirm = 'restore' | 'leave' | null;

/**
 * One reference table in a generic grid. Supervisors edit cells, add and
 * delete rows, edit the source, and save; main checks the whole table and
 * refuses it naming table, row and field, shown beside the grid with the cell
 * marked. "Restore shipped" goes back to the table as the program ships it.
 * Officers see the same grid read-only.
 */
export function ReferenceEditor({
  info,
  mayEdit,
  onSaved,
  onClose,
}: {
  info: ReferenceInfo;
  mayEdit: boolean;
  onSaved: (saved: ReferenceInfo, restored: boolean) => void;
  onClose: () => void;
}) {
  const api = useApi();
  const { t, language } = useI18n();
  const errorText = useErrorText();
  const id = useId();
  const [original] = useState<GridTable>(() => readTable(info.table));
  const [grid, setGrid] = useState<GridTable>(original);
  const [nextRowId, setNextRowId] = useState(original.rows.length);
  const [filter, setFilter] = useState('');
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [confirm, setConfirm] = useState<Confirm>(null);
  // Focus to move after the next render (a new row's first cell, the refused cell).
  const focusTarget = useRef<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const title = tableTitle(t, language, info.name);
  const dirty = !sameTable(original, grid);

  useEffect(() => {
    heading.current?.focus();
  }, []);
  useEffect(() => {
    if (focusTarget.current === null) return;
    const element = document.getElementById(focusTarget.current);
    focusTarget.current = null;
    element?.focus();
  });

  const cellId = (rowId: number, column: number) => `${id}-r${rowId}-c${column}`;
  const edit = (change: (current: GridTable) => GridTable) => {
    setGrid(change);
    setRefusal(null);
  };
  const setCell = (rowId: number, key: string, text: string) =>
    edit((current) => ({ ...current, rows: current.rows.map((row) => (row.id === rowId ? { ...row, cells: { ...row.cells, [key]: text } } : row)) }));
  const addRow = () => {
    const row: GridRow = { id: nextRowId, cells: {} };
    setNextRowId((n) => n + 1);
    setFilter('');
    edit((current) => ({ ...current, rows: [...current.rows, row] }));
    focusTarget.current = cellId(row.id, 0);
  };
  const deleteRow = (rowId: number) => {
    const index = grid.rows.findIndex((row) => row.id === rowId);
    const neighbour = grid.rows[index + 1] ?? grid.rows[index - 1];
    edit((current) => ({ ...current, rows: current.rows.filter((row) => row.id !== rowId) }));
    focusTarget.current = neighbour ? `${id}-delete-${neighbour.id}` : `${id}-add`;
  };

  const save = (table: Record<string, unknown> | null) => {
    setBusy(true);
    setRefusal(null);
    setConfirm(null);
    api.invoke('reference.save', { name: info.name, table }).then(
      (saved) => {
        setBusy(false);
        onSaved(saved, table === null);
      },
      (error: unknown) => {
        setBusy(false);
        const found = refusalOf(error);
        setRefusal(found);
        if (found.row !== null && found.field !== null) {
          const row = grid.rows[found.row - 1];
          const column = grid.columns.findIndex((candidate) => candidate.key === found.field);
          if (row && column >= 0) {
            setFilter('');
            focusTarget.current = cellId(row.id, column);
          }
        } else if (found.field === 'source') {
          focusTarget.current = `${id}-source`;
        }
      },
    );
  };

  /** Main's words, with the table and column named as the officer sees them in this grid. */
  const refusalText = (found: Refusal): string => {
    const { error } = found;
    if (!(error instanceof ApiError) || error.code !== 'REFERENCE_TABLE_INVALID') return errorText(error);
    const details = (typeof error.details === 'object' && error.details !== null ? error.details : {}) as Record<string, unknown>;
    const detail = typeof details.detail === 'string' && details.detail !== '' ? details.detail : error.message;
    const field = found.field ? columnTitle(t, language, found.field) : '—';
    if (found.row === null) return t('reference.error.tableField', { table: title, field, detail });
    return errorText(new ApiError({ code: error.code, message: error.message, details: { ...details, table: title, field, detail } }));
  };

  const shown = grid.rows.map((row, index) => ({ row, number: index + 1 })).filter(({ row }) => rowMatches(row, filter));
  const invalidCell = (number: number, column: GridColumn) => refusal?.row === number && refusal.field === column.key;

  return (
    <section className="panel reference-editor" aria-labelledby={`${id}-title`} data-testid="reference-editor" data-table={info.name}>
      <div className="reference-editor-head">
        <button type="button" className="secondary" onClick={() => (dirty ? setConfirm('leave') : onClose())}>
          {t('reference.back')}
        </button>
        <h2 id={`${id}-title`} ref={heading} tabIndex={-1}>
          {title}
        </h2>
        <span className="muted">
          {info.updatedAt ? t('reference.edited', { user: info.updatedBy ?? '—', at: formatLocalDateTime(info.updatedAt) }) : t('reference.shipped')}
        </span>
      </div>

      {mayEdit ? (
        <div className="field reference-source-field">
          <label htmlFor={`${id}-source`}>{t('reference.field.source')}</label>
          <textarea
            id={`${id}-source`}
            rows={2}
            maxLength={500}
            value={grid.source}
            disabled={busy}
            aria-invalid={(refusal?.row === null && refusal.field === 'source') || undefined}
            onChange={(event) => {
              const source = event.target.value;
              edit((current) => ({ ...current, source }));
            }}
          />
        </div>
      ) : (
        <p className="reference-source-text">
          <strong>{t('reference.field.source')}:</strong> {grid.source}
        </p>
      )}
      {grid.notes !== null &&
        (mayEdit ? (
          <div className="field">
            <label htmlFor={`${id}-notes`}>{t('reference.field.notes')}</label>
            <textarea
              id={`${id}-notes`}
              rows={3}
              maxLength={4000}
              value={grid.notes}
              disabled={busy}
              onChange={(event) => {
                const notes = event.target.value;
                edit((current) => ({ ...current, notes }));
              }}
            />
          </div>
        ) : (
          <p className="muted reference-notes">{grid.notes}</p>
        ))}

      <div className="reference-toolbar">
        <div className="field reference-filter">
          <label htmlFor={`${id}-filter`}>{t('reference.filter')}</label>
          <input id={`${id}-filter`} type="search" value={filter} onChange={(event) => setFilter(event.target.value)} autoComplete="off" spellCheck={false} />
        </div>
        <span className="muted" aria-live="polite">
          {filter.trim() === '' ? t('reference.rows', { count: grid.rows.length }) : t('reference.rowsFiltered', { count: shown.length, total: grid.rows.length })}
        </span>
        <span className="spacer" />
        {mayEdit && (
          <>
            {info.updatedAt !== null && (
              <button type="button" className="secondary" onClick={() => setConfirm('restore')} disabled={busy}>
                {t('reference.restore')}
              </button>
            )}
            <button type="button" className="secondary" onClick={() => edit(() => original)} disabled={busy || !dirty}>
              {t('reference.discard')}
            </button>
            <button type="button" className={busy ? 'primary busy' : 'primary'} onClick={() => save(writeTable(grid))} disabled={busy || !dirty}>
              {t(busy ? 'common.saving' : 'reference.save')}
            </button>
          </>
        )}
      </div>

      {confirm === 'restore' && (
        <div className="notice notice-warning confirm-bar" role="alertdialog" aria-label={t('reference.restore')} data-testid="reference-restore-confirm">
          <span>{t('reference.restore.confirm', { table: title })}</span>
          <button type="button" className="secondary" onClick={() => setConfirm(null)}>
            {t('common.cancel')}
          </button>
          <button type="button" className="danger" onClick={() => save(null)} autoFocus>
            {t('reference.restore.yes')}
          </button>
        </div>
      )}
      {confirm === 'leave' && (
        <div className="notice notice-warning confirm-bar" role="alertdialog" aria-label={t('reference.back')}>
          <span>{t('reference.leave.confirm')}</span>
          <button type="button" className="secondary" onClick={() => setConfirm(null)} autoFocus>
            {t('reference.leave.stay')}
          </button>
          <button type="button" className="danger" onClick={onClose}>
            {t('reference.leave.yes')}
          </button>
        </div>
      )}
      {refusal && (
        <Notice kind="error" testId="reference-error">
          {refusalText(refusal)}
        </Notice>
      )}

      <div className="reference-grid-scroll">
        <table className="data-table compact reference-grid" data-testid="reference-grid" aria-labelledby={`${id}-title`}>
          <thead>
            <tr>
              <th scope="col" className="numeric">
                {t('reference.column.row')}
              </th>
              {grid.columns.map((column) => (
                <th key={column.key} scope="col" className={column.kind === 'number' ? 'numeric' : undefined} data-column={column.key}>
                  {columnTitle(t, language, column.key)}
                  <code className="column-key">{column.key}</code>
                </th>
              ))}
              {mayEdit && (
                <th scope="col">
                  <span className="visually-hidden">{t('reference.column.actions')}</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {shown.map(({ row, number }) => (
              <tr key={row.id} data-row={number} className={refusal?.row === number ? 'row-invalid' : undefined}>
                <th scope="row" className="numeric row-number">
                  {number}
                </th>
                {grid.columns.map((column, index) => {
                  const text = row.cells[column.key] ?? '';
                  const invalid = invalidCell(number, column);
                  return (
                    <td key={column.key} className={[column.kind === 'number' ? 'numeric' : '', invalid ? 'cell-invalid' : ''].filter(Boolean).join(' ') || undefined} data-column={column.key}>
                      {mayEdit ? (
                        <input
                          id={cellId(row.id, index)}
                          className="grid-input"
                          size={column.width}
                          value={text}
                          disabled={busy}
                          inputMode={column.kind === 'number' ? 'decimal' : undefined}
                          list={column.suggestions.length > 0 ? `${id}-list-${column.key}` : undefined}
                          aria-label={t('reference.cell', { column: columnTitle(t, language, column.key), row: number })}
                          aria-invalid={invalid || undefined}
                          aria-describedby={invalid ? `${id}-refusal` : undefined}
                          autoComplete="off"
                          spellCheck={false}
                          onChange={(event) => setCell(row.id, column.key, event.target.value)}
                        />
                      ) : (
                        text
                      )}
                    </td>
                  );
                })}
                {mayEdit && (
                  <td className="row-actions">
                    <button
                      type="button"
                      id={`${id}-delete-${row.id}`}
                      className="small"
                      disabled={busy}
                      onClick={() => deleteRow(row.id)}
                      aria-label={t('reference.row.delete', { row: number })}
                      title={t('reference.row.delete', { row: number })}
                    >
                      ✕
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
        {mayEdit &&
          grid.columns
            .filter((column) => column.suggestions.length > 0)
            .map((column) => (
              <datalist key={column.key} id={`${id}-list-${column.key}`}>
                {column.suggestions.map((suggestion) => (
                  <option key={suggestion} value={suggestion} />
                ))}
              </datalist>
            ))}
      </div>
      {refusal && <span id={`${id}-refusal`} className="visually-hidden">{refusalText(refusal)}</span>}
      {mayEdit && (
        <div className="form-actions reference-add">
          <button type="button" id={`${id}-add`} className="secondary" onClick={addRow} disabled={busy}>
            {t('reference.row.add')}
          </button>
        </div>
      )}
    </section>
  );
}
