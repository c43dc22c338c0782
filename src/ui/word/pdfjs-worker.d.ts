/** pdf.js's worker half, imported by ./pdf-worker.ts; pdfjs-dist ships no types for it. */
declare module 'pdfjs-dist/build/pdf.worker.mjs' {
  export const WorkerMessageHandler: unknown;
}
