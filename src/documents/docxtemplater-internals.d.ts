// docxtemplater 3.71's own join and postrender steps, which direct-render.ts calls so that what it makes is
// what docxtemplater makes. Not part of docxtemplater's declared API: pinned to 3.71.
declare module "docxtemplater/js/join-uncorrupt.js" {
  export default function joinUncorrupt(parts: unknown[], options: unknown): unknown[];
}
declare module "docxtemplater/js/filetypes.js" {
  const filetypes: { docx: string[] };
  export default filetypes;
}
declare module "docxtemplater/js/postrender.js" {
  export default function postrender(parts: unknown[], options: unknown): Uint8Array;
}
