import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { TargetRow } from '../../../../../shared/ipc/risk-contract';
import type { MessageKey } from '../../../../../shared/i18n';
import { useI18n } from '../../../app/i18n';
import { LaneBadge } from './LaneBadge';
import type { TargetPages } from './useTargetPages';

/** Fixed row height: the list computes which rows are visible instead of laying out 200,000. */
export const ROW_HEIGHT = 34;
const OVERSCAN = 10;

const columns: readonly { key: MessageKey; className: string }[] = [
  { key: 'targeting.column.rank', className: 'col-rank' },
  { key: 'targeting.column.score', className: 'col-score' },
  { key: 'targeting.column.container', className: 'col-container' },
  { key: 'targeting.column.bl', className: 'col-bl' },
  { key: 'targeting.column.consignee', className: 'col-consignee' },
  { key: 'targeting.column.goods', className: 'col-goods' },
  { key: 'targeting.column.route', className: 'col-route' },
  { key: 'targeting.column.weight', className: 'col-weight' },
  { key: 'targeting.column.indicators', className: 'col-reasons' },
];

/**
 * The officer's list: a grid with one tab stop; arrow keys or j/k move, Home
 * and End jump, PageUp/PageDown page, Enter opens the detail, S selects and W
 * waives (both then ask for a reason). Only the rows in view are rendered.
 */
export function TargetList({
  pages,
  cursor,
  onCursor,
  onOpen,
  onDecide,
}: {
  pages: TargetPages;
  cursor: number;
  onCursor: (index: number) => void;
  onOpen: (row: TargetRow) => void;
  onDecide: (row: TargetRow, choice: 'select' | 'waive') => void;
}) {
  const { t, language } = useI18n();
  const viewport = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(600);
  const total = pages.total ?? 0;

  useEffect(() => {
    const element = viewport.current;
    if (!element) return undefined;
    const observer = new ResizeObserver(() => setHeight(element.clientHeight));
    observer.observe(element);
    setHeight(element.clientHeight);
    return () => observer.disconnect();
  }, []);

  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(total - 1, Math.ceil((scrollTop + height) / ROW_HEIGHT) + OVERSCAN);
  useEffect(() => pages.want(first, last), [pages, first, last]);

  // Keep the cursor row in view when the keyboard moves it.
  useEffect(() => {
    const element = viewport.current;
    if (!element) return;
    const top = cursor * ROW_HEIGHT;
    if (top < element.scrollTop) element.scrollTop = top;
    else if (top + ROW_HEIGHT > element.scrollTop + element.clientHeight) element.scrollTop = top + ROW_HEIGHT - element.clientHeight;
  }, [cursor]);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const pageRows = Math.max(1, Math.floor(height / ROW_HEIGHT) - 1);
    const move = (to: number) => {
      event.preventDefault();
      onCursor(Math.max(0, Math.min(total - 1, to)));
    };
    const row = pages.row(cursor);
    switch (event.key) {
      case 'ArrowDown':
      case 'j':
        return move(cursor + 1);
      case 'ArrowUp':
      case 'k':
        return move(cursor - 1);
      case 'PageDown':
        return move(cursor + pageRows);
      case 'PageUp':
        return move(cursor - pageRows);
      case 'Home':
        return move(0);
      case 'End':
        return move(total - 1);
      case 'Enter':
        if (row) {
          event.preventDefault();
          onOpen(row);
        }
        return undefined;
      case 's':
      case 'S':
      case 'w':
      case 'W':
        if (row) {
          event.preventDefault();
          onDecide(row, event.key.toLowerCase() === 's' ? 'select' : 'waive');
        }
        return undefined;
      default:
        return undefined;
    }
  };

  const number = new Intl.NumberFormat(language === 'ru' ? 'ru-RU' : 'en-GB', { maximumFractionDigits: 0 });
  const rows = Array.from({ length: Math.max(0, last - first + 1) }, (_, offset) => {
    const index = first + offset;
    const row = pages.row(index);
    const current = index === cursor;
    return (
      <div
        key={index}
        role="row"
        aria-rowindex={index + 2}
        aria-selected={current}
        id={current ? 'target-cursor' : undefined}
        className={`target-row${current ? ' cursor' : ''}${row ? ` lane-${row.lane}` : ''}${row?.decision ? ` decided-${row.decision}` : ''}`}
        style={{ top: index * ROW_HEIGHT, height: ROW_HEIGHT }}
        onClick={() => onCursor(index)}
        onDoubleClick={() => row && onOpen(row)}
      >
        {row ? (
          <>
            <span role="gridcell" className="col-rank">{index + 1}</span>
            <span role="gridcell" className="col-score">
              <LaneBadge lane={row.lane} score={row.score} />
              {row.randomPick && <span className="tag random-tag" title={t('targeting.randomPick.hint')}>{t('targeting.randomPick')}</span>}
            </span>
            <span role="gridcell" className="col-container mono">{row.container ?? '—'}</span>
            <span role="gridcell" className="col-bl mono">{row.bl ?? '—'}</span>
            <span role="gridcell" className="col-consignee" title={row.consignee ?? ''}>{row.consignee ?? '—'}</span>
            <span role="gridcell" className="col-goods" title={row.goods}>{row.goods || '—'}</span>
            <span role="gridcell" className="col-route mono" title={row.route.join(' → ')}>{row.route.join(' → ') || '—'}</span>
            <span role="gridcell" className="col-weight num">{row.grossWeightKg ? number.format(Number(row.grossWeightKg)) : '—'}</span>
            <span role="gridcell" className="col-reasons">
              {row.decision && <span className={`tag decision-${row.decision}`}>{t(`targeting.decision.${row.decision}`)}</span>}
              {row.watchlistHits > 0 && <span className="tag watch-tag">{t('targeting.watchlisted')}</span>}
              {row.topReasons.slice(0, 3).map((reason) => (
                <span key={reason.id} className="tag reason-tag">
                  {t(`indicator.${reason.id}.name` as MessageKey)}
                </span>
              ))}
            </span>
          </>
        ) : (
          <span role="gridcell" className="muted loading-row">{t('status.loading')}</span>
        )}
      </div>
    );
  });

  return (
    <div className="target-list" role="grid" aria-label={t('targeting.list.label')} aria-rowcount={total + 1} aria-activedescendant={total > 0 ? 'target-cursor' : undefined}>
      <div role="row" className="target-row target-head" aria-rowindex={1}>
        {columns.map((column) => (
          <span key={column.key} role="columnheader" className={column.className}>
            {t(column.key)}
          </span>
        ))}
      </div>
      <div ref={viewport} className="target-viewport" tabIndex={0} onKeyDown={onKeyDown} onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)} data-testid="target-viewport">
        <div className="target-canvas" style={{ height: total * ROW_HEIGHT }}>
          {rows}
        </div>
      </div>
    </div>
  );
}
