// wawoff2 ships no types: decompress() turns WOFF2 bytes into TTF bytes (Google's woff2 in WASM).
declare module 'wawoff2/decompress.js' {
  const decompress: (woff2: Uint8Array) => Promise<Uint8Array>;
  export = decompress;
}
