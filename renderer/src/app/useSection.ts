import { useCallback, useEffect, useState } from 'react';
import { sectionFromHash, type Section } from './sections';

/**
 * The open section lives in the URL hash, so a reload (Ctrl+R, or the
 * language switch's re-render) keeps the officer where they were. Hash changes
 * stay inside the page: the shell's will-navigate guard is not involved.
 */
export function useSection(): [Section, (section: Section) => void] {
  const [section, setSectionState] = useState<Section>(() => sectionFromHash(window.location.hash));

  useEffect(() => {
    const onHashChange = () => setSectionState(sectionFromHash(window.location.hash));
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, []);

  const setSection = useCallback((next: Section) => {
    if (window.location.hash !== `#/${next}`) window.location.hash = `/${next}`;
    setSectionState(next);
  }, []);

  return [section, setSection];
}
