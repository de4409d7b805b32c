import { describe, expect, it } from "vitest";
import type { TenderBids } from "../../src/model/bids.js";
import { assembleBids } from "../../src/spreadsheets/assemble-bids.js";
import type { WorkbookContent } from "../../src/spreadsheets/read-workbook.js";
import { loadExample } from "../example-tender.js";

// What assembleBids gave when it cloned the whole of the bids first: the same values, with `base` untouched.
function byCloning(base: TenderBids, contents: readonly WorkbookContent[]): TenderBids {
  const bids = structuredClone(base);
  const byId = new Map(bids.bids.map((b) => [b.id, b]));
  for (const content of contents) {
    if (content.kind === "scores") {
      for (const e of content.entries) (byId.get(e.bidId)!.scores[e.criterionId] ??= {})[e.evaluatorId] = { score: e.score, justification: e.justification };
    } else if (content.kind === "moderation") {
      for (const a of content.agreed) {
        bids.moderation = bids.moderation.filter((m) => !(m.bid === a.bidId && m.criterion === a.criterionId));
        bids.moderation.push({ bid: a.bidId, criterion: a.criterionId, score: a.score, reason: a.reason });
      }
      for (const f of content.feedback) byId.get(f.bidId)!.feedback[f.criterionId] = f.text;
    }
  }
  return bids;
}

describe("assembleBids", () => {
  it("puts the workbooks' scores, agreed scores and feedback into a copy, changing nothing in the bids it was given", () => {
    const { bids: base } = loadExample();
    const before = structuredClone(base);
    const [first, second] = base.bids;
    const evaluator = base.panel.evaluators[0]!.id;
    const criterion = Object.keys(first!.scores)[0]!;
    const contents: WorkbookContent[] = [
      {
        kind: "scores",
        file: "E.xlsx",
        evaluators: [evaluator],
        entries: [
          { evaluatorId: evaluator, bidId: first!.id, criterionId: criterion, score: 1, justification: "changed" },
          { evaluatorId: evaluator, bidId: second!.id, criterionId: "NEW", score: 2, justification: "new criterion" },
        ],
      },
      {
        kind: "moderation",
        file: "M.xlsx",
        agreed: [{ bidId: first!.id, criterionId: criterion, score: 3, reason: "agreed", location: { file: "M.xlsx" } }],
        feedback: [{ bidId: second!.id, criterionId: criterion, text: "written" }],
      },
    ];
    const assembled = assembleBids(base, contents);
    expect(assembled.ok).toBe(true);
    if (!assembled.ok) return;
    expect(assembled.value).toEqual(byCloning(before, contents));
    expect(base).toEqual(before);
    expect(assembled.value.bids[0]!.scores[criterion]![evaluator]).toEqual({ score: 1, justification: "changed" });
  });
});
