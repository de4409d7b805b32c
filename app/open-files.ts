import type { NamedFile } from "../src/workflows/files.js";

/**
 * Files the person chose or dropped, as the workflows take them. A file from a chosen folder keeps its
 * path inside that folder (returned-sheets/E1.xlsx), never anything above it: that is all the browser gives.
 */
export async function namedFiles(list: FileList | readonly File[]): Promise<NamedFile[]> {
  const files = Array.from(list);
  return Promise.all(
    files.map(async (file) => {
      const relative = (file as File & { webkitRelativePath?: string }).webkitRelativePath;
      // A chosen folder's own name is the first part of the path; the tender's files are named inside it.
      const name = relative ? relative.split("/").slice(1).join("/") || file.name : file.name;
      return { name, bytes: new Uint8Array(await file.arrayBuffer()) };
    }),
  );
}

/** Offer bytes as a download, as a link the person's browser saves; nothing is sent anywhere. */
export function download(name: string, bytes: Uint8Array | string, type: string): void {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type }));
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
