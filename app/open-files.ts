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

/**
 * Files and folders dropped on the page, as the workflows take them. A dropped folder's files are named
 * inside it (returned-sheets/E1.xlsx), as when a folder is chosen; its own name is left out.
 */
export async function droppedFiles(data: DataTransfer): Promise<NamedFile[]> {
  const entries = Array.from(data.items)
    .map((item) => item.webkitGetAsEntry?.())
    .filter((e): e is FileSystemEntry => e !== null && e !== undefined);
  // Without entries (an older browser) the dropped files alone are read.
  if (entries.length === 0) return namedFiles(data.files);
  const out: NamedFile[] = [];
  const walk = async (entry: FileSystemEntry, inside: string): Promise<void> => {
    if (entry.isFile) {
      const file = await new Promise<File>((resolve, reject) => (entry as FileSystemFileEntry).file(resolve, reject));
      out.push({ name: inside === "" ? file.name : `${inside}/${file.name}`, bytes: new Uint8Array(await file.arrayBuffer()) });
    } else if (entry.isDirectory) {
      const reader = (entry as FileSystemDirectoryEntry).createReader();
      // readEntries gives a folder's entries in batches until it gives none.
      for (;;) {
        const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
        if (batch.length === 0) break;
        for (const child of batch) await walk(child, entries.length === 1 && entry === entries[0] ? inside : inside === "" ? entry.name : `${inside}/${entry.name}`);
      }
    }
  };
  for (const entry of entries) await walk(entry, "");
  return out;
}
