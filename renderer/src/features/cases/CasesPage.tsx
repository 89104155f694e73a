import { useCallback, useEffect, useRef, useState } from 'react';
import { useI18n } from '../../app/i18n';
import { useSession } from '../../app/session/session-context';
import { PageHeader } from '../../components/PageHeader';
import { Tabs, type Tab } from '../../components/Tabs';
import { assertNever } from '../../../../shared/ipc/errors';
import { ExaminationForm, type ExaminationMemory, type ExamTarget } from './examination/ExaminationForm';
import { CaseList } from './list/CaseList';
import { ExaminationQueue } from './queue/ExaminationQueue';
import { recallView, rememberView, type CasesTab, type CasesView, type OpenCase } from './memory';
import { CaseView } from './view/CaseView';
import './cases.css';

/**
 * Casework: the queue of selected consignments waiting for examination, the
 * list of cases, one open case, and the examination being filled in. The
 * examination form stays mounted while the officer looks at another tab, and
 * is remembered while they look at another section, so a half-filled record
 * beside the container is never lost (see memory.ts).
 */
export function CasesPage() {
  const { t } = useI18n();
  const { info } = useSession();
  const userId = info.user.id;
  const [initial] = useState<CasesView | null>(() => recallView(userId));
  const [current, setCurrent] = useState<CasesTab>(initial?.current ?? 'queue');
  const [openCase, setOpenCase] = useState<OpenCase | null>(initial?.openCase ?? null);
  const [exam, setExam] = useState<CasesView['exam']>(initial?.exam ?? null);
  // The form's own state changes on every key: kept in a ref, written out with the rest.
  const examMemory = useRef<ExaminationMemory | null>(initial?.exam?.memory ?? null);
  const saveExamMemory = useCallback((memory: ExaminationMemory) => {
    examMemory.current = memory;
  }, []);
  const latest = useRef({ current, openCase, exam });
  useEffect(() => {
    latest.current = { current, openCase, exam };
  });
  useEffect(
    () => () => {
      // On leaving the section: what to show when the officer comes back.
      rememberView(userId, { current: latest.current.current, openCase: latest.current.openCase, exam: latest.current.exam && { ...latest.current.exam, memory: examMemory.current } });
    },
    [userId],
  );

  const showCase = useCallback((id: number, reference: string | null) => {
    setOpenCase({ id, reference });
    setCurrent('case');
  }, []);
  const onReference = useCallback((reference: string) => {
    setOpenCase((open) => (open && open.reference !== reference ? { ...open, reference } : open));
  }, []);
  const examine = (target: ExamTarget) => {
    examMemory.current = null;
    setExam((previous) => ({ target, serial: (previous?.serial ?? 0) + 1, memory: null }));
    setCurrent('examination');
  };
  const closeExam = () => {
    examMemory.current = null;
    setExam(null);
    setCurrent(openCase ? 'case' : 'queue');
  };

  const visible: CasesTab[] = ['queue', 'cases', ...(openCase ? (['case'] as const) : []), ...(exam ? (['examination'] as const) : [])];
  const title = (tab: CasesTab): string => {
    switch (tab) {
      case 'queue':
        return t('cases.tab.queue');
      case 'cases':
        return t('cases.tab.cases');
      case 'case':
        return openCase?.reference ? t('cases.tab.caseNamed', { reference: openCase.reference }) : t('cases.tab.case');
      case 'examination':
        return exam ? t('cases.tab.examinationNamed', { label: exam.target.label }) : t('cases.tab.examination');
      default:
        return assertNever(tab, 'cases tab');
    }
  };
  const tabs: Tab<CasesTab>[] = visible.map((key) => ({ key, title: title(key) }));
  const shown = visible.includes(current) ? current : 'queue';

  return (
    <>
      <PageHeader title={t('cases.title')} />
      <Tabs label={t('cases.tabs')} tabs={tabs} current={shown} onSelect={setCurrent}>
        {shown === 'queue' && <ExaminationQueue onExamine={examine} onOpenCase={showCase} />}
        {shown === 'cases' && <CaseList onOpen={showCase} />}
        {shown === 'case' && openCase && <CaseView key={openCase.id} caseId={openCase.id} onReference={onReference} onExamine={examine} />}
        {exam && (
          <div hidden={shown !== 'examination'}>
            <ExaminationForm
              key={exam.serial}
              target={exam.target}
              memory={exam.memory}
              onMemory={saveExamMemory}
              onClose={closeExam}
              onOpenCase={(caseId, reference) => {
                examMemory.current = null;
                setExam(null);
                showCase(caseId, reference);
              }}
            />
          </div>
        )}
      </Tabs>
    </>
  );
}
