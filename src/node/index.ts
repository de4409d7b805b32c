// tender-eval/node: what a Node program needs around the library's workflows, which take file contents
// and never touch the file system themselves: reading a tender from disk, the bundled templates, policy and
// example, and worker threads for the parallel steps. Kept apart from the root export so that the library
// itself stays usable where there is no file system (a browser, a worker).
export { InputFileError, bankHolidaysFile, bundledExampleFolder, documentTemplate, readFileOnDisk, readSheetsFolder, readTenderFolder, reviewPolicyFile, type FileOnDisk, type TenderPaths } from "./files.js";
export { WorkerTaskError, workerThreadRuntime } from "./worker-runtime.js";
