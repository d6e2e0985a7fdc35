"""`flask reindex` and `flask search`: thin wrappers over index.build and index.search."""

from __future__ import annotations

import json
from pathlib import Path

import click
from flask import Flask, current_app
from flask.cli import with_appcontext

from app.params import ParamError, parse_search
from index.build import build_index, estimate_total, refresh_side_files
from index.model import IndexMissing, LedeError, ReindexBusy
from index.search import search as run_search
from index.store import IndexHandle, current_generation


@click.command("reindex")
@click.option("--source", type=click.Path(path_type=Path), help="Folder, file, or .jsonl(.gz) to index [LEDE_SOURCE].")
@click.option("--index-dir", type=click.Path(path_type=Path), help="Where the index lives [LEDE_INDEX_DIR].")
@click.option("--if-missing", is_flag=True, help="Only build when no index exists yet.")
@click.option("--workers", type=int, default=None, help="Processes that clean and write (default: one per core).")
@click.option("--quiet", is_flag=True, help="No progress bar.")
@click.option("--full", is_flag=True, help="Rebuild everything, even when only some documents changed.")
@with_appcontext
def reindex_command(source: Path | None, index_dir: Path | None, if_missing: bool, workers: int | None,
                    quiet: bool, full: bool) -> None:
    """Bring the index up to date with the source; the old index serves until the new one is ready.

    Incremental when the live index was built from the same source: only new and changed
    documents are cleaned, deleted ones removed. --full rebuilds from scratch.
    """
    source = source or Path(current_app.config["SOURCE"])
    index_dir = index_dir or Path(current_app.config["INDEX_DIR"])
    if if_missing:
        try:
            current_generation(index_dir)
            click.echo(f"Index already present in {index_dir}; not rebuilding.")
            try:
                written = refresh_side_files(index_dir)
            except ReindexBusy:  # the running reindex writes them
                written = 0
            if written:
                click.echo(f"Wrote {written} postings side file(s) in this version's format.")
            return
        except IndexMissing:
            pass
    if not source.exists():
        raise click.ClickException(f"source not found: {source}")
    try:
        if quiet:
            report = build_index(source, index_dir, workers=workers, incremental=not full)
        else:
            with click.progressbar(length=estimate_total(source) or 0, label=f"Indexing {source}",
                                   show_pos=True, show_eta=True) as bar:
                report = build_index(source, index_dir, progress=lambda n, item: bar.update(1), workers=workers,
                                     incremental=not full)
    except (LedeError, OSError) as exc:
        raise click.ClickException(str(exc)) from exc
    if report.mode == "full":
        rate = report.indexed / report.seconds if report.seconds else 0
        click.echo(f"Indexed {report.indexed} articles, skipped {len(report.skipped)}, "
                   f"in {report.seconds:.1f} s ({rate:.0f}/s); index {report.size_bytes / 1e6:.1f} MB at {index_dir}")
        click.echo(f"  full rebuild: {report.why_full}")
    else:
        changes = (f"{report.added} added, {report.changed} changed, {report.deleted} deleted, "
                   f"{report.unchanged} unchanged")
        if report.mode == "unchanged":
            click.echo(f"Nothing changed in {source} ({changes}); index {report.generation} kept, "
                       f"checked in {report.seconds:.1f} s")
        else:
            click.echo(f"Incremental reindex: {changes}; {report.indexed} articles indexed, "
                       f"skipped {len(report.skipped)}, in {report.seconds:.1f} s; "
                       f"index {report.size_bytes / 1e6:.1f} MB at {index_dir}")
    for skip in report.skipped:
        click.echo(f"  skipped {skip.source}: {skip.reason}")
    for old, new in report.renamed:
        click.echo(f"  duplicate id {old!r} indexed as {new!r}")


@click.command("search")
@click.argument("query", default="")
@click.option("--outlet", multiple=True, help="Only this outlet (repeatable).")
@click.option("--from", "date_from", help="From date YYYY-MM-DD.")
@click.option("--to", "date_to", help="To date YYYY-MM-DD.")
@click.option("--sort", default="relevance", help="relevance, newest or oldest.")
@click.option("--limit", default=10, help="How many hits.")
@click.option("--json", "as_json", is_flag=True, help="Print exactly what /api/search returns.")
@with_appcontext
def search_command(query: str, outlet: tuple[str, ...], date_from: str | None, date_to: str | None, sort: str,
                   limit: int, as_json: bool) -> None:
    """Search the index from the terminal: top hits with outlet and date."""
    args: list[tuple[str, str]] = [("q", query), ("sort", sort), ("per_page", str(limit))]
    args += [("outlet", o) for o in outlet]
    args += [(k, v) for k, v in (("from", date_from), ("to", date_to)) if v]
    from werkzeug.datastructures import MultiDict

    try:
        req = parse_search(MultiDict(args), current_app.config)
        handle = IndexHandle(current_app.config["INDEX_DIR"])
        page = run_search(handle.searcher(), req if as_json else req.but(facets=False), handle.cache())
    except ParamError as exc:
        raise click.ClickException(exc.message) from exc
    except LedeError as exc:
        raise click.ClickException(str(exc)) from exc
    if as_json:
        from app.serialize import page_json

        with current_app.test_request_context():
            click.echo(json.dumps(page_json(page), ensure_ascii=False, indent=2))
        return
    click.echo(f"{page.total} results for {query!r} ({page.took_ms:.0f} ms)")
    for note in page.ignored:
        click.echo(f"  note: {note}")
    if page.suggestion:
        click.echo(f"  did you mean: {page.suggestion}")
    for n, hit in enumerate(page.hits, 1):
        when = hit.date.isoformat() if hit.date else "undated"
        click.echo(f"{n:3}. {hit.title}\n     {hit.outlet or 'Unknown outlet'} · {when} · {hit.id}")


def init_app(app: Flask) -> None:
    app.cli.add_command(reindex_command)
    app.cli.add_command(search_command)
