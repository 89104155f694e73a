import { useState, type ReactNode } from 'react';
import { DemoOffer, type DemoCreated } from './DemoOffer';
import { DemoUnitScreen } from './DemoUnitScreen';
import { RecoveryKeyScreen } from './RecoveryKeyScreen';
import { SetupWizard } from './SetupWizard';

type Step =
  | { kind: 'form' }
  | { kind: 'recovery'; recoveryKey: string; unitName: string }
  | { kind: 'demo'; created: DemoCreated };

/**
 * Wizard (or, on training starts, the demo unit), then what must be seen
 * once: the recovery key or the demo accounts. `onHold(true)` asks the
 * session gate to keep this flow on screen although main already reports the
 * new session.
 */
export function SetupFlow({
  demoAvailable,
  onHold,
  onDone,
}: {
  demoAvailable: boolean;
  onHold: (held: boolean) => void;
  onDone: () => void;
}) {
  const [step, setStep] = useState<Step>({ kind: 'form' });
  const hold = () => onHold(true);
  const release = () => onHold(false);

  if (step.kind === 'recovery') return <RecoveryKeyScreen recoveryKey={step.recoveryKey} unitName={step.unitName} onContinue={onDone} />;
  if (step.kind === 'demo') return <DemoUnitScreen created={step.created} onContinue={onDone} />;
  const demo: ReactNode = demoAvailable ? (
    <DemoOffer onStart={hold} onFailed={release} onCreated={(created) => setStep({ kind: 'demo', created })} />
  ) : null;
  return (
    <SetupWizard
      onStart={hold}
      onFailed={release}
      onCreated={(result) => setStep({ kind: 'recovery', recoveryKey: result.recoveryKey, unitName: result.session.unit.name })}
    >
      {demo}
    </SetupWizard>
  );
}
