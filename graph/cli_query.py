"""``kg query …`` and ``kg export``: ask a built graph from the shell; parsing and printing only.

Every command reads ``--graph`` (default ``output/graph.json``, or the folder holding it) and
prints plain UTF-8 text; text from documents is printed on one line without control
characters. A missing graph or an unknown name is a one-line error with exit status 2.

Examples
--------
>>> from click.testing import CliRunner
>>> result = CliRunner().invoke(query, ["stats", "--graph", "no/such/graph.json"])
>>> result.exit_code, result.output
(2, 'Error: no/such/graph.json not found; run `kg build` first or pass --graph PATH.\\n')
"""

from __future__ import annotations

import shlex
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import click

from .schema import NODE_TYPES, UNDIRECTED_TYPES

# The library is imported inside the commands (as ``kg build`` does), so `kg --help` needs no networkx.
if TYPE_CHECKING:
    from .knowledge import KnowledgeGraph
    from .query import Evidence, Node
    from .search import Match

__all__ = ["query", "export", "QueryError", "CENTRALITY"]

DEFAULT_GRAPH = Path("output/graph.json")
#: ``--by`` choices: the measures of :func:`policykg.graph.query.central` (a test keeps them equal).
CENTRALITY = ("pagerank", "degree", "betweenness", "mentions")


class QueryError(click.ClickException):
    """A one-line error (``Error: …``) that exits with status 2, like a usage error."""

    exit_code = 2


def _graph_option(f: Callable) -> Callable:
    return click.option("--graph", "graph_path", type=click.Path(path_type=Path), default=DEFAULT_GRAPH,
                        show_default=True, help="The graph.json written by `kg build`, or its folder.")(f)


def _load(path: Path) -> KnowledgeGraph:
    from .knowledge import KnowledgeGraph

    if path.is_dir():
        path = path / "graph.json"
    if not path.is_file():
        raise QueryError(f"{path} not found; run `kg build` first or pass --graph PATH.")
    try:
        return KnowledgeGraph.load(path)
    except (ValueError, UnicodeDecodeError, KeyError, TypeError) as exc:  # KeyError: a node without "id"
        raise QueryError(f"{path} is not a graph.json ({exc}); "
                         "rebuild it with `kg build` or pass --graph PATH.") from None


def _node(kg: KnowledgeGraph, name: str, path: Path) -> Node:
    from .query import NodeNotFoundError, plain_text

    try:
        return kg.find(name)
    except NodeNotFoundError as err:
        closest = ", ".join(f"{plain_text(m.node.label)} ({m.node.type})" for m in err.suggestions[:3])
        hint = f"; closest: {closest}" if closest else ""
        raise QueryError(f"no node named {plain_text(name)!r} in {path}{hint}. "
                         f"List matches with `kg query find {shlex.quote(plain_text(name))}`.") from None


def _match_line(m: Match) -> str:
    from .query import plain_text

    via = "" if m.name in m.node.aliases else f"  via {plain_text(m.name)!r}"
    aliases = plain_text(" | ".join(m.node.aliases))
    return (f"{m.score:.2f}  {m.node}  {_count(m.node.mentions, 'mention')} in "
            f"{_count(len(m.node.documents), 'document')}  aliases: {aliases}{via}")


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


@click.group("query")
def query() -> None:
    """Ask a built graph: find names, neighbours, paths, evidence, rankings, counts."""


@query.command("find")
@click.argument("name")
@click.option("-n", "--limit", type=click.IntRange(min=1), default=10, show_default=True, help="Most matches shown.")
@_graph_option
def find_cmd(name: str, limit: int, graph_path: Path) -> None:
    """List the nodes named NAME (any script, case, diacritics), or the closest ones.

    Exit status 0 if a node has the name, 1 if only close matches were found.
    """
    from .query import plain_text

    matches = _load(graph_path).search(name, limit=limit)
    if not matches:
        raise QueryError(f"no node named {plain_text(name)!r} and nothing close in {graph_path}; check the spelling "
                         "or list nodes with `kg query central --by mentions`.")
    exact = any(m.how != "fuzzy" for m in matches)
    if not exact:
        click.echo(f"no node named {plain_text(name)!r}; closest matches:")
    for m in matches:
        click.echo(_match_line(m))
    if not exact:
        click.get_current_context().exit(1)


@query.command("neighbors")
@click.argument("name")
@click.option("--type", "types", multiple=True, type=click.Choice(NODE_TYPES, case_sensitive=False),
              help="Only neighbours of this type; repeatable.")
@click.option("--min-weight", type=click.IntRange(min=1), default=1, show_default=True,
              help="Ignore relations supported by fewer sentences.")
@click.option("-n", "--limit", type=click.IntRange(min=0), default=0, help="Most neighbours shown (0: all).")
@_graph_option
def neighbors_cmd(name: str, types: tuple[str, ...], min_weight: int, limit: int, graph_path: Path) -> None:
    """List the nodes related to NAME, strongest first: weight, node, relations."""
    kg = _load(graph_path)
    node = _node(kg, name, graph_path)
    found = kg.neighbors(node, type=[t.upper() for t in types] or None, min_weight=min_weight)
    click.echo(f"{node}: {_count(len(found), 'neighbour')}")
    for nb in found[:limit or None]:
        click.echo(f"  {nb}")


