import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { readFileOnDisk, packageRoot, type FileOnDisk } from "./files.js";

/** Where the bundled ready-made scoring models are. */
export const readyMadeModelsFolder = join(packageRoot, "scoring-models");

/** The bundled ready-made scoring models, by name order. */
export async function readyMadeModelFiles(): Promise<FileOnDisk[]> {
  const names = (await readdir(readyMadeModelsFolder)).filter((n) => /\.ya?ml$/i.test(n)).sort();
  return Promise.all(names.map((n) => readFileOnDisk(join(readyMadeModelsFolder, n), { base: readyMadeModelsFolder })));
}
