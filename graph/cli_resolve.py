"""``kg explain NAME``: why a node holds the names it holds (reads OUTPUT/graph.json and merges.csv).

Examples
--------
>>> from click.testing import CliRunner
>>> result = CliRunner().invoke(explain, ["--help"])
>>> result.exit_code, "merges.csv" in result.output
(0, True)
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

__all__ = ["explain", "EXIT_NOT_FOUND"]

EXIT_NOT_FOUND = 1


@click.command()
@click.argument("name")
@click.option("-o", "--output", "out_dir", type=click.Path(path_type=Path), default=Path("output"), show_default=True,
              help="The folder `kg build` wrote (graph.json and merges.csv).")
def explain(name: str, out_dir: Path) -> None:
    """Explain why the node holding NAME holds its names: each merge from merges.csv, with its rule and sentence."""
    from .explain import NameNotFound, explain_name

    try:
        click.echo(explain_name(name, out_dir))
    except FileNotFoundError as exc:
        click.echo(f"kg: {exc}", err=True)
        sys.exit(EXIT_NOT_FOUND)
    except NameNotFound as exc:
        click.echo(f"kg: {exc.args[0]}", err=True)
        sys.exit(EXIT_NOT_FOUND)
