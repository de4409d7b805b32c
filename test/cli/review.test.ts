import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { exampleFolder } from "../example-tender.js";
import { docxText } from "../documents/docx-helpers.js";
import { runCli } from "./harness.js";

const failing = new URL("../../scoring-models/price-led-failing.yaml", import.meta.url).pathname;
const spec = join(exampleFolder, "specification.yaml");

describe("tender-eval review", () => {
  it("groups flags by severity, with where and why, and exits 0 by default (fail on errors only)", async () => {
    const run = await runCli(["review", "--spec", spec, "--model", failing]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("Warnings (6)");
    expect(run.stdout).toContain("! price carries 60% of the marks, above the 30% this policy allows for care, support and other labour-intensive services");
    expect(run.stdout).toMatch(/Where: .*price-led-failing\.yaml: sections\.price\.weight \(line 16\)/);
    expect(run.stdout).toContain("Why: No UK body publishes a numeric cap on price.");
    expect(run.stdout.indexOf("Warnings")).toBeLessThan(run.stdout.indexOf("Advice"));
  });

  it("--fail-on warning exits 3 for an approval workflow", async () => {
    const run = await runCli(["review", "--spec", spec, "--model", failing, "--fail-on", "warning"]);
    expect(run.code).toBe(3);
  });

  it("--json gives codes, severities, figures, places and sources", async () => {
    const run = await runCli(["review", "--spec", spec, "--model", failing, "--json"]);
    const json = JSON.parse(run.stdout);
    const token = json.flags.find((f: { code: string }) => f.code === "review.social-value-token");
    expect(token).toMatchObject({ severity: "warning", path: "sections.socialValue.weight", line: 33, args: { weight: { value: 5, exact: "5" }, token: 5 } });
    expect(token.source).toContain("PPN 06/20");
  });

  it("with bids, prints effective weights", async () => {
    const run = await runCli(["review", exampleFolder]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Price\s+published\s+30%\s+effective\s+16\.4%/);
  });

  it("--policy takes an authority's own thresholds, and a broken policy is a located error", async () => {
    const dir = (await runCli(["--version"])).cwd;
    const policy = readFileSync(new URL("../../policies/uk-default.yaml", import.meta.url), "utf8");
    writeFileSync(join(dir, "strict.yaml"), policy.replace("  minimumPercent: 10\n", "  minimumPercent: 20\n"));
    const strict = await runCli(["review", exampleFolder, "--policy", "strict.yaml", "--without-bids"], dir);
    expect(strict.stdout).toContain("social value carries 15% of the total score, below the minimum of 20%");
    writeFileSync(join(dir, "broken.yaml"), policy.replace("  minimumPercent: 10\n", "  minimumPercent: lots\n"));
    const broken = await runCli(["review", exampleFolder, "--policy", "broken.yaml"], dir);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain('broken.yaml: socialValue.minimumPercent (line 20): expected a number, got "lots"');
  });

  it("reports weights that do not add up, with the actual sum, and exits 1", async () => {
    const dir = (await runCli(["--version"])).cwd;
    writeFileSync(join(dir, "model.yaml"), readFileSync(failing, "utf8").replace("    weight: 60\n", "    weight: 70\n"));
    const run = await runCli(["review", "--spec", spec, "--model", "model.yaml"], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("model.yaml: sections (line 14): the weights of the sections (price 70, quality 35, socialValue 5) add up to 110, not 100");
  });
});

describe("tender-eval whatif", () => {
  it("prints break-even weights, the leader's stability, the chance of winning and where to invest; --json is exact", async () => {
    const run = await runCli(["whatif", exampleFolder, "--bid", "B2", "--samples", "2000"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("Riverside Disabled People's Voice stays first from 0% to 65.4%.");
    expect(run.stdout).toContain("At 65.4%: National Care Partnership Ltd overtakes Riverside Disabled People's Voice");
    // B2's own first-place range on price: from where it overtakes the DDPO to the end.
    expect(run.stdout).toContain("National Care Partnership Ltd would come first from 65.4% to 100%.");
    expect(run.stdout).toContain("National Care Partnership Ltd would not come first at any quality weight.");
    expect(run.stdout).toContain("SMAA-2, 2,000 samples, seed 1");
    expect(run.stdout).toContain("Q2 Co-production and involvement of disabled people: from 2 to the top of the scale would not be enough on its own");
    const json = JSON.parse((await runCli(["whatif", exampleFolder, "--samples", "1000", "--json"])).stdout);
    const price = json.sweeps.find((s: { section: string }) => s.section === "price");
    expect(price.leaders[0].to.exact).toBe("292900/4479");
    // Every ranked bid's own first-place interval on every sweep, keyed by bid id (null where it is never first; B6 is excluded).
    for (const sweep of json.sweeps) expect(sweep.firstPlace.map((f: { bidId: string }) => f.bidId).sort()).toEqual(["B1", "B2", "B3", "B4", "B5"]);
    expect(price.firstPlace.find((f: { bidId: string }) => f.bidId === "B2").interval.from.exact).toBe("292900/4479");
  });

  it("the built command, which samples in worker threads, gives exactly the same chances as in-process", async () => {
    const { execFileSync } = await import("node:child_process");
    const bin = new URL("../../dist/cli/bin.js", import.meta.url).pathname;
    // Chunks are 50,000 samples: 120,000 are three, so the built command runs them on worker threads.
    const viaWorkers = JSON.parse(execFileSync(process.execPath, [bin, "whatif", exampleFolder, "--samples", "120000", "--seed", "5", "--json"], { encoding: "utf8" }));
    const inProcess = JSON.parse((await runCli(["whatif", exampleFolder, "--samples", "120000", "--seed", "5", "--json"])).stdout);
    expect(viaWorkers.smaa.bids).toEqual(inProcess.smaa.bids);
    // Every bid keyed by id: B6, excluded, is named with no chances rather than dropped.
    expect(Object.keys(inProcess.smaa.bids).sort()).toEqual(["B1", "B2", "B3", "B4", "B5", "B6"]);
    expect(inProcess.smaa.bids.B6).toMatchObject({ status: "excluded", rankAcceptability: null });
    expect(viaWorkers.smaa.chunks).toBe(3);
  });

  it("refuses an unknown bid and a silly sample count as usage errors", async () => {
    expect((await runCli(["whatif", exampleFolder, "--bid", "B9"])).code).toBe(2);
    expect((await runCli(["whatif", exampleFolder, "--samples", "5"])).code).toBe(2);
  });

  it("--weight-range limits the weights sampled; the samples respect the ranges", async () => {
    const run = await runCli(["whatif", exampleFolder, "--samples", "3000", "--weight-range", "socialValue=10-25", "--weight-range", "price=50-60", "--json"]);
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout);
    // Keyed by bid id, weights in percent like the sweeps.
    for (const { typicalWeightsWhenFirst: w } of Object.values(json.smaa.bids) as { typicalWeightsWhenFirst: Record<string, number> | null }[]) {
      if (w === null) continue;
      expect(w["socialValue"]).toBeGreaterThanOrEqual(10);
      expect(w["socialValue"]).toBeLessThanOrEqual(25);
      expect(w["price"]).toBeGreaterThanOrEqual(50);
    }
    const text = await runCli(["whatif", exampleFolder, "--samples", "1000", "--weight-range", "socialValue=10-25"]);
    expect(text.stdout).toContain("when every weighting within these limits (social value 10–25%) is equally likely");
  });

  it("--profiles: weight limits in the profiles file are used, and --weight-range adds to or replaces them", async () => {
    const model = join(exampleFolder, "scoring-model.yaml");
    const profiles = join(exampleFolder, "whatif-profiles.yaml");
    const fromFile = JSON.parse((await runCli(["whatif", "--model", model, "--profiles", profiles, "--samples", "1000", "--json"])).stdout);
    expect(fromFile.smaa.weightLimits).toEqual({ socialValue: { low: 10, high: 25 } });
    const both = JSON.parse((await runCli(["whatif", "--model", model, "--profiles", profiles, "--samples", "1000", "--weight-range", "socialValue=20-30", "--weight-range", "price=10-40", "--json"])).stdout);
    expect(both.smaa.weightLimits).toEqual({ socialValue: { low: 20, high: 30 }, price: { low: 10, high: 40 } });
    const text = await runCli(["whatif", "--model", model, "--profiles", profiles, "--samples", "1000"]);
    expect(text.stdout).toContain("when every weighting within these limits (social value 10–25%) is equally likely");
  });

  it("--profiles: weight limits no weighting can meet are refused at their line; too narrow ones say where they came from", async () => {
    const dir = (await runCli(["--version"])).cwd;
    const base = "organisation:\n  name: Us\n  price: 1000000\n  scores: { quality: 3, socialValue: 3, userPanel: 2 }\ncompetitors:\n  - name: Them\n    price: '-5%'\n    scores: { quality: 3, socialValue: 3, userPanel: 2 }\n";
    writeFileSync(join(dir, "impossible.yaml"), `${base}weightRanges:\n  quality: [60, 80]\n  price: [45, 50]\n`);
    const model = join(exampleFolder, "scoring-model.yaml");
    const impossible = await runCli(["whatif", "--model", model, "--profiles", "impossible.yaml", "--samples", "1000"], dir);
    expect(impossible.code).toBe(1);
    expect(impossible.stderr).toContain("impossible.yaml: weightRanges (line 9): no weighting fits these limits, as the weights always add up to 100%: the lowest weights add up to 105% and the highest to 330%");
    writeFileSync(join(dir, "narrow.yaml"), `${base}weightRanges:\n  quality: [44.99, 45]\n  price: [29.99, 30]\n`);
    const narrow = await runCli(["whatif", "--model", model, "--profiles", "narrow.yaml", "--samples", "1000", "--weight-range", "socialValue=14.99-15"], dir);
    expect(narrow.code).toBe(2);
    expect(narrow.stderr).toContain("the weight limits (quality 44.99–45%, social value 14.99–15%, price 29.99–30%, from --weight-range and weightRanges in narrow.yaml) leave almost no possible weightings");
  });

  it("--profiles: a weight limit on a section the model does not have is refused at its line", async () => {
    const dir = (await runCli(["--version"])).cwd;
    writeFileSync(join(dir, "limits.yaml"), "organisation:\n  name: Us\n  price: 1000000\n  scores: { quality: 3, socialValue: 3 }\ncompetitors:\n  - name: Them\n    price: '-5%'\n    scores: { quality: 3, socialValue: 3 }\nweightRanges:\n  userPanel: [5, 10]\n");
    const run = await runCli(["whatif", "--model", join(exampleFolder, "..", "..", "scoring-models", "price-led-failing.yaml"), "--profiles", "limits.yaml", "--samples", "1000"], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('limits.yaml: weightRanges.userPanel (line 10): the scoring model has no weighted section "userPanel" to limit (its sections: quality, socialValue, price)');
  });

  it("--profiles: your expected scores against rough competitor profiles, with only the scoring model", async () => {
    const run = await runCli(["whatif", "--model", join(exampleFolder, "scoring-model.yaml"), "--profiles", join(exampleFolder, "whatif-profiles.yaml"), "--samples", "2000"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("with Riverside Disabled People's Voice and 2 competitor profiles");
    expect(run.stdout).toContain("At 62.6%: National provider overtakes Riverside Disabled People's Voice");
    expect(run.stdout).not.toContain("At 100%");
  });

  it("profiles-sheet writes the profiles as a sheet, and whatif reads it to exactly the same answer as the YAML", async () => {
    const made = await runCli(["profiles-sheet", exampleFolder, "--from", join(exampleFolder, "whatif-profiles.yaml"), "--out", "p.xlsx"]);
    expect(made.code).toBe(0);
    const model = join(exampleFolder, "scoring-model.yaml");
    const fromSheet = await runCli(["whatif", "--model", model, "--profiles", "p.xlsx", "--samples", "1000", "--json"], made.cwd);
    const fromYaml = await runCli(["whatif", "--model", model, "--profiles", join(exampleFolder, "whatif-profiles.yaml"), "--samples", "1000", "--json"]);
    expect(fromSheet.code).toBe(0);
    expect(fromSheet.stdout).toBe(fromYaml.stdout);
    const blank = await runCli(["profiles-sheet", "--model", model, "--out", "blank.xlsx"], made.cwd);
    expect(blank.code).toBe(0);
    // A blank sheet read straight back says what is missing, by cell.
    const unfilled = await runCli(["whatif", "--model", model, "--profiles", "blank.xlsx"], made.cwd);
    expect(unfilled.code).toBe(1);
    expect(unfilled.stderr).toContain('blank.xlsx: sheet "Profiles", cell A4: Our organisation has no expected score for Q1');
  });

  it("--profiles: where to invest effort when the organisation is behind, by criterion and by price", async () => {
    const dir = (await runCli(["--version"])).cwd;
    writeFileSync(join(dir, "behind.yaml"), "organisation:\n  name: Us\n  price: 1000000\n  scores: { quality: 3, socialValue: 3, userPanel: 2 }\ncompetitors:\n  - name: Big provider\n    price: '-5%'\n    scores: { quality: 3.2, socialValue: 3, userPanel: 2 }\n");
    const run = await runCli(["whatif", "--model", join(exampleFolder, "scoring-model.yaml"), "--profiles", "behind.yaml", "--samples", "1000"], dir);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("Where Us could invest effort");
    expect(run.stdout).toMatch(/Q1 Service delivery and outcomes: from 3 to [45] would make it first/);
    expect(run.stdout).toMatch(/Whole-life price: from £1,000,000 to £[\d,]+ or less would make it first/);
  });

  it("--profiles with mistakes lists each with its place and exits 1", async () => {
    const dir = (await runCli(["--version"])).cwd;
    writeFileSync(join(dir, "p.yaml"), "organisation:\n  name: Us\n  price: 100\n  scores: { qualty: 4 }\ncompetitors:\n  - name: Them\n    price: cheaper\n    scores: { quality: 3 }\n");
    const run = await runCli(["whatif", "--model", join(exampleFolder, "scoring-model.yaml"), "--profiles", "p.yaml"], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("p.yaml: competitors[0].price (line 7)");
  });

  it("--html writes one self-contained page, and never over an existing file without --force", async () => {
    const run = await runCli(["whatif", exampleFolder, "--samples", "1000", "--html", "page.html"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("Written: page.html (the page opens in any browser and needs no network).");
    // The browser app, opened on the DDPO's journey with this analysis in it.
    const html = readFileSync(join(run.cwd, "page.html"), "utf8");
    expect(html).toContain('<script type="application/json" id="tender-eval-data">');
    expect(html).toContain("connect-src 'none'");
    const again = await runCli(["whatif", exampleFolder, "--samples", "1000", "--html", "page.html"], run.cwd);
    expect(again.code).toBe(2);
  });

  it("--briefing writes the Word briefing for --bid, with what would put it first, including the price", async () => {
    const run = await runCli(["whatif", exampleFolder, "--bid", "B3", "--samples", "1000", "--briefing", "briefing.docx", "--date", "2026-11-22"]);
    expect(run.code).toBe(0);
    const text = docxText(readFileSync(join(run.cwd, "briefing.docx")));
    expect(text).toContain("Organisation: Riverside Community Trust");
    expect(text).toContain("Prepared: 22 November 2026");
    expect(text).toMatch(/Whole-life price\n£960,000\n£[\d,]+ or less/);
    expect(run.stdout).toMatch(/Whole-life price: from £960,000 to £[\d,]+ or less would make it first/);
  });

  it("--briefing from --profiles is written for the organisation in the profiles", async () => {
    const run = await runCli(["whatif", "--model", join(exampleFolder, "scoring-model.yaml"), "--profiles", join(exampleFolder, "whatif-profiles.yaml"), "--samples", "1000", "--briefing", "b.docx"]);
    expect(run.code).toBe(0);
    const text = docxText(readFileSync(join(run.cwd, "b.docx")));
    expect(text).toContain("Organisation: Riverside Disabled People's Voice");
    expect(text).toContain("rough profiles of likely competitors");
  });

  it("--briefing needs to know whose briefing it is; an existing file stops everything, so nothing is half written", async () => {
    const noBid = await runCli(["whatif", exampleFolder, "--briefing", "b.docx"]);
    expect(noBid.code).toBe(2);
    expect(noBid.stderr).toContain("say which bid is yours with --bid");
    const dir = noBid.cwd;
    writeFileSync(join(dir, "b.docx"), "keep me");
    const clash = await runCli(["whatif", exampleFolder, "--bid", "B1", "--samples", "1000", "--briefing", "b.docx", "--html", "new.html"], dir);
    expect(clash.code).toBe(2);
    expect(readFileSync(join(dir, "b.docx"), "utf8")).toBe("keep me");
    expect(existsSync(join(dir, "new.html"))).toBe(false);
  });

  it("explains a badly written or impossible weight range", async () => {
    const bad = await runCli(["whatif", exampleFolder, "--weight-range", "social=10-25"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--weight-range: the scoring model has no weighted section "social" to limit (its sections: quality, socialValue, userPanel, price)');
    const impossible = await runCli(["whatif", exampleFolder, "--samples", "100", "--weight-range", "price=99-100", "--weight-range", "quality=99-100"]);
    expect(impossible.code).toBe(2);
    expect(impossible.stderr).toContain("the weight limits (quality 99–100%, price 99–100%, from --weight-range) leave almost no possible weightings");
  });
});
