import { Fragment } from 'react';

/**
 * A SHA-256 fingerprint as people read it out ("5A:A8:…"): a line may break
 * after a colon, never inside a byte, so no pair is split across lines when
 * two officers compare it over the phone.
 */
export function Fingerprint({ value, className, testId }: { value: string; className: string; testId?: string }) {
  const pairs = value.split(':');
  return (
    <code className={className} data-testid={testId}>
      {pairs.map((pair, index) => (
        <Fragment key={index}>
          {pair}
          {index < pairs.length - 1 && (
            <>
              :<wbr />
            </>
          )}
        </Fragment>
      ))}
    </code>
  );
}
