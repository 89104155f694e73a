import { LineFieldName } from '../../../../../shared/ipc/contract';
import { useI18n } from '../../../app/i18n';
import { fieldLabel } from '../format';
import { columnLetter, repeatedChoices, type Choices, type HeaderColumn } from './columns';

/** Example values shown beside a header, so "Вазн" or "Борхат" can be recognised by what is under it. */
const EXAMPLES = 2;

/** One row per header of the file: its column, a few values from under it, and the field the officer says it is. */
export function ColumnMappingTable({
  headers,
  samples,
  choices,
  disabled,
  onChoose,
}: {
  headers: readonly HeaderColumn[];
  /** Rows below the header, for the examples. */
  samples: readonly (readonly string[])[];
  choices: Choices;
  disabled: boolean;
  onChoose: (header: string, field: LineFieldName | null) => void;
}) {
  const { t } = useI18n();
  const repeated = repeatedChoices(headers, choices);
  return (
    <table className="data-table compact mapping-table" data-testid="wizard-mapping">
      <thead>
        <tr>
          <th scope="col">{t('manifests.wizard.column')}</th>
          <th scope="col">{t('manifests.wizard.header')}</th>
          <th scope="col">{t('manifests.wizard.examples')}</th>
          <th scope="col">{t('manifests.wizard.field')}</th>
        </tr>
      </thead>
      <tbody>
        {headers.map(({ header, columns }) => {
          const examples = samples
            .map((row) => (row[columns[0] ?? -1] ?? '').trim())
            .filter(Boolean)
            .slice(0, EXAMPLES);
          const earlier = repeated.get(header);
          return (
            <tr key={header} className={choices[header] ? 'mapped' : undefined}>
              <td className="nowrap">{columns.map(columnLetter).join(', ')}</td>
              <td className="header-text">{header}</td>
              <td className="examples">
                {examples.map((example, index) => (
                  <span key={index} className="example">
                    {example}
                  </span>
                ))}
              </td>
              <td className="field-choice">
                <select
                  value={choices[header] ?? ''}
                  data-header={header}
                  disabled={disabled}
                  aria-label={t('manifests.wizard.fieldFor', { header })}
                  aria-invalid={earlier ? true : undefined}
                  onChange={(event) => onChoose(header, event.target.value === '' ? null : LineFieldName.parse(event.target.value))}
                >
                  <option value="">{t('manifests.wizard.ignore')}</option>
                  {LineFieldName.options.map((field) => (
                    <option key={field} value={field}>
                      {fieldLabel(t, field)}
                    </option>
                  ))}
                </select>
                {earlier && (
                  <span className="field-error">{t('manifests.wizard.repeated', { column: earlier.columns.map(columnLetter).join(', ') })}</span>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
