# Peer of stage `framework`: what a competent openpyxl user would write to do the same job. Read the
# tender (YAML) and three returned score sheets with openpyxl read-only, combine each criterion's three
# scores by their mean, a weighted sum per bid (price points in proportion to the lowest price), rank, and
# write a results workbook of the same rows and columns with openpyxl write-only.
import io
import json
import os
import resource
import sys
import time

import openpyxl
import yaml

start = time.perf_counter()
folder = sys.argv[1]
load = lambda name: yaml.load(open(os.path.join(folder, "tender", name), encoding="utf-8"), Loader=yaml.CSafeLoader)
spec, model, bids = load("specification.yaml"), load("scoring-model.yaml"), load("bids.yaml")

quality = model["sections"]["quality"]
criteria = quality["criteria"]
top = max(model["scales"][quality["scale"]]["values"])
worth = {c["id"]: quality["weight"] * c["weight"] / sum(x["weight"] for x in criteria) for c in criteria}
evaluators = [e["id"] for e in bids["panel"]["evaluators"]]

scores = {}  # (bid, criterion) -> {evaluator: score}
sheets = os.path.join(folder, "sheets")
for name in sorted(os.listdir(sheets)):
    if not name.endswith(".xlsx"):
        continue
    evaluator = name[len("score-sheet-"):-len(".xlsx")]
    wb = openpyxl.load_workbook(os.path.join(sheets, name), read_only=True, data_only=True)
    for row in wb["Quality scores"].iter_rows(min_row=3, values_only=True):
        if row[0] is None or row[5] is None:
            continue
        if not isinstance(row[5], (int, float)):
            raise SystemExit(f"{name}: not a number for {row[0]} {row[2]}")
        scores.setdefault((row[0], row[2]), {})[evaluator] = row[5]
    wb.close()

prices = {b["id"]: sum(b["price"]["years"]) for b in bids["bids"]}
lowest = min(prices.values())
price_weight = model["sections"]["price"]["weight"]
results = []
for b in bids["bids"]:
    rows = []
    for c in criteria:
        given = scores[(b["id"], c["id"])]
        combined = sum(given[e] for e in evaluators) / len(evaluators)
        rows.append((c, given, combined, combined / top * worth[c["id"]]))
    price_points = price_weight * lowest / prices[b["id"]]
    quality_points = sum(r[3] for r in rows)
    results.append((b, rows, price_points, quality_points, price_points + quality_points))
results.sort(key=lambda r: -r[4])

out = openpyxl.Workbook(write_only=True)
summary = out.create_sheet("Summary")
summary.append([f"Results: {spec['title']} ({spec['reference']})"])
summary.append(["Rank", "Bidder", "Whole-life price", "Price points", "Quality points", "Total", "Status", "Why"])
for rank, (b, rows, pp, qp, total) in enumerate(results, start=1):
    r = rank + 2
    summary.append([str(rank), b["bidder"], prices[b["id"]], pp, qp, f"=SUM(D{r}:E{r})", "Ranked", ""])
sheet = out.create_sheet("Quality")
sheet.append(["Quality: every criterion's scores and points"])
sheet.append(["Bid ID", "Bidder", "Criterion", *evaluators, "Combined score", "How combined", "Top of scale", "Criterion worth (points)", "Points"])
for b, rows, pp, qp, total in results:
    for c, given, combined, points in rows:
        sheet.append([b["id"], b["bidder"], c["title"], *(given[e] for e in evaluators), combined, "mean", top, worth[c["id"]], points])
    sheet.append([b["id"], b["bidder"], "Subtotal", *([None] * len(evaluators)), None, None, None, None, qp])
price = out.create_sheet("Price")
price.append(["Price"])
price.append(["Bid ID", "Bidder", "Year 1", "Whole-life price", "Lowest", "Price points"])
for b, rows, pp, qp, total in results:
    price.append([b["id"], b["bidder"], *b["price"]["years"], prices[b["id"]], lowest, pp])
buffer = io.BytesIO()
out.save(buffer)

seconds = time.perf_counter() - start
print(f"framework peer: {len(results)} bids; workbook {len(buffer.getvalue()) / 2**20:.1f} MiB", file=sys.stderr)
print(json.dumps({"seconds": seconds, "peakMiB": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
