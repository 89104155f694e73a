import { useRef, type KeyboardEvent } from 'react';
import { useI18n } from './i18n';
import { sections, sectionTitleKey, type Section } from './sections';

/**
 * The section list. Arrow keys, Home and End move between sections (one tab
 * stop for the whole list, as in a desktop sidebar); Ctrl+1…7 work anywhere
 * (see App).
 */
export function Navigation({ current, onSelect }: { current: Section; onSelect: (section: Section) => void }) {
  const { t } = useI18n();
  const buttons = useRef(new Map<Section, HTMLButtonElement>());

  const move = (event: KeyboardEvent, from: Section) => {
    const index = sections.indexOf(from);
    const target =
      event.key === 'ArrowDown' ? sections[(index + 1) % sections.length]
      : event.key === 'ArrowUp' ? sections[(index - 1 + sections.length) % sections.length]
      : event.key === 'Home' ? sections[0]
      : event.key === 'End' ? sections[sections.length - 1]
      : undefined;
    if (!target) return;
    event.preventDefault();
    onSelect(target);
    buttons.current.get(target)?.focus();
  };

  return (
    <nav className="sidebar" aria-label={t('nav.label')}>
      <ul>
        {sections.map((section, index) => (
          <li key={section}>
            <button
              type="button"
              ref={(element) => {
                if (element) buttons.current.set(section, element);
                else buttons.current.delete(section);
              }}
              className={section === current ? 'nav-item active' : 'nav-item'}
              aria-current={section === current ? 'page' : undefined}
              tabIndex={section === current ? 0 : -1}
              data-section={section}
              onClick={() => onSelect(section)}
              onKeyDown={(event) => move(event, section)}
            >
              <span className="nav-title">{t(sectionTitleKey[section])}</span>
              <kbd className="nav-shortcut">{t('nav.shortcut', { key: index + 1 })}</kbd>
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
