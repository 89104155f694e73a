import { useState } from 'react';
import { AuditFilterForm, noAuditFilter, type AuditFilter } from './AuditFilterForm';
import { AuditTable } from './AuditTable';
import { AuditVerifyPanel } from './AuditVerifyPanel';

/** The tamper-evident trail: filter, read, and verify the chain. */
export function AuditTab() {
  const [filter, setFilter] = useState<AuditFilter>(noAuditFilter);
  // Bumped after a verification, whose own entry should then appear.
  const [version, setVersion] = useState(0);
  return (
    <div className="stack">
      <AuditVerifyPanel onVerified={() => setVersion((n) => n + 1)} />
      <AuditFilterForm onApply={setFilter} />
      <AuditTable filter={filter} version={version} />
    </div>
  );
}
