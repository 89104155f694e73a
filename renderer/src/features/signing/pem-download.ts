/**
 * Saves text as a file through a blob link: Electron shows its save dialog,
 * the browser its download bar. The URL is revoked once the click has been
 * handled, so the certificate does not stay addressable in the page.
 */
export function downloadText(fileName: string, text: string, mediaType = 'application/x-pem-file'): void {
  const url = URL.createObjectURL(new Blob([text], { type: mediaType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
