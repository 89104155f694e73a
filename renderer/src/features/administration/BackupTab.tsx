import { BackupPanel } from './BackupPanel';
import { DbCheckPanel } from './DbCheckPanel';

export function BackupTab() {
  return (
    <div className="stack">
      <BackupPanel />
      <DbCheckPanel />
    </div>
  );
}
