import type { ReactNode } from 'react';

/**
 * A form's outcome in words. Errors are announced at once (role=alert);
 * confirmations politely (role=status), so a screen reader finishes what it
 * was reading first.
 */
export function Notice({ kind, children, testId }: { kind: 'error' | 'success' | 'info' | 'warning'; children: ReactNode; testId?: string }) {
  return (
    <div className={`notice notice-${kind}`} role={kind === 'error' ? 'alert' : 'status'} data-testid={testId}>
      {children}
    </div>
  );
}
