# Peer of stage `smaa`: SMAA-2 as a competent NumPy user would write it, on one core. The same 50 bids'
# shares in 4 sections as the product's stage (the same seeded generator, mulberry32), 1,000,000 weight
# vectors drawn uniformly from the simplex (sorted uniforms, their gaps), in chunks of 50,000 to keep
# memory modest; each chunk's totals by one matrix product, bids ranked (equal totals share a rank), and
# the rank acceptability counts, first places and central weight sums tallied.
import os

# One core: the BLAS behind NumPy would otherwise start a thread per core for the matrix product.
for name in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[name] = "1"

import json
import resource
import sys
import time

import numpy as np


def mulberry32(seed):
    state = seed & 0xFFFFFFFF
    while True:
        state = (state + 0x6D2B79F5) & 0xFFFFFFFF
        t = state
        t = ((t ^ (t >> 15)) * (t | 1)) & 0xFFFFFFFF
        t ^= (t + (((t ^ (t >> 7)) * (t | 61)) & 0xFFFFFFFF)) & 0xFFFFFFFF
        yield ((t ^ (t >> 14)) & 0xFFFFFFFF) / 4294967296


BIDS, SECTIONS, SAMPLES, CHUNK = 50, 4, 1_000_000, 50_000
draw = mulberry32(2026)
values = np.array([[next(draw) for _ in range(SECTIONS)] for _ in range(BIDS)])

start = time.perf_counter()
rng = np.random.default_rng(1)
rank_counts = np.zeros(BIDS * BIDS, dtype=np.int64)
first_counts = np.zeros(BIDS, dtype=np.int64)
central_sums = np.zeros((BIDS, SECTIONS))
positions = np.arange(BIDS)
for done in range(0, SAMPLES, CHUNK):
    size = min(CHUNK, SAMPLES - done)
    cuts = np.sort(rng.random((size, SECTIONS - 1)), axis=1)
    weights = np.diff(cuts, axis=1, prepend=0.0, append=1.0)
    totals = weights @ values.T
    order = np.argsort(-totals, axis=1)
    ordered = np.take_along_axis(totals, order, axis=1)
    # Rank = the number of bids with a strictly higher total: a new rank starts where the total drops.
    starts = np.ones((size, BIDS), dtype=bool)
    starts[:, 1:] = ordered[:, 1:] < ordered[:, :-1]
    rank_at = np.maximum.accumulate(np.where(starts, positions, 0), axis=1)
    rank_counts += np.bincount((order * BIDS + rank_at).ravel(), minlength=BIDS * BIDS)
    sample, place = np.nonzero(rank_at == 0)
    firsts = order[sample, place]
    first_counts += np.bincount(firsts, minlength=BIDS)
    np.add.at(central_sums, firsts, weights[sample])
acceptability = rank_counts.reshape(BIDS, BIDS) / SAMPLES
seconds = time.perf_counter() - start
assert abs(acceptability.sum() - BIDS) < 1e-9
best = int(acceptability[:, 0].argmax())
print(f"smaa peer: B{best} first in {acceptability[best, 0]:.3f} of samples", file=sys.stderr)
print(json.dumps({"seconds": seconds, "peakMiB": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
