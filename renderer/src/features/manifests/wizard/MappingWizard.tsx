import { useEffect, useState } from 'react';
import { z } from 'zod';
import { assertNever } from '../../../../../shared/ipc/errors';
import { ApiError } from '../../../api/client';
import { useApi } from '../../../app/api-context';
import { useI18n } from '../../../app/i18n';
import { useErrorText } from '../../../components/api-errors';
import { Notice } from '../../../components/Notice';
import type { Upload } from '../import/file-upload';
import type { ColumnMapping } from '../import/useManifestImport';
import { ColumnStep } from './ColumnStep';
import { choicesFromColumns, headerColumns } from './columns';
import { HeaderRowPicker, type SheetRows } from './HeaderRowPicker';
import type { Preview } from './useMappingPreview';

/** MANIFEST_NO_HEADER's details as the contract describes them; checked, since details are `unknown` on the wire. */
const NoHeaderDetails = z.object({ tables: z.array(z.object({ sheet: z.string(), rows: z.array(z.array(z.string())) })) });

type Source =
  | { readonly kind: 'loading' }
  /** No header recognised: the officer points at it among the first rows. */
  | { readonly kind: 'rows'; readonly tables: readonly SheetRows[] }
  /** A layout main read (by its names or a saved mapping): the officer checks and corrects it. */
  | { readonly kind: 'read'; readonly preview: Preview }
  | { readonly kind: 'failed'; readonly error: unknown };

function headerlessTables(error: unknown): readonly SheetRows[] | null {
  if (!(error instanceof ApiError) || error.code !== 'MANIFEST_NO_HEADER') return null;
  const details = NoHeaderDetails.safeParse(error.details);
  return details.success && details.data.tables.length > 0 ? details.data.tables : null;
}

/**
 * Column mapping for one file: which row is the header, which column is
 * which field, a live preview, then the import with those choices. Main
 * saves them for the layout, so the sender's next file needs none of this.
 */
export function MappingWizard({
  upload,
  storedAs,
  busy,
  refusal,
  onImport,
  onClose,
}: {
  upload: Upload;
  /** The manifest this file is already stored as: importing it again is a duplicate, only the choices are kept. */
  storedAs: number | null;
  busy: boolean;
  /** Why the last import with the officer's choices was refused (already translated by main). */
  refusal: string | null;
  onImport: (mapping: ColumnMapping) => void;
  onClose: () => void;
}) {
  const api = useApi();
  const { t } = useI18n();
  const errorText = useErrorText();
  const [source, setSource] = useState<Source>({ kind: 'loading' });
  const [chosen, setChosen] = useState<{ sheet: number; row: number | null }>({ sheet: 0, row: null });

  useEffect(() => {
    let current = true;
    api.invoke('manifests.preview', { file: upload }).then(
      (preview) => current && setSource({ kind: 'read', preview }),
      (error: unknown) => {
        if (!current) return;
        const tables = headerlessTables(error);
        setSource(tables ? { kind: 'rows', tables } : { kind: 'failed', error });
      },
    );
    return () => {
      current = false;
    };
  }, [api, upload]);

  const step = (() => {
    switch (source.kind) {
      case 'loading':
        return <p className="muted">{t('manifests.wizard.preview.loading')}</p>;
      case 'failed':
        return <Notice kind="error">{errorText(source.error)}</Notice>;
      case 'read': {
        const mapping = source.preview.mapping;
        if (!mapping) return <Notice kind="info">{t('manifests.wizard.fixedFormat')}</Notice>;
        const headers = headerColumns(mapping.headers);
        return (
          <>
            <fieldset className="wizard-step">
              <legend>{t('manifests.wizard.step.row')}</legend>
              <p>
                {/* A CSV's only "sheet" is named after the file: naming it again says nothing. */}
                {mapping.sheet === upload.name
                  ? t('manifests.wizard.row.found', { row: mapping.headerRow })
                  : t('manifests.wizard.row.foundOnSheet', { row: mapping.headerRow, sheet: mapping.sheet })}
              </p>
            </fieldset>
            <ColumnStep
              upload={upload}
              headers={headers}
              samples={mapping.sample}
              initialChoices={choicesFromColumns(headers, mapping.columns)}
              initialPreview={source.preview}
              busy={busy}
              onImport={onImport}
              onClose={onClose}
            />
          </>
        );
      }
      case 'rows': {
        const rows = source.tables[chosen.sheet]?.rows ?? [];
        const headerCells = chosen.row === null ? null : rows[chosen.row];
        return (
          <>
            <HeaderRowPicker tables={source.tables} sheet={chosen.sheet} row={chosen.row} onChoose={(sheet, row) => setChosen({ sheet, row })} />
            {headerCells && chosen.row !== null && (
              <ColumnStep
                key={`${chosen.sheet}:${chosen.row}`}
                upload={upload}
                headers={headerColumns(headerCells)}
                samples={rows.slice(chosen.row + 1)}
                initialChoices={{}}
                initialPreview={null}
                busy={busy}
                onImport={onImport}
                onClose={onClose}
              />
            )}
          </>
        );
      }
      default:
        return assertNever(source, 'wizard source');
    }
  })();

  return (
    <section className="mapping-wizard" aria-labelledby="mapping-wizard-title" data-testid="mapping-wizard">
      <header className="wizard-header">
        <h3 id="mapping-wizard-title">{t('manifests.wizard.title', { file: upload.name })}</h3>
        <button type="button" className="small" onClick={onClose} disabled={busy}>
          {t('common.close')}
        </button>
      </header>
      {storedAs !== null && <Notice kind="info">{t('manifests.wizard.stored', { id: storedAs })}</Notice>}
      {refusal && <Notice kind="error">{refusal}</Notice>}
      {step}
    </section>
  );
}
