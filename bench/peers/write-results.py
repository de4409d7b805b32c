"""Peer of bench/stages/write-results.js: openpyxl's write-only mode writing the same results workbook.

The same synthetic tender (2,000 bids x 30 criteria x 3 evaluators, the same seeded generator) is built and
scored here in floating point (not timed); then the workbook is written (timed) with the same sheets, rows,
columns, formulas and comparable styles as tender-eval's: a merged bold title, a shaded bordered header row
with fitted height, frozen header rows, print titles, A4 landscape fit to width, wrapped text, points and
money number formats, row heights for wrapped text. openpyxl cannot store a formula's cached result, so its
formula cells carry no value (ours carry the engine's): slightly less to write.
Last stdout line: {"seconds": ..., "peakMiB": ...}.
"""
import json
import math
import os
import resource
import sys
import tempfile
import time

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

BIDS, CRITERIA, EVALUATORS = 2000, 30, 3


def mulberry32(seed):
    state = seed & 0xFFFFFFFF

    def imul(a, b):
        return (a * b) & 0xFFFFFFFF

    def random():
        nonlocal state
        state = (state + 0x6D2B79F5) & 0xFFFFFFFF
        t = state
        t = imul(t ^ (t >> 15), t | 1)
        t ^= (t + imul(t ^ (t >> 7), t | 61)) & 0xFFFFFFFF
        return ((t ^ (t >> 14)) & 0xFFFFFFFF) / 4294967296

    return random


