/**
 * The version documents and results name. A constant rather than a read of package.json, so the library
 * reads no file and runs anywhere (a browser included); test/version.test.ts keeps it equal to package.json.
 */
export const TOOL_VERSION = "0.1.0";
