import { readFileSync, readdirSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

/**
 * The layers import downwards only: arithmetic < language (UK formats) < problems (findings and their one
 * formatter) < model < scoring < review and sensitivity < presentation and documents < cli. Each rule below
 * is one the code once broke; a test keeps it from coming back unnoticed.
 */
const src = fileURLToPath(new URL("../../src/", import.meta.url));

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? tsFiles(join(dir, e.name)) : e.name.endsWith(".ts") ? [join(dir, e.name)] : []));
}

/** Every relative import, export-from and dynamic import, as `file → top-level folder under src`. */
const edges = tsFiles(src).flatMap((file) => {
  const text = readFileSync(file, "utf8");
  const specifiers = [...text.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)["']([^"']+)["']/gm)].map((m) => m[1]!);
  return specifiers
    .filter((s) => s.startsWith("."))
    .map((s) => ({ from: relative(src, file), to: relative(src, resolve(dirname(file), s)) }));
});
const folder = (path: string) => (path.includes("/") ? path.slice(0, path.indexOf("/")) : "");

function violations(layer: string, allowed: readonly string[], except: readonly string[] = []): string[] {
  return edges
    .filter((e) => folder(e.from) === layer && !except.includes(e.from) && !allowed.includes(folder(e.to)))
    .map((e) => `${e.from} imports ${e.to}`);
}

describe("layering", () => {
  it("finds the imports it checks", () => {
    expect(edges.some((e) => e.from === "review/review-tender.ts" && e.to === "scoring/validate-tender.js")).toBe(true);
  });

  it("arithmetic imports nothing else of ours", () => {
    expect(violations("arithmetic", ["arithmetic"])).toEqual([]);
  });

  it("language (UK formats) sits on arithmetic only", () => {
    expect(violations("language", ["arithmetic", "language"])).toEqual([]);
  });

  it("problems import nothing above arithmetic and their formatting home", () => {
    expect(violations("problems", ["arithmetic", "language", "problems"])).toEqual([]);
  });

  it("the model imports neither scoring nor review (nor anything above it)", () => {
    expect(violations("model", ["arithmetic", "language", "problems", "model"])).toEqual([]);
  });

  it("the review imports nothing from presentation", () => {
    expect(edges.filter((e) => folder(e.from) === "review" && folder(e.to) === "presentation").map((e) => `${e.from} imports ${e.to}`)).toEqual([]);
  });

  it("sensitivity imports nothing from presentation", () => {
    expect(edges.filter((e) => folder(e.from) === "sensitivity" && folder(e.to) === "presentation").map((e) => `${e.from} imports ${e.to}`)).toEqual([]);
  });

  it("every import runs downwards through the layers, up to the workflows and the edges over them", () => {
    const rank: Record<string, number> = {
      arithmetic: 0, language: 1, problems: 2, model: 3, scoring: 4, review: 5, sensitivity: 5,
      presentation: 6, documents: 7, spreadsheets: 7, workflows: 8, node: 9, cli: 10,
    };
    const upwards = edges.filter((e) => {
      const from = rank[folder(e.from)];
      const to = rank[folder(e.to)];
      return from !== undefined && to !== undefined && to > from;
    });
    expect(upwards.map((e) => `${e.from} imports ${e.to}`)).toEqual([]);
  });

  it("no command imports another command, and no CLI file imports the command list's loader", () => {
    const commands = edges.filter((e) => e.from.startsWith("cli/commands/") && e.to.startsWith("cli/commands/"));
    expect(commands.map((e) => `${e.from} imports ${e.to}`)).toEqual([]);
    expect(edges.filter((e) => e.from.startsWith("cli/") && e.to === "cli/main.js" && e.from !== "cli/bin.ts").map((e) => e.from)).toEqual([]);
  });

  it("the browser app, like the CLI, only gathers input, calls the workflows and renders: no Node adapter, no CLI", () => {
    const app = fileURLToPath(new URL("../../app/", import.meta.url));
    const appFiles = readdirSync(app).filter((f) => /\.tsx?$/.test(f)).map((f) => join(app, f));
    const reaches = appFiles.flatMap((file) =>
      [...readFileSync(file, "utf8").matchAll(/\bfrom\s*["']([^"']+)["']/g)]
        .map((m) => m[1]!)
        .filter((s) => s.startsWith("../src/"))
        .map((s) => `${relative(app, file)} imports ${s}`),
    );
    expect(reaches.length).toBeGreaterThan(0);
    expect(reaches.filter((r) => /\.\.\/src\/(node|cli)\//.test(r))).toEqual([]);
  });
});
