import { useState, type FormEvent } from 'react';
import type { ChannelOutput } from '../../../../../shared/ipc/contract';
import { useApi } from '../../../app/api-context';
import { useI18n } from '../../../app/i18n';
import { useErrorText } from '../../../components/api-errors';
import { Notice } from '../../../components/Notice';
import { useMay } from '../access';
import { TextArea } from '../fields';
import { RecordedBy, VoidButton, VoidedNote, type VoidTarget } from './common';

type CaseDetail = ChannelOutput<'cases.get'>;

export function NotesPanel({ detail, busy, onChanged, onVoid }: { detail: CaseDetail; busy: boolean; onChanged: () => void; onVoid: (target: VoidTarget) => void }) {
  const api = useApi();
  const { t } = useI18n();
  const errorText = useErrorText();
  const may = useMay();
  const [text, setText] = useState('');
  const [missing, setMissing] = useState(false);
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!text.trim()) {
      setMissing(true);
      return;
    }
    setSaving(true);
    setFailure(null);
    try {
      await api.invoke('cases.addNote', { caseId: detail.case.id, text: text.trim() });
      setText('');
      onChanged();
    } catch (error) {
      setFailure(errorText(error));
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      {detail.notes.length === 0 ? (
        <p className="muted">{t('cases.notes.none')}</p>
      ) : (
        <ul className="note-list">
          {detail.notes.map((note) => (
            <li key={note.id} id={`note-${note.id}`} className={note.voided ? 'note voided' : 'note'} data-testid="case-note">
              <p className="pre-wrap record-struck">{note.text}</p>
              {note.voided && <VoidedNote voided={note.voided} />}
              <div className="note-foot">
                <RecordedBy by={note.by} at={note.at} />
                <VoidButton target={{ kind: 'note', id: note.id, label: t('cases.notes.label', { id: note.id }) }} voided={note.voided !== null} busy={busy} onVoid={onVoid} />
              </div>
            </li>
          ))}
        </ul>
      )}
      {may('cases.addNote') && (
        <form className="form note-form" onSubmit={(event) => void submit(event)} noValidate>
          <TextArea
            label={t('cases.notes.add')}
            value={text}
            rows={2}
            error={missing ? t('cases.notes.required') : null}
            onChange={(value) => {
              setText(value);
              setMissing(false);
            }}
          />
          {failure && <Notice kind="error">{failure}</Notice>}
          <div className="form-actions">
            <button type="submit" className="secondary" disabled={saving}>
              {saving ? t('common.saving') : t('cases.notes.submit')}
            </button>
          </div>
        </form>
      )}
    </>
  );
}
