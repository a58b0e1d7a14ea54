"""The `explorer` command line: the TUI by default, and subcommands for people and scripts.

Exit codes: 0 success (an empty result included), 1 bad data (or, for `serve`, an address it
cannot listen on), 2 bad usage (a missing extra included).
"""

from __future__ import annotations

import argparse
import functools
import json
import os
import re
import sys
from collections.abc import Callable
from pathlib import Path

from explorer.core.load import (
    DatasetError,
    Opened,
    bundled_dataset_path,
    hold_collector,
    load_dataset,
    open_dataset,
    release_collector,
)
from explorer.core.safe import safe_text

EXIT_OK, EXIT_DATA, EXIT_USAGE = 0, 1, 2
# What a shell reports for a program ended by SIGPIPE (128 + 13), as `yes | head -1` does.
EXIT_PIPE = 141


def _add_data_option(parser: argparse.ArgumentParser, default: object) -> None:
    parser.add_argument(
        "--data",
        metavar="PATH",
        type=Path,
        default=default,
        help="dataset file to use instead of the bundled one",
    )


def build_parser() -> argparse.ArgumentParser:
    """The argument parser; `--data` is accepted before or after the subcommand."""
    parser = argparse.ArgumentParser(
        prog="explorer",
        description="Explore what news coverage says about a diplomatic tour. "
        "With no command, opens the terminal app.",
    )
    _add_data_option(parser, None)
    parser.add_argument("--version", action=_Version, help="show the version and exit")
    parser.add_argument(
        "--bundled",
        action="store_true",
        help="open the bundled dataset, not the data file of the last run",
    )
    # How `explorer serve` starts each browser tab's app: one colleague's tab neither reads
    # nor writes the remembered data file and theme of the person serving.
    parser.add_argument("--served", action="store_true", help=argparse.SUPPRESS)
    # On the subcommands the option must not overwrite a value given before the command.
    common = argparse.ArgumentParser(add_help=False)
    _add_data_option(common, argparse.SUPPRESS)
    as_json = argparse.ArgumentParser(add_help=False)
    as_json.add_argument(
        "--format",
        choices=FORMATS,
        help="table (the default on a terminal), json, csv, tsv (the default into a pipe or "
        "a file) or md; off a terminal, one record a line, nothing wrapped or padded",
    )
    as_json.add_argument(
        "--json", action="store_const", const="json", dest="format", help="--format json"
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    quotes = commands.add_parser(
        "quotes", parents=[common, as_json], help="list quotations and reported statements"
    )
    quotes.add_argument("--speaker", metavar="NAME", help="any name or part of one, any order")
    quotes.add_argument("--country", metavar="C", help="where it was said: name or id")
    quotes.add_argument("--event", metavar="E", help="event title or id")
    quotes.add_argument("--area", metavar="A", help="cooperation area or category")
    quotes.add_argument("--kind", choices=["direct", "reported"])
    quotes.add_argument(
        "--text", metavar="WORDS", help="words the statement or its attribution holds (word starts)"
    )
    cite = commands.add_parser(
        "cite", parents=[common], help="a statement with its citation, as `y` copies it"
    )
    cite.add_argument("statement", metavar="QUOTE_ID", help="the statement's id (quotes --json)")
    cite.add_argument("--format", choices=["text", "md"], default="text")
    commands.add_parser("timeline", parents=[common, as_json], help="legs and events in date order")
    commands.add_parser("countries", parents=[common, as_json], help="countries and their roles")
    commands.add_parser("areas", parents=[common, as_json], help="cooperation areas by category")
    commands.add_parser(
        "sources", parents=[common, as_json], help="the articles and what each contributes"
    )
    build = commands.add_parser(
        "build", parents=[common], help="build the dataset from articles and annotations"
    )
    build.add_argument("--check", action="store_true", help="exit 1 if the dataset is stale")
    build.add_argument(
        "--data-dir", metavar="DIR", type=Path, help="folder with articles/ and annotations/"
    )
    build.add_argument(
        "-o", "--output", type=Path, metavar="FILE", help="write here (default DIR/dataset.json)"
    )
    draft = commands.add_parser(
        "draft", parents=[common], help="propose annotations for a new article, to review"
    )
    draft.add_argument(
        "article", type=Path, metavar="ARTICLE", help="a .txt article, a saved .html page, or -"
    )
    draft.add_argument("-o", "--output", type=Path, metavar="FILE", help="write here, not stdout")
    draft.add_argument("--force", action="store_true", help="overwrite files that exist")
    draft.add_argument(
        "--data-dir",
        metavar="DIR",
        type=Path,
        help="data folder: its taxonomy.toml, and its articles/ for a page's or stdin's text",
    )
    draft.add_argument("--name", help="file name (no .txt) for a page's or stdin's text")
    draft.add_argument("--title", help="the report's title")
    draft.add_argument("--outlet", help="who published it")
    draft.add_argument("--published", type=_iso_date, metavar="YYYY-MM-DD", help="its date")
    draft.add_argument("--url", help="where it was published")
    serve = commands.add_parser(
        "serve", parents=[common], help="open the app in browser tabs (needs the serve extra)"
    )
    serve.add_argument(
        "--host",
        default="127.0.0.1",
        help="address to listen on (default 127.0.0.1: this machine only; any other lets "
        "anyone who reaches it read the dataset)",
    )
    serve.add_argument("--port", type=_port, default=8000, help="port to listen on (8000)")
    validate = commands.add_parser("validate", parents=[common], help="check a dataset file")
    validate.add_argument("path", nargs="?", type=Path, metavar="PATH")
    commands.add_parser("schema", parents=[common], help="print the dataset's JSON Schema")
    return parser


# Characters JSON may carry raw but a terminal acts on: DEL, C1 controls, bidi controls,
# and the line and paragraph separators. Written as \u escapes, the text stays exact.
_JSON_UNSAFE = re.compile("[\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def json_text(value: object) -> str:
    """JSON for scripts: readable UTF-8, with every character a terminal acts on escaped."""
    text = json.dumps(value, indent=2, ensure_ascii=False)
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def _print_json(value: object) -> None:
    print(json_text(value))


# However wide COLUMNS says the output is, a table is never laid out wider than this.
MAX_TABLE_WIDTH = 1000


def _console():
    from rich.console import Console

    class PipeAwareConsole(Console):
        """A console that leaves a closed pipe to `main`, so every command ends alike."""

        def on_broken_pipe(self) -> None:
            raise BrokenPipeError

    console = PipeAwareConsole(highlight=False)
    if console.width > MAX_TABLE_WIDTH:
        console = PipeAwareConsole(highlight=False, width=MAX_TABLE_WIDTH)
    return console


def cmd_quotes(args: argparse.Namespace) -> int:
    """List statements matching the options."""
    from explorer.cli import report
    from explorer.core.names import words
    from explorer.core.query import Index

    index = Index(load_dataset(args.data))
    for option in ("speaker", "country", "event", "area"):
        value = getattr(args, option)
        if value is not None and not words(value):
            _problem(
                "quotes",
                f"--{option} {value!r} has no letters or digits to match: it matches nothing",
            )
    found = index.quotes(
        speaker=args.speaker,
        country=args.country,
        event=args.event,
        area=args.area,
        kind=args.kind,
        text=args.text,
    )
    _emit(
        args,
        lambda: [report.quote_record(index, s) for s in found],
        lambda: report.quote_rows(index, found),
        lambda: report.quotes_view(index, found),
    )
    return EXIT_OK


def _listing(records: Callable, rows: Callable, view: Callable) -> Callable:
    def command(args: argparse.Namespace) -> int:
        from explorer.core.query import Index

        index = Index(load_dataset(args.data))
        _emit(args, lambda: records(index), lambda: rows(index), lambda: view(index))
        return EXIT_OK

    return command


FORMATS = ("table", "json", "csv", "tsv", "md")


def _emit(args: argparse.Namespace, records: Callable, rows: Callable, view: Callable) -> None:
    """Print a listing in the format asked for: on a terminal a table by default, into a
    pipe or a file tab-separated values, one record a line."""
    from explorer.cli import tabular

    terminal = sys.stdout.isatty()
    chosen = args.format or ("table" if terminal else "tsv")
    if chosen == "json":
        _print_json(records())
    elif chosen == "table":
        shown = view()
        body, notes = shown if isinstance(shown, tuple) else (shown, [])
        if terminal:
            console = _console()
            console.print(body)
            for note in notes:
                console.print(note)
        else:  # whole lines, never wrapped or padded; the notes apart, on standard error
            sys.stdout.write(tabular.unwrapped(body))
            for note in notes:
                sys.stderr.write(tabular.unwrapped(note))
    else:
        columns, values = rows()
        sys.stdout.write(tabular.write(chosen, columns, values))


def _problem(command: str, line: str) -> None:
    """One problem line on standard error, made safe for the terminal."""
    print(
        f"explorer {command}: {safe_text(line)}" if command else f"explorer: {safe_text(line)}",
        file=sys.stderr,
    )


def cmd_build(args: argparse.Namespace) -> int:
    """Write the dataset, or with --check say whether the written one is stale."""
    from explorer.core.files import FileProblem, write_atomically
    from explorer.ingest.build import (
        BuildError,
        build_dataset,
        dataset_json,
        default_data_dir,
        stale_diff,
    )

    if args.data is not None:
        _problem(
            "build",
            "--data names a dataset to read; build writes the data folder's dataset.json, "
            "or the file given by -o/--output",
        )
        return EXIT_USAGE
    data_dir = args.data_dir or default_data_dir()
    output = args.output or data_dir / "dataset.json"
    try:
        fresh = dataset_json(build_dataset(data_dir))
    except BuildError as error:
        for line in error.problems:
            _problem("build", line)
        return EXIT_DATA
    if args.check:
        difference = stale_diff(fresh, output)
        if difference:
            _problem("build", f"{output} is stale: run `explorer build`")
            for line in difference:
                print(safe_text(line), file=sys.stderr)
            return EXIT_DATA
        print(safe_text(f"{output} is up to date"))
        return EXIT_OK
    try:
        write_atomically(output, fresh)
    except FileProblem as problem:
        _problem("build", str(problem))
        return EXIT_DATA
    # Read as the app will read it, so that the records are cached and the evidence noted
    # as checked now: opening the new dataset is then as quick as opening it again.
    load_dataset(output)
    print(safe_text(f"wrote {output}"))
    return EXIT_OK


def cmd_draft(args: argparse.Namespace) -> int:
    """Draft annotations for an article (text, a saved page, or standard input); never write
    over an existing file unless told to."""
    from explorer.core.files import FileProblem, write_atomically
    from explorer.core.load import bundled_path
    from explorer.ingest.build import default_data_dir
    from explorer.ingest.draft_file import draft_text
    from explorer.ingest.pages import MissingExtra, extract_page, looks_like_html
    from explorer.ingest.reading.names import slug
    from explorer.ingest.sources import (
        MAX_ARTICLE_BYTES,
        SourceProblem,
        read_taxonomy,
        read_text,
    )

    # The data folder's own taxonomy if it has one (the build reads that one), else ours.
    taxonomy = args.data_dir / "taxonomy.toml" if args.data_dir else None
    if taxonomy is None or not os.path.lexists(taxonomy):
        taxonomy = bundled_path("taxonomy.toml")
    output = args.output
    if output is not None and os.path.lexists(output) and not args.force:
        what = "is a link" if output.is_symlink() else "exists"
        _problem("draft", f"{output} {what}; --force to replace it")
        return EXIT_DATA
    try:
        if str(args.article) == "-":
            raw = sys.stdin.buffer.read(MAX_ARTICLE_BYTES + 1)
            if len(raw) > MAX_ARTICLE_BYTES:
                raise SourceProblem([f"standard input: longer than {MAX_ARTICLE_BYTES:,} bytes"])
            text = raw.decode("utf-8", errors="strict")
        else:
            text = read_text(args.article, MAX_ARTICLE_BYTES)
        keywords = read_taxonomy(taxonomy).keywords()
    except SourceProblem as problem:
        for line in problem.lines:
            _problem("draft", line)
        return EXIT_DATA
    except UnicodeDecodeError as error:
        _problem("draft", f"standard input: not valid UTF-8 (byte {error.start})")
        return EXIT_DATA
    meta = _meta_from_options(args)
    name = args.article.name
    if looks_like_html(name, text):
        try:
            text, found = extract_page(text)
        except MissingExtra as missing:
            _problem("draft", f"reading a web page needs the html extra: {missing}")
            return EXIT_USAGE
        if not text.strip():
            _problem("draft", f"{args.article}: no article text found in the page")
            return EXIT_DATA
        meta = _merged(found, meta)
    if looks_like_html(name, "") or str(args.article) == "-":
        # The text must lie in the data folder's articles/ for the build to find it.
        stem = args.name or (args.article.stem if str(args.article) != "-" else "")
        stem = stem or slug(meta.title or text.strip().split("\n")[0][:60])
        stem = re.sub(r"[^\w.-]+", "-", stem).strip(".-") or "article"
        articles = (args.data_dir or default_data_dir()) / "articles"
        target = articles / f"{stem}.txt"
        if os.path.lexists(target) and not args.force:
            _problem("draft", f"{target} exists; --force to replace it, or --name another")
            return EXIT_DATA
        try:
            articles.mkdir(parents=True, exist_ok=True)
            write_atomically(target, text)
        except (FileProblem, OSError) as problem:
            _problem("draft", str(problem))
            return EXIT_DATA
        print(safe_text(f"wrote {target}"), file=sys.stderr)
        name = target.name
    dataset, warning = _joined_dataset(args.data_dir or default_data_dir())
    if warning:
        print(safe_text(f"explorer: draft: {warning}"), file=sys.stderr)
    draft = draft_text(text, name, keywords, meta, dataset)
    if output is None:
        sys.stdout.write(draft)
        return EXIT_OK
    try:
        write_atomically(output, draft)  # a link at `output` is replaced, never followed
    except FileProblem as problem:
        _problem("draft", str(problem))
        return EXIT_DATA
    print(safe_text(f"wrote {output}: review it, then run `explorer build`"))
    return EXIT_OK


def _joined_dataset(data_dir: Path):
    """The dataset a draft will join (the data folder's dataset.json), to link the draft to
    what it holds; none, with a warning saying why, when it cannot be read."""
    path = data_dir / "dataset.json"
    if not os.path.lexists(path):
        return None, None
    try:
        return load_dataset(path), None
    except DatasetError as error:
        first = next(iter(error.lines()), "unreadable")
        return None, f"{path}: {first}; drafting without links to it"


def _meta_from_options(args: argparse.Namespace):
    from explorer.ingest.draft import Meta

    return Meta(title=args.title, outlet=args.outlet, published=args.published, url=args.url)


def _merged(found, given):
    """What the page says of itself, with what the person drafting said taking precedence."""
    from explorer.ingest.draft import Meta

    return Meta(
        **{
            k: getattr(given, k) or getattr(found, k)
            for k in ("title", "outlet", "published", "url")
        }
    )


def _iso_date(value: str) -> str:
    """An argparse type: a date written YYYY-MM-DD."""
    import datetime as dt

    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date written YYYY-MM-DD") from None


def cmd_cite(args: argparse.Namespace) -> int:
    """Print one statement with its citation."""
    import difflib

    from explorer.core.cite import citation
    from explorer.core.query import Index

    index = Index(load_dataset(args.data))
    ids = [s.id for s in index.dataset.statements]
    if args.statement not in ids:
        near = difflib.get_close_matches(args.statement, ids, n=3)
        hint = (
            f"; did you mean {', '.join(near)}?"
            if near
            else "; `explorer quotes --json` lists them"
        )
        _problem("cite", f"no statement has the id {args.statement!r}{hint}")
        return EXIT_USAGE
    text = citation(index, index.statement(args.statement), args.format)
    sys.stdout.write(text if not sys.stdout.isatty() else safe_text(text, single_line=False))
    return EXIT_OK


def _port(value: str) -> int:
    """An argparse type: a TCP port number."""
    if not value.isdigit() or not 1 <= int(value) <= 65535:
        raise argparse.ArgumentTypeError(f"{value!r} is not a port (1 to 65535)")
    return int(value)


def cmd_serve(args: argparse.Namespace) -> int:
    """Serve the app to browser tabs until Ctrl+C; the data file is checked before serving,
    so that a bad one is said here once, not in every tab."""
    from explorer.cli import serve

    try:
        serve.require_extra()
    except serve.MissingExtra:
        _problem("serve", f"serving to a browser needs the serve extra: {serve.INSTALL_HINT}")
        return EXIT_USAGE
    data = (args.data or bundled_dataset_path()).resolve()
    load_dataset(data)
    problem = serve.address_problem(args.host, args.port)
    if problem:
        _problem("serve", problem)
        return EXIT_DATA
    warning = serve.exposure_warning(args.host, args.port)
    if warning:
        print(safe_text(warning), file=sys.stderr)
    try:
        serve.serve(data, args.host, args.port)
    except OSError as error:  # taken between the check and the server's start
        _problem("serve", f"cannot listen on {args.host}:{args.port}: {error.strerror or error}")
        return EXIT_DATA
    print("explorer serve: stopped", file=sys.stderr)
    return EXIT_OK


class _Version(argparse.Action):
    """`--version`: the version is looked up only when asked for (importlib.metadata takes
    20 ms to import, a tenth of the app's start-up)."""

    def __init__(self, option_strings: list[str], dest: str, **kwargs: object) -> None:
        super().__init__(option_strings, dest=argparse.SUPPRESS, nargs=0, **kwargs)

    def __call__(self, parser: argparse.ArgumentParser, *_: object) -> None:
        print(f"explorer {_version()}")
        parser.exit()


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("explorer")
    except PackageNotFoundError:
        from explorer import __version__

        return __version__


def cmd_validate(args: argparse.Namespace) -> int:
    """Check a dataset file and say what it holds."""
    path = args.path or args.data or bundled_dataset_path()
    dataset = load_dataset(path)
    counts = ", ".join(
        f"{len(getattr(dataset, name))} {name}"
        for name in ("sources", "trips", "events", "statements", "areas")
    )
    print(f"{path}: valid ({counts})")
    return EXIT_OK


def cmd_schema(args: argparse.Namespace) -> int:
    """Print the dataset's JSON Schema."""
    from explorer.core.validation import json_schema

    _print_json(json_schema())
    return EXIT_OK


def cmd_tui(args: argparse.Namespace) -> int:
    """Open the terminal app: on the file given, else the last one given (remembered in the
    user's config folder), else the bundled dataset."""
    hold_collector()  # until the app's first paint: Textual and the screens hold no garbage
    try:
        return _open_app(args)
    finally:
        release_collector()  # (if the app never painted)


def _open_app(args: argparse.Namespace) -> int:
    """The dataset `cmd_tui` opens, opened, and the app run on it."""
    from explorer.core.settings import load_settings, remember

    notice = None
    path = args.data
    if args.served:  # a browser tab's app: the server's data file, and nothing remembered
        return _run_app(open_dataset(path, evidence=False, aside=True), None, settings=False)
    if path is None and not args.bundled:
        last = load_settings().get("data")
        if isinstance(last, str) and last:
            try:
                opened = open_dataset(Path(last), evidence=False, aside=True)
            except DatasetError as error:
                first = next(iter(error.lines()), "unreadable")
                reason = f"the last data file cannot be opened ({first}); opening the bundled one"
                _problem("", reason)
                notice = reason[0].upper() + reason[1:]  # in the app too: it hides stderr at once
            else:
                notice = (
                    f"Opened {last}, the data file of your last run (--bundled: the bundled one)"
                )
                return _run_app(opened, notice)
    # The evidence's words are checked by the app after its first paint (at 100,000
    # statements that is a quarter of a first load), unless they were when it was cached.
    opened = open_dataset(path, evidence=False, aside=True)
    if path is not None:
        remember(data=str(path.resolve()))
    elif args.bundled:
        remember(data=None)
    return _run_app(opened, notice)


def _run_app(opened: Opened, notice: str | None, *, settings: bool = True) -> int:
    """Run the app on a dataset just opened; the evidence it checks after its first paint
    is noted as checked when it passes."""
    from explorer.core import trusted
    from explorer.tui.app import run

    return run(
        opened.dataset,
        notice,
        settings=settings,
        evidence_checked=opened.evidence_checked,
        evidence_passed=functools.partial(trusted.evidence_checked, opened.key),
    )


def _commands(name: str | None) -> Callable[[argparse.Namespace], int]:
    """The function for a command; the report module is loaded only for those that print."""
    if name is None:
        return cmd_tui
    from explorer.cli import report

    return {
        "quotes": cmd_quotes,
        "timeline": _listing(report.timeline_records, report.timeline_rows, report.timeline_view),
        "countries": _listing(
            lambda index: [report.country_record(index, s) for s in index.country_summaries()],
            report.country_rows,
            report.countries_view,
        ),
        "areas": _listing(report.area_records, report.area_rows, report.areas_view),
        "sources": _listing(report.source_records, report.source_rows, report.sources_view),
        "cite": cmd_cite,
        "build": cmd_build,
        "draft": cmd_draft,
        "validate": cmd_validate,
        "schema": cmd_schema,
        "serve": cmd_serve,
    }[name]


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    args = build_parser().parse_args(argv)
    try:
        code = _commands(args.command)(args)
        sys.stdout.flush()  # inside the try: a reader gone away is found here, not at exit
        return code
    except BrokenPipeError:
        # The reader (`| head`) went away: stop quietly, as Unix tools do on SIGPIPE.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_PIPE
    except DatasetError as error:
        for line in error.lines():
            _problem("", line)
        return EXIT_DATA
    except OSError as error:
        where = error.filename if error.filename is not None else "standard output"
        _problem("", f"{where}: {error.strerror or error}")
        return EXIT_DATA
    except KeyboardInterrupt:
        return 130
