"""The ``kg`` command: parses arguments and calls the library; no logic of its own.

Examples
--------
>>> from click.testing import CliRunner
>>> result = CliRunner().invoke(main, ["--help"])
>>> result.exit_code, "build" in result.output
(0, True)
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from importlib.util import find_spec
from pathlib import Path

import click

from .cache import CACHE_FILE, RecordMemo
from .schema import DEFAULT_EVIDENCE_CAP, PAGE_MAX_NODES

__all__ = ["main", "default_seed_dir"]

EXIT_NOTHING_BUILT = 1
EXIT_BAD_ALIASES = 2


def default_seed_dir() -> Path:
    """The embedded seed corpus (``seeds/`` of the source tree, installed as ``policykg.seeds``)."""
    spec = find_spec("policykg.seeds")
    for location in (spec.submodule_search_locations or []) if spec else []:
        if Path(location).is_dir():
            return Path(location)
    raise click.ClickException("the embedded seeds are missing from this installation; reinstall policy-kg")


class _OneLineUsageError(click.UsageError):
    """A usage error shown as one line: the problem, its fix, and where the options are listed."""

    def show(self, file=None) -> None:
        hint = f" (`{self.ctx.command_path} --help` lists the options)" if self.ctx is not None else ""
        click.echo(f"Error: {self.format_message()}{hint}", err=True, file=file)


class _Group(click.Group):
    """``kg``'s group: usage errors of every subcommand print one line instead of the usage block."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except _OneLineUsageError:
            raise
        except click.UsageError as exc:
            raise _OneLineUsageError(exc.format_message(), exc.ctx) from None


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="policy-kg")
def main() -> None:
    """policy-kg: knowledge graphs of people, organizations and policy terms from zh/vi/en documents."""


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("-o", "--output", "out_dir", type=click.Path(path_type=Path), default=Path("output"), show_default=True,
              help="Folder for graph.html, graph.graphml, graph.gexf, graph.json, build-report.json and merges.csv.")
