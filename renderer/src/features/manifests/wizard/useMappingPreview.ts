import { useCallback, useRef, useState } from 'react';
import type { ChannelOutput } from '../../../../../shared/ipc/contract';
import { useApi } from '../../../app/api-context';
import type { Upload } from '../import/file-upload';
import type { ColumnMapping } from '../import/useManifestImport';

export type Preview = ChannelOutput<'manifests.preview'>;

export type PreviewState =
  /** Not asked: no container or B/L column chosen yet. */
  | { readonly kind: 'idle' }
  /** Asked; the previous answer stays on screen meanwhile, so the table does not blink. */
  | { readonly kind: 'loading'; readonly last: Preview | null }
  | { readonly kind: 'ready'; readonly preview: Preview }
  | { readonly kind: 'refused'; readonly error: unknown };

/**
 * The live preview of the mapping wizard: `manifests.preview` with the
 * officer's current choices. Answers can overtake each other when choices
 * change quickly; only the answer to the latest question is shown.
 */
export function useMappingPreview(upload: Upload, initial: Preview | null): [PreviewState, (mapping: ColumnMapping | null) => void] {
  const api = useApi();
  const [state, setState] = useState<PreviewState>(initial ? { kind: 'ready', preview: initial } : { kind: 'idle' });
  const asked = useRef(0);

  const request = useCallback(
    (mapping: ColumnMapping | null) => {
      asked.current += 1;
      const question = asked.current;
      if (!mapping) {
        setState({ kind: 'idle' });
        return;
      }
      setState((current) => ({
        kind: 'loading',
        last: current.kind === 'ready' ? current.preview : current.kind === 'loading' ? current.last : null,
      }));
      api.invoke('manifests.preview', { file: upload, mapping }).then(
        (preview) => asked.current === question && setState({ kind: 'ready', preview }),
        (error: unknown) => asked.current === question && setState({ kind: 'refused', error }),
      );
    },
    [api, upload],
  );

  return [state, request];
}
