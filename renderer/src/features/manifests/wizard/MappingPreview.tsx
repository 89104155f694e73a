import { errorCode, useErrorText } from '../../../components/api-errors';
import { Notice } from '../../../components/Notice';
import { useI18n } from '../../../app/i18n';
import { fieldLabel, formatCount, formatDecimalText } from '../format';
import { ImportedProblems } from '../ProblemGroups';
import type { Preview, PreviewState } from './useMappingPreview';

/** The file as main would import it under the current choices: counts, the first lines, problems. */
export function MappingPreview({ state }: { state: PreviewState }) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const shown = state.kind === 'ready' ? state.preview : state.kind === 'loading' ? state.last : null;

  return (
    <fieldset className="wizard-step" data-testid="wizard-preview" aria-busy={state.kind === 'loading'}>
      <legend>{t('manifests.wizard.step.preview')}</legend>
      {state.kind === 'idle' && <Notice kind="info">{t('manifests.wizard.preview.idle')}</Notice>}
      {state.kind === 'refused' && (
        <Notice kind="error">
          {/* Too few columns for main to take the row as a header: say what it needs, not that "no header was found". */}
          {errorCode(state.error) === 'MANIFEST_NO_HEADER' ? t('manifests.wizard.preview.tooFew') : errorText(state.error)}
        </Notice>
      )}
      {state.kind === 'loading' && !shown && <p className="muted">{t('manifests.wizard.preview.loading')}</p>}
      {shown && <PreviewBody preview={shown} />}
    </fieldset>
  );
}

function PreviewBody({ preview }: { preview: Preview }) {
  const { t, language } = useI18n();
  const mapping = preview.mapping;
  const fieldAt = new Map(Object.entries(mapping?.columns ?? {}).map(([field, column]) => [column, field]));
  const width = Math.max(mapping?.headers.length ?? 0, ...(mapping?.sample.map((row) => row.length) ?? []));

  return (
    <>
      <dl className="preview-counts" data-testid="preview-counts">
        <dt>{t('manifests.fact.lines')}</dt>
        <dd data-count="lines">{formatCount(preview.lines, language)}</dd>
        <dt>{t('manifests.fact.containers')}</dt>
        <dd data-count="containers">{formatCount(preview.containers, language)}</dd>
        <dt>{t('manifests.fact.weight')}</dt>
        <dd data-count="weight">{t('manifests.kg', { weight: formatDecimalText(preview.totalGrossWeightKg, language) })}</dd>
        <dt>{t('manifests.fact.problems')}</dt>
        <dd data-count="problems">{formatCount(preview.problems.length, language)}</dd>
      </dl>
      {mapping && mapping.sample.length > 0 && (
        <div className="table-scroll">
          <table className="data-table compact sample-table" data-testid="preview-sample">
            <caption className="muted">
              {mapping.sheet === preview.file
                ? t('manifests.wizard.preview.sample', { row: mapping.headerRow })
                : t('manifests.wizard.preview.sampleOnSheet', { sheet: mapping.sheet, row: mapping.headerRow })}
            </caption>
            <thead>
              <tr>
                {Array.from({ length: width }, (_, column) => {
                  const field = fieldAt.get(column);
                  return (
                    <th key={column} scope="col" className={field ? 'mapped' : 'ignored'}>
                      <span className="sample-field">{field ? fieldLabel(t, field) : t('manifests.wizard.ignored')}</span>
                      <span className="sample-header">{mapping.headers[column] ?? ''}</span>
                    </th>
                  );
                })}
              </tr>
            </thead>
            <tbody>
              {mapping.sample.map((row, index) => (
                <tr key={index}>
                  {Array.from({ length: width }, (_, column) => (
                    <td key={column} className={fieldAt.has(column) ? undefined : 'ignored'}>
                      {row[column] ?? ''}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {preview.problems.length > 0 && <ImportedProblems problems={preview.problems} fileName={preview.file} />}
    </>
  );
}
