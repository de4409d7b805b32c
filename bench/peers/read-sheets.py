# Peer of stage read-sheets: openpyxl read-only reads the same three score sheets (DIR/sheets/*.xlsx),
# iterating every row's values of every worksheet, and collects each score row's bid, criterion, score
# and justification. Last line: {"seconds", "peakMiB"}.
import json, os, resource, sys, time
from openpyxl import load_workbook

folder = os.path.join(sys.argv[1], "sheets")
start = time.perf_counter()
entries = []
for name in sorted(n for n in os.listdir(folder) if n.endswith(".xlsx")):
    workbook = load_workbook(os.path.join(folder, name), read_only=True, data_only=False)
    for sheet in workbook.worksheets:
        columns = None
        for row in sheet.iter_rows(values_only=True):
            if columns is None:
                header = [str(v).strip().lower() if v is not None else "" for v in row]
                if "bid id" in header and "criterion id" in header and "score" in header:
                    columns = (header.index("bid id"), header.index("criterion id"), header.index("score"), header.index("justification") if "justification" in header else None)
                continue
            bid, criterion, score = row[columns[0]], row[columns[1]], row[columns[2]]
            if bid is not None and score is not None:
                entries.append((name, bid, criterion, score, row[columns[3]] if columns[3] is not None else None))
    workbook.close()
seconds = time.perf_counter() - start
print(f"read {len(entries)} scores", file=sys.stderr)
print(json.dumps({"seconds": seconds, "peakMiB": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
