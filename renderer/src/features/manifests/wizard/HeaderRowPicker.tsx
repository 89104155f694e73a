import { useId } from 'react';
import { useI18n } from '../../../app/i18n';
import { SelectField } from '../../../components/Field';
import { columnLetter } from './columns';

export interface SheetRows {
  readonly sheet: string;
  readonly rows: readonly (readonly string[])[];
}

/**
 * The first rows of the file as main read them (MANIFEST_NO_HEADER's
 * details): the officer points at the row that holds the column names.
 */
export function HeaderRowPicker({
  tables,
  sheet,
  row,
  onChoose,
}: {
  tables: readonly SheetRows[];
  sheet: number;
  row: number | null;
  onChoose: (sheet: number, row: number | null) => void;
}) {
  const { t } = useI18n();
  const name = useId();
  const table = tables[sheet];
  const width = Math.max(0, ...(table?.rows.map((cells) => cells.length) ?? []));

  return (
    <fieldset className="wizard-step" data-testid="wizard-rows">
      <legend>{t('manifests.wizard.step.row')}</legend>
      <p className="muted">{t('manifests.wizard.row.intro')}</p>
      {tables.length > 1 && (
        <SelectField className="sheet-select" label={t('manifests.wizard.sheet')} value={String(sheet)} onChange={(value) => onChoose(Number(value), null)}>
          {tables.map((candidate, index) => (
            <option key={index} value={index}>
              {candidate.sheet}
            </option>
          ))}
        </SelectField>
      )}
      <div className="table-scroll rows-scroll">
        <table className="data-table compact rows-table">
          <thead>
            <tr>
              <th scope="col">{t('manifests.wizard.row.number')}</th>
              {Array.from({ length: width }, (_, column) => (
                <th key={column} scope="col">
                  {columnLetter(column)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table?.rows.map((cells, index) => {
              const empty = cells.every((cell) => cell.trim() === '');
              return (
                <tr
                  key={index}
                  className={index === row ? 'chosen' : empty ? 'empty-row' : undefined}
                  // The whole row is the target; the radio button is the keyboard's way in.
                  onClick={() => !empty && onChoose(sheet, index)}
                >
                  <th scope="row">
                    <label className="row-choice">
                      <input
                        type="radio"
                        name={name}
                        checked={index === row}
                        disabled={empty}
                        onChange={() => onChoose(sheet, index)}
                        aria-label={t('manifests.wizard.row.choose', { row: index + 1 })}
                      />
                      {index + 1}
                    </label>
                  </th>
                  {Array.from({ length: width }, (_, column) => (
                    <td key={column} title={cells[column] ?? ''}>
                      {cells[column] ?? ''}
                    </td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </fieldset>
  );
}