def tender():
    """bench/synthetic-tender.js, scored: proportional price (40), quality (60) as the mean of three scores out of 5."""
    random = mulberry32(1)
    weights = [100 // CRITERIA] * (CRITERIA - 1) + [100 - (100 // CRITERIA) * (CRITERIA - 1)]
    worth = [60 * w / 100 for w in weights]
    bids = []
    for b in range(BIDS):
        base = 1 + math.floor(random() * 5)
        price = round(100000 + random() * 900000)
        scores = [[min(5, max(0, base + math.floor(random() * 3) - 1)) for _ in range(EVALUATORS)] for _ in range(CRITERIA)]
        bids.append({"id": f"B{b + 1}", "bidder": f"Bidder {b + 1}", "price": price, "scores": scores})
    lowest = min(b["price"] for b in bids)
    for b in bids:
        b["combined"] = [sum(s) / EVALUATORS for s in b["scores"]]
        b["points"] = [c / 5 * w for c, w in zip(b["combined"], worth)]
        b["quality"] = sum(b["points"])
        b["pricePoints"] = 40 * lowest / b["price"]
        b["total"] = b["quality"] + b["pricePoints"]
        b["moderate"] = [max(s) - min(s) > 1.5 for s in b["scores"]]
    bids.sort(key=lambda b: -b["total"])
    return bids, worth, lowest


HEADER_FILL = PatternFill("solid", fgColor="FFE7E6E6")
THIN = Side(style="thin", color="FF808080")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
WRAP = Alignment(vertical="top", wrap_text=True)
TITLE_FONT = Font(bold=True, size=14)
BOLD = Font(bold=True)
MONEY = '"£"#,##0.00'


def fitted(texts, widths):
    lines = 1
    for i, t in enumerate(texts):
        if isinstance(t, str) and t:
            w = widths[i] if i < len(widths) else 10
            lines = max(lines, sum(max(1, math.ceil(len(line) * 1.1 / w)) for line in t.split("\n")))
    return min(409, 15 * lines) if lines > 1 else None


class Sheet:
    def __init__(self, wb, name, widths, header_rows):
        self.ws = wb.create_sheet(name)
        self.widths = widths
        self.row_number = 0
        for i, w in enumerate(widths):
            self.ws.column_dimensions[get_column_letter(i + 1)].width = w
        self.ws.freeze_panes = f"A{header_rows + 1}"
        self.ws.print_title_rows = f"1:{header_rows}"
        self.ws.page_setup.orientation = "landscape"
        self.ws.page_setup.paperSize = 9
        self.ws.page_setup.fitToWidth = 1
        self.ws.page_setup.fitToHeight = 0
        self.ws.sheet_properties.pageSetUpPr.fitToPage = True

    def cell(self, value, font=None, fill=None, border=None, alignment=None, number_format=None):
        c = WriteOnlyCell(self.ws, value=value)
        if font is not None:
            c.font = font
        if fill is not None:
            c.fill = fill
        if border is not None:
            c.border = border
        if alignment is not None:
            c.alignment = alignment
        if number_format is not None:
            c.number_format = number_format
        return c

    def append(self, cells, height=None):
        self.row_number += 1
        if height is not None:
            self.ws.row_dimensions[self.row_number].height = height
        self.ws.append(cells)
        return self.row_number

    def title_and_header(self, title, headers):
        self.append([self.cell(title, font=TITLE_FONT, alignment=Alignment(vertical="center", wrap_text=True))], 36)
        self.ws.merged_cells.add(f"A1:{get_column_letter(len(headers))}1")
        self.append([self.cell(h, font=BOLD, fill=HEADER_FILL, border=BORDER, alignment=WRAP) for h in headers], fitted(headers, self.widths))


def write(bids, worth, lowest, path):
    wb = Workbook(write_only=True)
    wb.properties.title = "Results: Benchmark"
    wb.properties.creator = "Bench"
    summary = Sheet(wb, "Summary", [7, 38, 18, 14, 14, 14, 14, 60], 2)

    quality = Sheet(wb, "Quality", [9, 30, 34, 8, 8, 8, 12, 22, 10, 12, 10], 2)
    headers = ["Bid ID", "Bidder", "Criterion", "E1", "E2", "E3", "Combined score", "How combined", "Top of scale", "Criterion worth (points)", "Points"]
    quality.title_and_header("Quality: every criterion's scores and points", headers)
    by_price = sorted(bids, key=lambda b: b["id"])  # any fixed order; ours is the ranked order
    for b in bids:
        for q in range(CRITERIA):
            r = quality.row_number + 1
            texts = [b["id"], b["bidder"], f"Q{q + 1} Question {q + 1}", None, None, None, None, "Mean"]
            quality.append(
                [
                    b["id"],
                    quality.cell(b["bidder"], alignment=WRAP),
                    quality.cell(f"Q{q + 1} Question {q + 1}", alignment=WRAP),
                    *b["scores"][q],
                    quality.cell(f"=AVERAGE(D{r}:F{r})", number_format="0.00"),
                    quality.cell("Mean", alignment=WRAP),
                    5,
                    worth[q],
                    quality.cell(f"=G{r}/I{r}*J{r}", number_format="0.00"),
                ],
                fitted(texts, quality.widths),
            )
    last = quality.row_number
    quality.append([])
    quality.append([quality.cell(t, font=BOLD) for t in ["Bid ID", "Bidder", "Quality subtotal (points)"]])
    subtotal = {}
    for b in bids:
        r = quality.row_number + 1
        quality.append([b["id"], b["bidder"], quality.cell(f"=SUMIF($A$3:$A${last},A{r},$K$3:$K${last})", number_format="0.00")])
        subtotal[b["id"]] = f"C{r}"

    price = Sheet(wb, "Price", [16, 34, 16, 16, 16, 16], 7)
    price.append([price.cell("Price: Lowest price ÷ bid price (proportional scoring)", font=TITLE_FONT)])
    price.append(["Formula: points = maximum points × lowest price ÷ bid price"])
    price.append(["Maximum points", 40])
    refs = ",".join(f"D{8 + i}" for i in range(len(bids)))
    price.append(["Lowest whole-life price (bids in contention)", price.cell(f"=MIN({refs})", number_format=MONEY)])
    price.append(["Highest whole-life price (bids in contention)", price.cell(f"=MAX({refs})", number_format=MONEY)])
    price.append([])
    price.append([price.cell(t, font=BOLD) for t in ["Bid ID", "Bidder", "Year 1", "Whole-life price", "In contention", "Price points"]])
    cells = {}
    for b in bids:
        r = price.row_number + 1
        price.append(
            [
                b["id"],
                b["bidder"],
                price.cell(b["price"], number_format=MONEY),
                price.cell(f"=SUM(C{r}:C{r})", number_format=MONEY),
                "Yes",
                price.cell(f"=$B$3*$B$4/D{r}", number_format="0.00"),
            ]
        )
        cells[b["id"]] = r

    moderation = Sheet(wb, "Moderation", [9, 30, 34, 18, 12, 70], 2)
    moderation.title_and_header("Moderation", ["Bid ID", "Bidder", "Criterion", "Evaluators' scores", "Agreed score", "Reason / status"])
    for b in bids:
        for q in range(CRITERIA):
            if not b["moderate"][q]:
                continue
            s = b["scores"][q]
            texts = [b["id"], b["bidder"], f"Q{q + 1} Question {q + 1}", ", ".join(str(x) for x in s), "–", f"Needs moderation: scores {max(s) - min(s):.2f} apart (tolerance 1.50)"]
            moderation.append([moderation.cell(t, alignment=WRAP) for t in texts], fitted(texts, moderation.widths))

    summary.title_and_header("Results: Benchmark (BENCH)", ["Rank", "Bidder", "Whole-life price (contract years)", "Price (40)", "Quality (60)", "Total (100)", "Status", "Why"])
    for rank, b in enumerate(bids, 1):
        r = summary.row_number + 1
        texts = [str(rank), b["bidder"], None, None, None, None, "Ranked", ""]
        summary.append(
            [
                summary.cell(str(rank), alignment=WRAP),
                summary.cell(b["bidder"], alignment=WRAP),
                summary.cell(f"='Price'!D{cells[b['id']]}", number_format=MONEY, alignment=WRAP),
                summary.cell(f"='Price'!F{cells[b['id']]}", number_format="0.00", alignment=WRAP),
                summary.cell(f"='Quality'!{subtotal[b['id']]}", number_format="0.00", alignment=WRAP),
                summary.cell(f"=SUM(D{r}:E{r})", number_format="0.00", alignment=WRAP),
                summary.cell("Ranked", alignment=WRAP),
            ],
            fitted(texts, summary.widths),
        )
    summary.append([])
    summary.append(["Figures are exact; shown to two decimal places."])
    summary.append(["Each section's points come from its own sheet; each criterion's points = combined score ÷ top of the scale × the points the criterion is worth."])

    audit = Sheet(wb, "Audit", [50, 70], 2)
    audit.title_and_header("Input files", ["File", "SHA-256"])
    audit.append([])
    audit.append(["Scoring model", "Benchmark model, version 1"])
    wb.save(path)


def main():
    bids, worth, lowest = tender()
    out = os.path.join(tempfile.mkdtemp(prefix="write-results-peer-"), "results.xlsx")
    start = time.perf_counter()
    write(bids, worth, lowest, out)
    seconds = time.perf_counter() - start
    print(f"results workbook: {os.path.getsize(out) / 2**20:.1f} MiB", file=sys.stderr)
    if "--keep" not in sys.argv:
        os.remove(out)
    else:
        print(out, file=sys.stderr)
    print(json.dumps({"seconds": seconds, "peakMiB": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))


if __name__ == "__main__":
    main()
