/**
 * The one Content-Security-Policy for the renderer, sent by the browser-mode server and by the
 * Electron app:// protocol alike: only our own files, no remote origins, no plugins, no framing.
 * Inline styles stay allowed because React and CSS-in-JS set style attributes; scripts do not.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "media-src 'self' blob:",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  // Generated PDFs are previewed and printed in an iframe of a blob: URL the renderer made itself.
  "frame-src 'self' blob:",
  "frame-ancestors 'none'",
].join('; ');