def _evidence_lines(evidence: list[Evidence], limit: int | None = None) -> list[str]:
    # two relations of one hop often cite the same sentence; print it once
    unique = {(e.doc, e.start, e.end, e.sentence): e for e in evidence}
    return [f"    {e}" for e in list(unique.values())[:limit]]


@query.command("path")
@click.argument("source")
@click.argument("target")
@click.option("--min-weight", type=click.IntRange(min=1), default=1, show_default=True,
              help="Only follow relations supported by at least this many sentences.")
@click.option("-s", "--sentences", type=click.IntRange(min=0), default=1, show_default=True,
              help="Evidence sentences shown per hop.")
@_graph_option
def path_cmd(source: str, target: str, min_weight: int, sentences: int, graph_path: Path) -> None:
    """Show the shortest path from SOURCE to TARGET, each hop with its evidence.

    Exit status 1 if they are not connected.
    """
    from .query import NoPathError

    kg = _load(graph_path)
    a, b = _node(kg, source, graph_path), _node(kg, target, graph_path)
    try:
        hops = kg.path(a, b, min_weight=min_weight)
    except NoPathError as err:
        click.echo(str(err))
        click.get_current_context().exit(1)
    click.echo(f"{a} to {b}: {_count(len(hops), 'hop')}")
    for hop in hops:
        click.echo(str(hop))
        for line in _evidence_lines(list(hop.evidence), sentences):
            click.echo(line)


@query.command("evidence")
@click.argument("source")
@click.argument("target")
@_graph_option
def evidence_cmd(source: str, target: str, graph_path: Path) -> None:
    """Print the sentences behind every relation between SOURCE and TARGET.

    Exit status 1 if they are not related.
    """
    kg = _load(graph_path)
    a, b = _node(kg, source, graph_path), _node(kg, target, graph_path)
    found = kg.evidence(a, b)
    if not found:
        click.echo(f"{a} and {b} are not related; see `kg query path` for how they connect.")
        click.get_current_context().exit(1)
    groups: dict[tuple[str, str, str], list[Evidence]] = {}
    for e in found:
        groups.setdefault((e.relation, e.source, e.target), []).append(e)
    for (rel, s, t), evs in groups.items():
        weight = kg.nx.edges[s, t, rel].get("weight", len(evs))
        ends = f"{a} -- {b}" if rel in UNDIRECTED_TYPES else (f"{a} -> {b}" if s == a.id else f"{b} -> {a}")
        click.echo(f"{rel}  {ends}: {_count(weight, 'sentence')}, {len(evs)} kept")
        for line in _evidence_lines(evs):
            click.echo(line)


@query.command("central")
@click.option("-k", "k", type=click.IntRange(min=1), default=10, show_default=True, help="How many nodes.")
@click.option("--by", type=click.Choice(CENTRALITY), default="pagerank", show_default=True, help="The measure.")
@_graph_option
def central_cmd(k: int, by: str, graph_path: Path) -> None:
    """List the K most central nodes: rank, score, node."""
    for rank, (node, score) in enumerate(_load(graph_path).central(k, by=by), start=1):
        shown = f"{score:.4f}" if isinstance(score, float) else str(score)
        click.echo(f"{rank:>3}  {shown}  {node}")


@query.command("stats")
@_graph_option
def stats_cmd(graph_path: Path) -> None:
    """Count nodes, edges and documents, by type, relation and language."""
    from .query import plain_text

    s = _load(graph_path).stats()

    def counts(d: dict) -> str:
        return ", ".join(f"{plain_text(str(k))} {v}" for k, v in d.items()) or "-"

    rows = [
        ("nodes", s["nodes"]), ("edges", s["edges"]), ("documents", s["documents"]), ("density", s["density"]),
        ("components", f"{s['components']} (largest {s['largest_component']} nodes, {s['isolates']} isolated)"),
        ("node types", counts(s["types"])), ("relations", counts(s["relations"])),
        ("languages", counts(s["languages"])),
    ]
    for key, value in rows:
        click.echo(f"{key:<12}{value}")


@click.command("export")
@click.option("--format", "fmt", type=click.Choice(["graphml", "gexf", "json", "csv", "cypher"]),
              help="Output format (default: the suffix of --output).")
@click.option("-o", "--output", "out", type=click.Path(), required=True,
              help="File to write; for csv a folder (nodes.csv, edges.csv) or a file-name prefix.")
@_graph_option
def export(fmt: str | None, out: str, graph_path: Path) -> None:
    """Convert a built graph to GraphML, GEXF, JSON, CSV or Cypher."""
    kg = _load(graph_path)
    # ``out`` stays a str: for csv a trailing slash means "folder", which Path() would drop
    if fmt is None and Path(out).suffix.lstrip(".").lower() not in ("graphml", "gexf", "json", "cypher"):
        raise QueryError(f"cannot tell the format of {out}; pass --format graphml, gexf, json, csv or cypher.")
    try:
        written = kg.export(out, format=fmt)
    except OSError as exc:
        raise QueryError(f"cannot write {out} ({exc.strerror or exc}); choose another --output.") from None
    for p in written:
        click.echo(f"wrote {p}")
