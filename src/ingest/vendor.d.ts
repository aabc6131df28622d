// pdfjs's parser module ships without type declarations; it is only loaded for its side effect
// (it registers itself as `globalThis.pdfjsWorker`), so nothing of it is typed beyond that.
declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs' {
  export const WorkerMessageHandler: unknown;
}
