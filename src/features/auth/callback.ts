/** Only same-site paths, so a crafted link cannot send the user elsewhere after sign-in. */
export function safeCallback(url: string | null | undefined): string {
  return url && url.startsWith('/') && !url.startsWith('//') && !url.startsWith('/\\') ? url : '/';
}
