import type { ExamTarget, ExaminationMemory } from './examination/ExaminationForm';

export type CasesTab = 'queue' | 'cases' | 'case' | 'examination';

export interface OpenCase {
  readonly id: number;
  readonly reference: string | null;
}

export interface CasesView {
  readonly current: CasesTab;
  readonly openCase: OpenCase | null;
  readonly exam: { readonly target: ExamTarget; readonly serial: number; readonly memory: ExaminationMemory | null } | null;
}

/**
 * Where the officer was in Casework, kept while they look at another section
 * (Ctrl+1 to check a line, Ctrl+3 back): the open case, and a half-filled
 * examination with its photos, which must not be lost to a section switch.
 * Only in this window's memory, never on disk, and only for the same user:
 * after a logout the next user starts clean.
 */
let remembered: { readonly userId: number; readonly view: CasesView } | null = null;

export function recallView(userId: number): CasesView | null {
  return remembered && remembered.userId === userId ? remembered.view : null;
}

export function rememberView(userId: number, view: CasesView): void {
  remembered = { userId, view };
}
