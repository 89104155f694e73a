import type { ChannelOutput } from '../../../../../shared/ipc/contract';
import { useI18n } from '../../../app/i18n';
import { formatLocalDateTime } from '../../../format/datetime';
import { timelineTarget, timelineText } from '../text';
import { RecordLink } from './common';

type CaseDetail = ChannelOutput<'cases.get'>;

/** Everything that happened to the case, oldest first, each with who did it. */
export function Timeline({ detail }: { detail: CaseDetail }) {
  const { t, language } = useI18n();
  const entries = [...detail.timeline].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  if (entries.length === 0) return <p className="muted">{t('cases.timeline.empty')}</p>;
  return (
    <ol className="timeline" data-testid="case-timeline">
      {entries.map((entry, index) => {
        const target = timelineTarget(entry);
        return (
          <li key={`${entry.at}-${index}`} className={`timeline-entry timeline-${entry.kind === 'record' ? 'record' : 'audit'}`} data-kind={entry.kind}>
            <time dateTime={entry.at} className="timeline-time">
              {formatLocalDateTime(entry.at)}
            </time>
            <span className="timeline-text">
              {target ? <RecordLink target={target}>{timelineText(t, language, entry)}</RecordLink> : timelineText(t, language, entry)}
            </span>
            {entry.by && <span className="timeline-by muted">{entry.by}</span>}
          </li>
        );
      })}
    </ol>
  );
}
