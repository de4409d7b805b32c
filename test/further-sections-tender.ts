import { parseBids, parseScoringModel } from "../src/model/parse.js";
import type { TenderInput } from "../src/scoring/score-tender.js";
import { aSpecification } from "./builders.js";

/**
 * A tender with a fifth scored section: price 40, quality 30, social value 10, user panel 10 and
 * "Fair work practices" (fairWork, kind other) 10. The totals are worked by hand in
 * test/scoring/further-sections.test.ts.
 */
export const furtherSectionsModelYaml = `id: fair-work
title: Home support with fair work
version: 1
scales:
  five:
    title: 0 to 5
    values: [0, 1, 2, 3, 4, 5]
  panel:
    title: 0 to 3
    values: [0, 1, 2, 3]
combination:
  method: mean
tieBreak: [highest-quality]
sections:
  price:
    weight: 40
    method: { type: proportional }
  quality:
    weight: 30
    scale: five
    criteria:
      - { id: Q1, title: Delivering the service, weight: 60 }
      - { id: Q2, title: Safeguarding, weight: 40 }
  socialValue:
    weight: 10
    scale: five
    criteria:
      - { id: SV1, title: Local jobs, weight: 100 }
  userPanel:
    weight: 10
    scale: panel
    criteria:
      - { id: UP1, title: Would you trust them in your home?, weight: 100 }
  fairWork:
    title: Fair work practices
    kind: other
    weight: 10
    scale: five
    criteria:
      - { id: FW1, title: Pay at the Real Living Wage, weight: 50 }
      - { id: FW2, title: Workers' voice, weight: 50 }
`;

const score = (pairs: Record<string, [number, number]>, who: [string, string]) =>
  Object.fromEntries(Object.entries(pairs).map(([criterion, [a, b]]) => [criterion, { [who[0]]: { score: a, justification: `Reason ${a}.` }, [who[1]]: { score: b, justification: `Reason ${b}.` } }]));

/** Evaluators E1 and E2 score quality, social value and fair work; user-panel members P1 and P2 score the user panel's section. */
export function furtherSectionsBids(evaluatorSections: string[] = ["quality", "socialValue", "fairWork"]) {
  const bid = (id: string, bidder: string, price: number, marks: Record<string, [number, number]>, panel: [number, number]) => ({
    id,
    bidder,
    // What the assessment summaries must state of each bidder, and the panel's agreed feedback on each answer.
    postalAddress: `1 ${bidder} Street, Riverside RV1 1AA`,
    email: `tenders@${id.toLowerCase()}.example.org`,
    uniqueIdentifier: `PQ-${id}`,
    feedback: Object.fromEntries([...Object.keys(marks), "UP1"].map((c) => [c, `The panel's agreed view of ${bidder}'s answer to ${c}.`])),
    price: { years: [price] },
    scores: { ...score(marks, ["E1", "E2"]), ...score({ UP1: panel }, ["P1", "P2"]) },
  });
  return {
    panel: {
      evaluators: [
        { id: "E1", role: "Commissioning manager", sections: evaluatorSections },
        { id: "E2", role: "Service manager", sections: evaluatorSections },
      ],
      userPanel: [{ id: "P1" }, { id: "P2" }],
      declarations: [
        { evaluator: "E1", declared: true, date: "2026-01-01" },
        { evaluator: "E2", declared: true, date: "2026-01-01" },
      ],
    },
    bids: [
      bid("B1", "Alpha Care", 200000, { Q1: [4, 5], Q2: [3, 3], SV1: [4, 4], FW1: [5, 5], FW2: [5, 5] }, [3, 3]),
      bid("B2", "Beta Support", 160000, { Q1: [3, 3], Q2: [4, 4], SV1: [2, 3], FW1: [2, 2], FW2: [1, 1] }, [2, 2]),
      bid("B3", "Gamma Trust", 250000, { Q1: [5, 5], Q2: [5, 5], SV1: [5, 5], FW1: [2, 2], FW2: [2, 2] }, [3, 3]),
    ],
  };
}

/** The specification, with what the assessment summaries must state (where the criteria are, whom to ask). */
export function furtherSectionsSpecification() {
  return aSpecification({
    awardCriteriaLocation: "the Invitation to Tender, Part 3",
    contact: { name: "A Lead", email: "procurement@test.gov.uk" },
  } as Parameters<typeof aSpecification>[0]);
}

export function furtherSectionsTender(): TenderInput {
  const model = parseScoringModel(furtherSectionsModelYaml);
  const bids = parseBids(JSON.stringify(furtherSectionsBids()));
  if (!model.ok || !bids.ok) throw new Error(`the further-sections tender must parse: ${JSON.stringify([model, bids]).slice(0, 600)}`);
  return { specification: furtherSectionsSpecification(), model: model.value.data, bids: bids.value.data };
}
