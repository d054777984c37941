"""Reference distributions for drift detection: numeric histograms and category counts."""

from typing import Dict, Iterable, List, Optional, Sequence


def numeric(feature: str, bin_edges: Sequence[float], counts: Sequence[int]) -> dict:
    """A histogram: ``bin_edges`` has one more entry than ``counts`` (as numpy.histogram returns)."""
    edges = [float(e) for e in bin_edges]
    values = [int(c) for c in counts]
    if len(edges) != len(values) + 1:
        raise ValueError("bin_edges must have one more entry than counts (%d edges, %d counts)" % (len(edges), len(values)))
    if any(b <= a for a, b in zip(edges, edges[1:])):
        raise ValueError("bin_edges must increase")
    if any(c < 0 for c in values):
        raise ValueError("counts must not be negative")
    return {"feature": feature, "kind": "NUMERIC", "binEdges": edges, "counts": values}


def categorical(feature: str, counts: Dict[str, int]) -> dict:
    """Category counts, e.g. {"web": 6000, "app": 4000}."""
    values = {str(k): int(v) for k, v in counts.items()}
    if any(v < 0 for v in values.values()):
        raise ValueError("counts must not be negative")
    return {"feature": feature, "kind": "CATEGORICAL", "categories": values}


def histogram(feature: str, values: Iterable[float], bins: int = 10,
              value_range: Optional[List[float]] = None) -> dict:
    """A numeric histogram of raw values with equal-width bins, without numpy."""
    data = [float(v) for v in values]
    if not data:
        raise ValueError("no values")
    low, high = value_range if value_range else (min(data), max(data))
    if high <= low:
        high = low + 1.0
    width = (high - low) / bins
    edges = [low + i * width for i in range(bins)] + [high]
    counts = [0] * bins
    for v in data:
        i = int((v - low) / width)
        counts[min(max(i, 0), bins - 1)] += 1
    return numeric(feature, edges, counts)