@click.option("--lexicon", "lexicons", multiple=True, type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Extra policy-lexicon CSV (columns id,type,zh_hans,zh_hant,vi,en); repeatable.")
@click.option("--aliases", "aliases_path", type=click.Path(dir_okay=False, path_type=Path),
              help="Alias file (CSV or YAML): rows `merge,NAME_A,NAME_B[,TYPE]` and `never,NAME_A,NAME_B`; "
                   "it wins over every merge rule (see merges.csv).")
@click.option("--strict", is_flag=True, help="Exit with status 1 if any document failed.")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar and no per-file messages.")
@click.option("--max-bytes", type=click.IntRange(min=1), default=20_000_000, show_default=True,
              help="Files larger than this are reported as failed, not read.")
@click.option("--max-seconds", type=click.FloatRange(min=0, min_open=True), default=300, show_default=True,
              help="A document whose extraction takes longer is reported as failed.")
@click.option("--max-nodes", type=click.IntRange(min=1), default=PAGE_MAX_NODES, show_default=True,
              help="The page opens on this many most-mentioned nodes (the rest one click away).")
@click.option("--script", type=click.Choice(["original", "simplified", "traditional"]), default="original",
              show_default=True, help="Chinese script of labels on the page.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None,
              help="Worker processes for extraction  [default: every core]")
@click.option("--scheduler", metavar="ADDRESS",
              help="Extract on a Dask cluster, e.g. tcp://host:8786 (needs: pip install 'policy-kg[cluster]').")
@click.option("--no-cache", is_flag=True,
              help=f"Extract every document again and leave the cache (OUTPUT/{CACHE_FILE}) untouched.")
@click.option("--spacy-model", "spacy_models", multiple=True, metavar="LANG=PIPELINE",
              help="Also use an installed spaCy pipeline's entities for zh, en or vi, e.g. en=en_core_web_sm "
                   "(a package or a saved folder); repeatable.")
@click.option("--no-projection", is_flag=True,
              help="Do not look for a translation's names in its other versions (story.en.txt, story.vi.txt; "
                   "see build-report.json, resolution.projected).")
@click.option("--evidence-cap", type=click.IntRange(min=1), default=DEFAULT_EVIDENCE_CAP, show_default=True,
              help="Evidence sentences kept per node and per edge (weights still count every sentence).")
@click.option("--watch", "watch_changes", is_flag=True,
              help="After building, stay running and rebuild whenever a document, the alias file or a lexicon "
                   "changes; models stay loaded, so a rebuild takes seconds. Ctrl-C stops.")
def build(paths: tuple[Path, ...], out_dir: Path, lexicons: tuple[Path, ...], aliases_path: Path | None, strict: bool,
          quiet: bool, max_bytes: int, max_seconds: float, max_nodes: int, script: str, jobs: int | None,
          scheduler: str | None, no_cache: bool, spacy_models: tuple[str, ...], no_projection: bool, evidence_cap: int,
          watch_changes: bool) -> None:
    """Build the graph of PATHS (files or folders; default: the embedded seeds) into OUTPUT."""
    from policykg.extractors.lexicon import LexiconError
    from policykg.extractors.spacy_models import ModelError

    from .aliases import AliasFileError, read_aliases
    from .corpus import InputPathError
    from .run import BuildLimits, build_corpus, write_outputs
    from .workers import SchedulerError

    if out_dir.exists() and not out_dir.is_dir():
        raise click.UsageError(f"--output {out_dir} is a file; give a folder (it is created if missing).")
    inputs = list(paths) or [default_seed_dir()]
    watched_files = [*lexicons, *([aliases_path] if aliases_path else [])]
    log = (lambda msg: None) if quiet else None
    memo = RecordMemo() if watch_changes else None  # a resident build keeps its records between rebuilds

    def build_once() -> dict:
        """Build and write the outputs; return the report. Raises ``_BuildFailed`` for the user's mistakes."""
        aliases = None
        if aliases_path is not None:
            try:
                aliases = read_aliases(aliases_path, lexicon_paths=tuple(str(p) for p in lexicons))
            except AliasFileError as exc:
                raise _BuildFailed(str(exc), EXIT_BAD_ALIASES) from None
        try:
            kwargs = {"log": log} if log else {}
            g, report = build_corpus(inputs, lexicon_paths=tuple(str(p) for p in lexicons), aliases=aliases,
                                     limits=BuildLimits(max_bytes=max_bytes, max_seconds=max_seconds),
                                     progress=False if quiet else None, jobs=jobs, scheduler=scheduler,
                                     cache=None if no_cache else out_dir / CACHE_FILE, evidence_cap=evidence_cap,
                                     spacy_models=_model_options(spacy_models), project=not no_projection,
                                     memo=memo, **kwargs)
        except (InputPathError, LexiconError, SchedulerError, ModelError) as exc:
            raise click.UsageError(str(exc)) from None
        docs = report["documents"]
        if docs["built"] == 0:
            raise _BuildFailed(f"no document could be built from {', '.join(map(str, inputs))} "
                               f"({len(docs['failed'])} failed, {len(docs['skipped'])} skipped); "
                               "see the messages above.", EXIT_NOTHING_BUILT)
        write_outputs(g, report, out_dir, max_nodes=max_nodes, script=script)
        if not quiet:
            click.echo(
                f"built {docs['built']} documents ({len(docs['failed'])} failed, {len(docs['skipped'])} skipped): "
                f"{report['entities']['total']} entities, {report['edges']['total']} edges -> {out_dir}/graph.html"
            )
        return report

    if watch_changes:
        from .watch import snapshot

        before = snapshot(inputs, out_dir=out_dir, extra_files=watched_files)
    try:
        report = build_once()
    except _BuildFailed as exc:
        click.echo(f"kg: {exc}", err=True)
        if not watch_changes:
            sys.exit(exc.status)
        report = {}  # watching an empty folder, or one with a bad alias file: the next change may mend it
    if watch_changes:
        _watch(inputs, out_dir, watched_files, build_once, before, tuple(str(p) for p in lexicons),
               _model_options(spacy_models), memo)
    elif strict and report["documents"]["failed"]:
        sys.exit(EXIT_NOTHING_BUILT)


class _BuildFailed(Exception):
    """A build that wrote nothing, with the message and the exit status ``kg build`` gives."""

    def __init__(self, message: str, status: int) -> None:
        super().__init__(message)
        self.status = status


def _watch(inputs: list[Path], out_dir: Path, extra_files: list[Path], build_once: Callable[[], dict],
           before: dict[Path, tuple[int, int]], lexicon_paths: tuple[str, ...], spacy_models: dict[str, str],
           memo: RecordMemo | None) -> None:
    """``kg build --watch``: call ``build_once`` on every change until Ctrl-C; a failed rebuild is reported
    (a bad alias file, no document left) and the last good outputs stay in place.

    A first build served from the cache loaded no model; they are loaded while the user has not yet
    edited anything, so that the first rebuild is as quick as the others.
    """
    import threading

    from policykg.extractors.pipeline import warm_up

    from .watch import rebuild_on_change, settle_memory

    loading = threading.Thread(target=warm_up, args=(lexicon_paths, spacy_models), name="kg-warm-up", daemon=True)
    loading.start()

    def rebuild(changed: set[Path]) -> dict:
        loading.join()  # a rebuild may fork workers: never while another thread is importing
        if memo is not None:  # whatever the watcher reports changed is read again, stamp or not
            memo.forget(changed)
        return build_once()

    def idle() -> None:
        loading.join()
        settle_memory()

    try:
        rebuild_on_change(inputs, rebuild, out_dir=out_dir, extra_files=extra_files,
                          since=before, log=lambda msg: click.echo(msg, err=True), idle=idle)
    except KeyboardInterrupt:  # during a rebuild: outputs are replaced atomically, so the last build's stay whole
        pass
    click.echo("stopped watching", err=True)


def _model_options(values: tuple[str, ...]) -> dict[str, str]:
    """``("en=en_core_web_sm",)`` → ``{"en": "en_core_web_sm"}``; a malformed value is a usage error."""
    models = {}
    for value in values:
        lang, sep, name = value.partition("=")
        if not (sep and lang.strip() and name.strip()):
            raise click.BadParameter(f"{value!r}: write LANG=PIPELINE, e.g. en=en_core_web_sm",
                                     param_hint="--spacy-model")
        models[lang.strip()] = name.strip()
    return models


from .cli_query import export, query  # noqa: E402

main.add_command(query)
main.add_command(export)

from .cli_resolve import explain  # noqa: E402

main.add_command(explain)


@main.group()
def cache() -> None:
    """The extraction cache a build keeps in its output folder, and the tables cache."""


@cache.command("clear")
@click.option("-o", "--output", "out_dir", type=click.Path(file_okay=False, path_type=Path), default=Path("output"),
              show_default=True, help="The output folder whose cache to delete.")
@click.option("--tables", is_flag=True,
              help="Delete instead the tables parsed from jieba's dictionary, the models' lexicons and CC-CEDICT, kept "
                   "for every build in the user's cache folder (~/.cache/policykg/tables, or $POLICYKG_TABLES).")
def cache_clear(out_dir: Path, tables: bool) -> None:
    """Delete the cache: the next build extracts every document again."""
    if tables:
        from policykg.extractors.tables import clear_tables, tables_dir

        folder = tables_dir()
        click.echo(f"deleted {clear_tables()} table files in {folder}" if folder is not None
                   else "the tables cache is off (POLICYKG_TABLES is empty); nothing to delete")
        return
    from .cache import clear_cache

    path = out_dir / CACHE_FILE
    click.echo(f"deleted {path}" if clear_cache(path) else f"no cache at {path}; nothing to delete")
