/** Hands a file to the browser as a download. */
export function download(data: Blob, filename: string): void {
  const url = URL.createObjectURL(data);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  // The download has started once click() returns; the URL can go a moment later.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
