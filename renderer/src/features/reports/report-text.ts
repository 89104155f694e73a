import type { Translate } from '../../../../shared/i18n';
import { Language } from '../../../../shared/i18n/languages';
import type { ReportKind } from '../../../../shared/ipc/reports-contract';
import type { z } from 'zod';

/** The report's kind as the PDF titles it. */
export const kindText = (t: Translate, kind: z.infer<typeof ReportKind>): string => t(`report.kind.${kind}`);

/** A stored language code by its own name ("Русский"); an unexpected code as it is. */
export function languageText(t: Translate, code: string): string {
  const known = Language.safeParse(code);
  return known.success ? t(`language.${known.data}`) : code;
}
