import { useState, type DragEvent, type ReactNode } from 'react';

/**
 * A zone files come in through: dropped from the file manager or an e-mail
 * client, or chosen in the system dialog behind the "choose" label. Each use
 * brings its own words, accepted types and test ids; the hint goes below as
 * children.
 */
export function FileDrop({
  disabled,
  onFiles,
  prompt,
  choose,
  accept,
  multiple,
  className,
  testId,
  inputTestId,
  describedBy,
  children,
}: {
  disabled: boolean;
  /** Never called with an empty list, nor while disabled. */
  onFiles: (files: File[]) => void;
  prompt: string;
  choose: string;
  accept?: string;
  multiple?: boolean;
  /** Added after `drop-zone`. */
  className?: string;
  testId: string;
  inputTestId?: string;
  /** Id of what explains the files expected (the hint under the zone). */
  describedBy?: string;
  children?: ReactNode;
}) {
  const [over, setOver] = useState(false);

  const take = (list: FileList | null) => {
    // Copied first: the list empties when the input is reset.
    const files = list ? [...list] : [];
    if (files.length > 0 && !disabled) onFiles(files);
  };
  // Without preventDefault the browser (or Electron) would open a dropped file itself.
  const allow = (event: DragEvent) => {
    event.preventDefault();
    event.dataTransfer.dropEffect = disabled ? 'none' : 'copy';
  };

  return (
    <div
      className={['drop-zone', className ?? '', over ? 'over' : '', disabled ? 'disabled' : ''].filter(Boolean).join(' ')}
      data-testid={testId}
      onDragEnter={(event) => {
        allow(event);
        setOver(true);
      }}
      onDragOver={allow}
      onDragLeave={(event) => {
        // Leaving for a child element is not leaving the zone.
        if (!(event.relatedTarget instanceof Node && event.currentTarget.contains(event.relatedTarget))) setOver(false);
      }}
      onDrop={(event) => {
        event.preventDefault();
        setOver(false);
        take(event.dataTransfer.files);
      }}
    >
      <p className="drop-prompt">
        {prompt}{' '}
        {/* The input sits inside its label: the label shows the keyboard focus (`.choose-files:focus-within`). */}
        <label className={disabled ? 'choose-files disabled' : 'choose-files'}>
          {choose}
          <input
            type="file"
            accept={accept}
            multiple={multiple}
            className="visually-hidden"
            disabled={disabled}
            aria-describedby={describedBy}
            data-testid={inputTestId}
            onChange={(event) => {
              take(event.target.files);
              // Choosing the same file again (a duplicate to report, a corrected CSV) must fire onChange again.
              event.target.value = '';
            }}
          />
        </label>
      </p>
      {children}
    </div>
  );
}
