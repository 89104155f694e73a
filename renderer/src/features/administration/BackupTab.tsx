import { BackupPanel } from './BackupPanel';
import { DbCheckPanel } from './DbCheckPanel';
import { RestorePanel } from './RestorePanel';

export function BackupTab() {
  return (
    <div className="stack">
      <BackupPanel />
      <RestorePanel />
      <DbCheckPanel />
    </div>
  );
}
