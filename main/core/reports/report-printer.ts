/**
 * The printer port: what the report service needs from the runtime to put an
 * issued PDF in front of the system print dialog, and nothing more. The
 * Electron app passes main/electron/report-printer.ts; the CLI and the test
 * harness have no printer unless a test passes a fake, and `reports.print`
 * then answers PRINT_UNAVAILABLE.
 */
export type PrintOutcome = 'printed' | 'cancelled';

export interface ReportPrinter {
  /**
   * Shows the system print dialog for `pdf` (the bytes exactly as recorded).
   * Resolves 'printed' once the job was handed to the printer, 'cancelled'
   * when the manager closed the dialog; rejects when the print failed.
   * `jobName` names the job in the printer queue (no personal data: the report uid).
   */
  print(pdf: Buffer, jobName: string): Promise<PrintOutcome>;
}
