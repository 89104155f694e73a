import type { Lane } from '../../../../../shared/ipc/risk-contract';
import type { z } from 'zod';
import { useI18n } from '../../../app/i18n';

/** Score with its lane in words as well as colour: colour alone fails colour-blind officers and printouts. */
export function LaneBadge({ lane, score }: { lane: z.infer<typeof Lane>; score: number }) {
  const { t } = useI18n();
  return (
    <span className={`lane-badge lane-${lane}`} title={t(`targeting.lane.${lane}`)}>
      <span className="lane-score">{score}</span>
      <span className="lane-name">{t(`targeting.lane.${lane}`)}</span>
    </span>
  );
}
