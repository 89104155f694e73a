/**
 * The renderer's Content Security Policy: one source for the app:// response
 * header, the <meta> tag in index.html (written at build time) and the test
 * harness's server. Everything is denied but the app's own scripts, styles,
 * fonts and images; `connect-src 'none'` because the renderer never talks to a
 * network, it only calls the main process through the preload bridge.
 */
export const contentSecurityPolicyDirectives: Readonly<Record<string, string>> = {
  'default-src': "'none'",
  'script-src': "'self'",
  'style-src': "'self'",
  // data:/blob: for photo thumbnails the renderer builds from bytes the main process sends.
  'img-src': "'self' data: blob:",
  'font-src': "'self'",
  'connect-src': "'none'",
  'media-src': "'none'",
  'object-src': "'none'",
  'frame-src': "'none'",
  'worker-src': "'none'",
  'manifest-src': "'none'",
  'base-uri': "'none'",
  'form-action': "'none'",
  'frame-ancestors': "'none'",
};

export const contentSecurityPolicy: string = Object.entries(contentSecurityPolicyDirectives)
  .map(([directive, value]) => `${directive} ${value}`)
  .join('; ');

/** `frame-ancestors` is ignored (and warned about) in a <meta> policy; the header carries it. */
export const metaContentSecurityPolicy: string = Object.entries(contentSecurityPolicyDirectives)
  .filter(([directive]) => directive !== 'frame-ancestors')
  .map(([directive, value]) => `${directive} ${value}`)
  .join('; ');
