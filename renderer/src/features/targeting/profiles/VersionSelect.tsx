import type { ProfileSummary } from '../../../../../shared/ipc/risk-contract';
import { useI18n } from '../../../app/i18n';
import { SelectField } from '../../../components/Field';

/** Picks one version by id; the active one is marked, newest first as the history lists them. */
export function VersionSelect({
  label,
  versions,
  value,
  onChange,
  name,
}: {
  label: string;
  versions: readonly ProfileSummary[];
  value: number;
  onChange: (versionId: number) => void;
  name: string;
}) {
  const { t } = useI18n();
  return (
    <SelectField name={name} label={label} value={String(value)} onChange={(text) => onChange(Number(text))}>
      {versions.map((version) => (
        <option key={version.id} value={version.id}>
          {t('profiles.versionName', { name: version.name, version: version.version })}
          {version.active ? ` — ${t('profiles.active.tag')}` : ''}
        </option>
      ))}
    </SelectField>
  );
}
