"""Networks of a debate: coalitions of actors from their agreements and conflicts,
drawing positions for a chart, and GraphML files for Gephi, igraph or networkx.

Everything here is deterministic: ties are broken by ids, layouts are seeded and
rounded, and GraphML files list nodes and edges in sorted order.
"""

from __future__ import annotations

import math
from pathlib import Path

import networkx as nx
import pandas as pd

# Two groups of actors join while, on average over their pairs, they agree more than
# they conflict (similarity above zero); a pair that never took a side on a common
# issue counts as zero, so silence does not make allies.
COALITION_MIN_SIMILARITY = 0.0
LAYOUT_SEED = 7  # spring layouts are random; a fixed seed draws the same picture each run
LAYOUT_DIGITS = 3  # positions rounded so that the page's bytes do not depend on float noise


def stance_similarity(network: pd.DataFrame) -> dict[tuple[str, str], float]:
    """(a, b) -> (agreements - conflicts) / (agreements + conflicts), from the raw
    counts of `actor_network` (columns a, b, kind, raw): 1 always on the same side,
    -1 always opposed."""
    counts: dict[tuple[str, str], dict[str, float]] = {}
    for a, b, kind, raw in network[["a", "b", "kind", "raw"]].itertuples(index=False):
        pair = counts.setdefault((a, b), {"agreement": 0.0, "conflict": 0.0})
        pair[kind] += float(raw)
    return {
        pair: (c["agreement"] - c["conflict"]) / (c["agreement"] + c["conflict"])
        for pair, c in counts.items()
        if c["agreement"] + c["conflict"] > 0
    }


def coalitions(network: pd.DataFrame, actors: dict[str, str]) -> pd.DataFrame:
    """Actors clustered by stance similarity (average linkage): two groups merge while
    their mean pairwise similarity exceeds COALITION_MIN_SIMILARITY. `actors`: id ->
    name of every actor to place. One row per actor: its coalition (1 = the largest),
    the coalition's size and cohesion (mean similarity of its pairs)."""
    similarity = stance_similarity(network)

    def between(x: tuple[str, ...], y: tuple[str, ...]) -> float:
        pairs = [similarity.get(tuple(sorted((a, b))), 0.0) for a in x for b in y]
        return sum(pairs) / len(pairs)

    groups = [(actor,) for actor in sorted(actors)]
    while len(groups) > 1:
        best = max(
            (
                (between(x, y), -i, -j)
                for i, x in enumerate(groups)
                for j, y in enumerate(groups)
                if i < j
            ),
            default=None,
        )
        if best is None or best[0] <= COALITION_MIN_SIMILARITY:
            break
        i, j = -best[1], -best[2]
        merged = tuple(sorted(groups[i] + groups[j]))
        groups = [g for k, g in enumerate(groups) if k not in (i, j)] + [merged]
    groups.sort(key=lambda g: (-len(g), g))
    rows = []
    for number, group in enumerate(groups, start=1):
        pairs = [(a, b) for i, a in enumerate(group) for b in group[i + 1 :]]
        cohesion = sum(similarity.get(p, 0.0) for p in pairs) / len(pairs) if pairs else math.nan
        for actor in group:
            rows.append(
                {
                    "actor_id": actor,
                    "actor": actors[actor],
                    "coalition": number,
                    "size": len(group),
                    "cohesion": round(cohesion, 3),
                }
            )
    columns = ["actor_id", "actor", "coalition", "size", "cohesion"]
    return pd.DataFrame(rows, columns=columns)


def circle_layout(order: list[str]) -> dict[str, tuple[float, float]]:
    """Nodes on a circle in the given order (a coalition's members side by side)."""
    count = max(len(order), 1)
    return {
        node: (
            round(math.cos(2 * math.pi * i / count), LAYOUT_DIGITS),
            round(math.sin(2 * math.pi * i / count), LAYOUT_DIGITS),
        )
        for i, node in enumerate(order)
    }


def spring_layout(
    nodes: list[str], edges: list[tuple[str, str, float]]
) -> dict[str, tuple[float, float]]:
    """A force-directed layout (networkx, seeded): nodes tied by heavy edges close."""
    graph = nx.Graph()
    graph.add_nodes_from(sorted(nodes))
    graph.add_weighted_edges_from(sorted(edges))
    if not graph.number_of_nodes():
        return {}
    positions = nx.spring_layout(graph, seed=LAYOUT_SEED, weight="weight")
    return {
        node: (round(float(x), LAYOUT_DIGITS), round(float(y), LAYOUT_DIGITS))
        for node, (x, y) in sorted(positions.items())
    }


def drawn(
    nodes: pd.DataFrame, edges: pd.DataFrame, layout: dict[str, tuple[float, float]]
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Nodes (column `id`) and edges (columns `a`, `b`) with their positions: `x, y`
    for nodes, `x, y, x2, y2` for edges; nodes without a position are left out."""
    placed = nodes[nodes["id"].isin(layout)].copy()
    placed["x"] = placed["id"].map(lambda n: layout[n][0])
    placed["y"] = placed["id"].map(lambda n: layout[n][1])
    lines = edges[edges["a"].isin(layout) & edges["b"].isin(layout)].copy()
    lines["x"] = lines["a"].map(lambda n: layout[n][0])
    lines["y"] = lines["a"].map(lambda n: layout[n][1])
    lines["x2"] = lines["b"].map(lambda n: layout[n][0])
    lines["y2"] = lines["b"].map(lambda n: layout[n][1])
    return placed.reset_index(drop=True), lines.reset_index(drop=True)


def write_graphml(path: Path, nodes: pd.DataFrame, edges: pd.DataFrame) -> Path:
    """An undirected graph as GraphML: nodes from `nodes` (column `id`, the others
    attributes), edges from `edges` (columns `a`, `b`, the others attributes). Two
    edges between the same pair (agreement and conflict) make a multigraph."""
    multi = edges.duplicated(subset=["a", "b"]).any()
    graph = nx.MultiGraph() if multi else nx.Graph()
    for row in nodes.sort_values("id").to_dict("records"):
        graph.add_node(row.pop("id"), **_attributes(row))
    for row in edges.sort_values([c for c in edges.columns if c in ("a", "b", "kind")]).to_dict(
        "records"
    ):
        graph.add_edge(row.pop("a"), row.pop("b"), **_attributes(row))
    path.parent.mkdir(parents=True, exist_ok=True)
    nx.write_graphml(graph, path)
    return path


def _attributes(row: dict) -> dict:
    """GraphML takes text, whole numbers, floats and booleans; missing values drop."""
    kept = {}
    for key, value in row.items():
        if value is None or (isinstance(value, float) and math.isnan(value)):
            continue
        if hasattr(value, "item"):  # a numpy scalar
            value = value.item()
        kept[key] = value if isinstance(value, str | int | float | bool) else str(value)
    return kept
