import { useState } from 'react';
import type { RequestedAction } from '../../../../../shared/exchange/payload';
import { useI18n } from '../../../app/i18n';
import { SelectField, TextField } from '../../../components/Field';
import { isDay } from '../../reports/report-files';
import { FactList } from '../ExchangeConsignment';
import { actionName, dayFromNow, requestedActions, severities, severityName, type Severity } from '../exchange-text';
import { ExportDialog } from './ExportDialog';

/** How long a partner's watch-list entries live unless the officer says otherwise. */
const DEFAULT_VALID_DAYS = 30;

/**
 * An alert about one consignment of the targeting workspace for partner
 * units: severity, the reason they will read (required), what is asked of
 * them, when it should arrive and until when the alert holds.
 */
export function AlertExportDialog({ consignmentId, label, onClose }: { consignmentId: number; label: string; onClose: () => void }) {
  const { t, language } = useI18n();
  const [severity, setSeverity] = useState<Severity>('high');
  const [reason, setReason] = useState('');
  const [action, setAction] = useState<RequestedAction>('examine');
  const [expectedArrival, setExpectedArrival] = useState('');
  const [validUntil, setValidUntil] = useState(() => dayFromNow(DEFAULT_VALID_DAYS));
  const [shown, setShown] = useState<{ reason: boolean; arrival: boolean; validUntil: boolean }>({ reason: false, arrival: false, validUntil: false });

  const prepare = (recipients: number[]) => {
    const problems = { reason: !reason.trim(), arrival: expectedArrival !== '' && !isDay(expectedArrival), validUntil: !isDay(validUntil) };
    setShown(problems);
    if (problems.reason || problems.arrival || problems.validUntil) {
      if (problems.reason) document.getElementById('alert-reason')?.focus();
      return null;
    }
    return {
      kind: 'alert' as const,
      consignmentId,
      recipients,
      severity,
      reason: reason.trim(),
      requestedAction: action,
      expectedArrival: expectedArrival || null,
      validUntil,
    };
  };

  return (
    <ExportDialog
      title={t('exchange.export.alert.title', { label })}
      testId="alert-export-dialog"
      className="alert-export"
      prepare={prepare}
      onClose={onClose}
      summary={
        <FactList
          items={[
            [t('exchange.export.severity'), severityName(t, language, severity)],
            [t('exchange.export.reason'), reason.trim()],
            [t('exchange.export.requestedAction'), actionName(t, language, action)],
            [t('exchange.export.expectedArrival'), expectedArrival],
            [t('exchange.export.validUntil'), validUntil],
          ]}
        />
      }
      fields={
        <>
          <div className="field-row">
            <SelectField label={t('exchange.export.severity')} value={severity} onChange={(value) => setSeverity(value as Severity)}>
              {severities.map((level) => (
                <option key={level} value={level}>
                  {severityName(t, language, level)}
                </option>
              ))}
            </SelectField>
            <SelectField label={t('exchange.export.requestedAction')} value={action} onChange={(value) => setAction(value as RequestedAction)}>
              {requestedActions.map((code) => (
                <option key={code} value={code}>
                  {actionName(t, language, code)}
                </option>
              ))}
            </SelectField>
          </div>
          <div className={shown.reason ? 'field invalid' : 'field'}>
            <label htmlFor="alert-reason">{t('exchange.export.reason')}</label>
            <textarea
              id="alert-reason"
              rows={3}
              maxLength={2000}
              value={reason}
              autoFocus
              aria-invalid={shown.reason ? true : undefined}
              aria-describedby="alert-reason-note"
              onChange={(event) => {
                setReason(event.target.value);
                setShown((current) => ({ ...current, reason: false }));
              }}
            />
            <span id="alert-reason-note" className={shown.reason ? 'field-error' : 'field-hint'}>
              {t(shown.reason ? 'exchange.export.reasonRequired' : 'exchange.export.reasonHint')}
            </span>
          </div>
          <div className="field-row">
            <TextField
              type="date"
              label={t('exchange.export.expectedArrival')}
              hint={t('exchange.export.expectedArrivalHint')}
              error={shown.arrival ? t('exchange.export.dateInvalid') : null}
              value={expectedArrival}
              onChange={setExpectedArrival}
            />
            <TextField
              type="date"
              label={t('exchange.export.validUntil')}
              hint={t('exchange.export.validUntilHint')}
              error={shown.validUntil ? t('exchange.export.dateInvalid') : null}
              value={validUntil}
              required
              onChange={setValidUntil}
            />
          </div>
        </>
      }
    />
  );
}
