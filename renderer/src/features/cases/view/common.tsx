import type { ReactNode } from 'react';
import { useI18n } from '../../../app/i18n';
import { formatLocalDateTime } from '../../../format/datetime';
import { useMay } from '../access';

export interface VoidInfo {
  readonly reason: string;
  readonly by: string;
  readonly at: string;
}

/** A voided record stays on screen, struck through, with who voided it, when and why. */
export function VoidedNote({ voided }: { voided: VoidInfo }) {
  const { t } = useI18n();
  return (
    <p className="voided-note" data-testid="voided-note">
      <strong>{t('cases.voided')}</strong> {t('cases.voided.detail', { by: voided.by, at: formatLocalDateTime(voided.at), reason: voided.reason })}
    </p>
  );
}

export function RecordedBy({ by, at }: { by: string; at: string }) {
  const { t } = useI18n();
  return <span className="recorded-by muted">{t('cases.recordedBy', { by, at: formatLocalDateTime(at) })}</span>;
}

/** What the void button targets, with the words the dialog uses for it. */
export interface VoidTarget {
  readonly kind: 'examination' | 'seizure' | 'custody' | 'note' | 'attachment';
  readonly id: number;
  readonly label: string;
}

/** Void a record that still counts; shown only to those who may void (supervisors). */
export function VoidButton({ target, voided, busy, onVoid }: { target: VoidTarget; voided: boolean; busy: boolean; onVoid: (target: VoidTarget) => void }) {
  const { t } = useI18n();
  const may = useMay();
  if (voided || !may('records.void')) return null;
  return (
    <button type="button" className="small" disabled={busy} onClick={() => onVoid(target)}>
      {t('cases.action.void')}
    </button>
  );
}

/**
 * A jump to another record on the same screen (a correction, the record a
 * timeline entry is about). A button rather than a #fragment link: the window
 * refuses navigation of any kind, and focus must follow for keyboard users.
 */
export function RecordLink({ target, children }: { target: string; children: ReactNode }) {
  return (
    <button
      type="button"
      className="link record-link"
      onClick={() => {
        const element = document.getElementById(target);
        if (!element) return;
        element.scrollIntoView({ block: 'center' });
        if (!element.hasAttribute('tabindex')) element.setAttribute('tabindex', '-1');
        element.focus();
      }}
    >
      {children}
    </button>
  );
}
