"""The command line, run as a user runs it: in a subprocess."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from conftest import DATA, ROOT


def test_kamikawa_direct_lists_her_two_quotations_and_nothing_else(run_cli, article_text):
    result = run_cli("quotes", "--speaker", "kamikawa", "--kind", "direct", "--json")
    assert result.returncode == 0, result.stderr
    quotes = json.loads(result.stdout)
    assert len(quotes) == 2
    for quote in quotes:
        assert quote["speakers"] == ["Kamikawa Yoko"]
        assert quote["kind"] == "direct"
        source = quote["source"]
        assert article_text[source["start"] : source["end"]] == quote["text"]
        assert quote["country"] == "Japan"
        assert quote["date"]["year_inferred"] is True


def test_quotes_json_shape(run_cli):
    result = run_cli("quotes", "--json")
    quotes = json.loads(result.stdout)
    assert len(quotes) == 18
    required = {"speakers", "text", "kind", "date", "country", "event", "source"}
    for quote in quotes:
        assert required <= set(quote)
        assert set(quote["source"]) == {
            *("article", "start", "end", "paragraph"),
            *("outlet", "title", "published", "url"),
        }
        assert quote["kind"] in {"direct", "reported"}
        assert not quote["text"].startswith(("“", '"'))


def test_quotes_table_for_people(run_cli):
    result = run_cli("quotes", "--speaker", "cho tae-yul", "--format", "table")
    assert result.returncode == 0
    assert "Cho Tae-yul" in result.stdout
    assert "1 statement" in result.stdout
    assert "year inferred" in result.stdout


@pytest.mark.parametrize(
    ("args", "count"),
    [
        (["--country", "japan"], 9),
        (["--country", "kr"], 8),
        (["--area", "semiconductors"], 2),
        (["--kind", "reported"], 10),
        (["--event", "joint commission"], 3),
        (["--text", "global south"], 1),
        (["--speaker", "nobody-at-all"], 0),
    ],
)
def test_quote_filters(run_cli, args, count):
    result = run_cli("quotes", *args, "--json")
    assert result.returncode == 0, result.stderr
    assert len(json.loads(result.stdout)) == count


def test_no_match_is_an_empty_list_and_success(run_cli):
    result = run_cli("quotes", "--speaker", "zzz", "--json")
    assert (result.returncode, json.loads(result.stdout)) == (0, [])


def test_timeline_json(run_cli):
    legs = json.loads(run_cli("timeline", "--json").stdout)
    assert [(leg["country"], leg["start"], leg["end"]) for leg in legs] == [
        ("South Korea", "2024-03-05", "2024-03-06"),
        ("Japan", "2024-03-06", "2024-03-08"),
    ]
    assert all(leg["year_inferred"] for leg in legs)
    assert legs[0]["city"] is None and legs[1]["city"] == "Tokyo"
    event = legs[0]["events"][0]
    assert event["title"] == "10th India-Republic of Korea Joint Commission Meeting"
    assert event["date"]["start"] == "2024-03-05" and event["date"]["precision"] == "within"


def test_the_timeline_names_each_paragraph_of_a_fact_once(run_cli):
    """Two spans of one paragraph are one place to read: the table says it once."""
    legs = json.loads(run_cli("timeline", "--json").stdout)
    facts = [*legs, *(event for leg in legs for event in leg["events"])]
    places = [[(s["article"], s["paragraph"]) for s in fact["sources"]] for fact in facts]
    assert any(len(set(where)) < len(where) for where in places)  # the case is there
    header, *rows = run_cli("timeline").stdout.splitlines()
    column = header.split("\t").index("sources")
    for row in rows:
        where = row.split("\t")[column].split("; ")
        assert len(set(where)) == len(where), row
    assert len(rows) == len(facts)


def test_countries_json(run_cli):
    countries = json.loads(run_cli("countries", "--json").stdout)
    assert {c["name"]: c["role"] for c in countries} == {
        "India": "traveller",
        "South Korea": "host",
        "Japan": "host",
        "China": "context",
        "United States": "context",
        "Australia": "context",
    }


def test_areas_json(run_cli):
    areas = json.loads(run_cli("areas", "--json").stdout)
    by_name = {a["name"]: a for a in areas}
    assert by_name["Semiconductors"]["countries"] == ["Japan", "South Korea"]
    assert by_name["Semiconductors"]["category"] == "Technology"
    assert by_name["Green hydrogen"]["countries"] == ["South Korea"]
    assert all({"name", "category", "countries"} <= set(a) for a in areas)


@pytest.mark.parametrize("command", ["timeline", "countries", "areas", "quotes"])
def test_tables_for_people(run_cli, command):
    result = run_cli(command)
    assert result.returncode == 0 and result.stdout.strip()
    assert "Traceback" not in result.stderr


def test_data_option_before_or_after_the_command(run_cli, tmp_path):
    copy = tmp_path / "copy.json"
    copy.write_bytes((DATA / "dataset.json").read_bytes())
    before = run_cli("--data", str(copy), "countries", "--json")
    after = run_cli("countries", "--json", "--data", str(copy))
    assert before.returncode == after.returncode == 0
    assert before.stdout == after.stdout
    missing = run_cli("countries", "--data", str(tmp_path / "nope.json"))
    assert missing.returncode == 1 and "no such file" in missing.stderr


def test_works_from_any_directory(run_cli, tmp_path):
    result = run_cli("quotes", "--speaker", "yoko", "--json", cwd=tmp_path)
    assert result.returncode == 0 and len(json.loads(result.stdout)) == 7


def test_build_check_passes_on_the_committed_dataset(run_cli):
    result = run_cli("build", "--check")
    assert result.returncode == 0, result.stderr


def test_build_check_fails_on_a_stale_dataset(run_cli, tmp_path):
    stale = tmp_path / "dataset.json"
    stale.write_text((DATA / "dataset.json").read_text().replace("Kamikawa Yoko", "K. Yoko", 1))
    result = run_cli("build", "--check", "-o", str(stale))
    assert result.returncode == 1
    assert "stale" in result.stderr and "K. Yoko" in result.stderr


def test_build_writes_the_same_bytes_every_time(run_cli, tmp_path):
    outputs = []
    for name in ("one.json", "two.json"):
        assert run_cli("build", "-o", str(tmp_path / name)).returncode == 0
        outputs.append((tmp_path / name).read_bytes())
    assert outputs[0] == outputs[1] == (DATA / "dataset.json").read_bytes()


def test_validate_and_schema(run_cli):
    result = run_cli("validate")
    assert result.returncode == 0 and "valid" in result.stdout
    schema = json.loads(run_cli("schema").stdout)
    assert schema["title"] == "Dataset"
    assert "statements" in schema["properties"]
    assert schema["additionalProperties"] is False


@pytest.mark.parametrize(
    "args",
    [["quotes", "--kind", "sideways"], ["nonsense"], ["quotes", "--bogus"], ["timeline", "x"]],
)
def test_bad_usage_exits_2(run_cli, args):
    result = run_cli(*args)
    assert result.returncode == 2
    assert "usage:" in result.stderr and "Traceback" not in result.stderr


@pytest.mark.parametrize("fmt", [[], ["--json"]])
def test_a_closed_pipe_ends_quietly(tmp_path, fmt):
    """`explorer quotes | head -1`: no message, the exit status of a program ended by SIGPIPE."""
    from explorer.ingest.synth import dataset_text, generate

    big = tmp_path / "big.json"
    big.write_text(dataset_text(generate(quotes=200, seed=1)), encoding="utf-8")
    reader = subprocess.Popen(
        [sys.executable, "-m", "explorer", "--data", str(big), "quotes", *fmt],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=ROOT,
    )
    reader.stdout.close()  # the reader goes away before the output is written
    assert reader.wait(timeout=60) == 141
    assert reader.stderr.read() == b""


def test_sources_lists_each_article_and_what_it_contributes(run_cli):
    result = run_cli("sources", "--json")
    assert result.returncode == 0, result.stderr
    [source] = json.loads(result.stdout)
    dataset = json.loads((DATA / "dataset.json").read_text(encoding="utf-8"))
    assert source["id"] == dataset["sources"][0]["id"]
    # The bundled article has no title line of its own: the annotator gave it.
    assert source["title_from"] == "annotator"
    direct = sum(1 for s in dataset["statements"] if s["kind"] == "direct")
    assert source["contributes"]["direct statements"] == direct
    assert source["contributes"]["people"] == len(dataset["people"])
    table = run_cli("sources", "--format", "table")
    assert "given by the annotator" in table.stdout


def test_json_says_where_each_fact_stands_down_to_the_paragraph(run_cli, article_text):
    quotes = json.loads(run_cli("quotes", "--json").stdout)
    for quote in quotes:
        source = quote["source"]
        # Counted here from the article itself: the line holding the quotation's first word.
        line = article_text[: source["start"]].count("\n") + 1
        blank = sum(1 for row in article_text.split("\n")[: line - 1] if not row.strip())
        assert source["paragraph"] == line - blank, quote["id"]
        assert article_text[source["start"] : source["end"]] == quote["text"]
    countries = json.loads(run_cli("countries", "--json").stdout)
    assert all(c["sources"] and c["sources"][0]["paragraph"] >= 1 for c in countries)
    areas = json.loads(run_cli("areas", "--json").stdout)
    assert all(m["sources"] for a in areas for m in a["mentions"])


# ------------------------------------------------------- formats for scripts


def test_csv_round_trips_every_statement_exactly(run_cli, article_text):
    """`explorer quotes --format csv | python -c 'import csv,sys; list(csv.reader(sys.stdin))'`:
    every statement comes back as the article writes it, with where it stands."""
    import csv
    import io

    result = run_cli("quotes", "--format", "csv")
    assert result.returncode == 0, result.stderr
    header, *rows = list(csv.reader(io.StringIO(result.stdout)))
    assert len(rows) == 18
    column = {name: n for n, name in enumerate(header)}
    for row in rows:
        start, end = int(row[column["start"]]), int(row[column["end"]])
        assert row[column["text"]] == article_text[start:end]
        assert row[column["paragraph"]].isdigit()


@pytest.mark.parametrize("command", ["quotes", "timeline", "countries", "areas", "sources"])
def test_each_listing_in_each_format_parses_back(run_cli, command):
    import csv
    import io

    records = json.loads(run_cli(command, "--format", "json").stdout)
    as_csv = list(csv.reader(io.StringIO(run_cli(command, "--format", "csv").stdout)))
    tsv = run_cli(command, "--format", "tsv").stdout.splitlines()
    md = run_cli(command, "--format", "md").stdout.splitlines()
    assert len(as_csv) == len(tsv) == len(md) - 1  # md has its line of dashes
    width = len(as_csv[0])
    assert all(len(line.split("\t")) == width for line in tsv)
    assert md[1].startswith("| ---") and all(line.startswith("| ") for line in md)
    if command != "timeline" and command != "areas":  # those flatten into legs/mentions
        assert len(as_csv) - 1 == len(records)
    assert run_cli(command).stdout == run_cli(command, "--format", "tsv").stdout  # piped default


def test_piped_output_is_never_wrapped_or_padded(run_cli):
    """However narrow COLUMNS says the terminal is, a pipe gets whole lines, and the notes on
    what is inferred go to standard error, apart from the records."""
    for form in ("table", "tsv"):
        result = run_cli("quotes", "--format", form, env={"COLUMNS": "40", "PATH": ""})
        lines = result.stdout.splitlines()
        assert any(len(line) > 200 for line in lines)
        assert not any(line.endswith(" ") for line in lines)  # an empty last field is a tab
    table = run_cli("quotes", "--format", "table", env={"COLUMNS": "40", "PATH": ""})
    assert "abiding stake in the peace, security, and prosperity of our region" in table.stdout
    assert "Inferred:" not in table.stdout and "Inferred: The tour took place" in table.stderr


def test_version(run_cli):
    result = run_cli("--version")
    assert result.returncode == 0 and result.stdout.startswith("explorer 0.")
    assert result.stdout.count("\n") == 1 and not result.stderr


def test_the_version_is_looked_up_only_when_asked_for():
    """importlib.metadata takes 20 ms to import: the app's start does without it."""
    probe = (
        "import sys\n"
        "from explorer.cli.main import build_parser\n"
        "build_parser().parse_args(['--data', 'x.json'])\n"
        "print('importlib.metadata' in sys.modules)\n"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert result.stdout.split() == ["False"]


def test_cite_prints_the_words_and_the_citation(run_cli, article_text):
    record = next(
        q for q in json.loads(run_cli("quotes", "--json").stdout) if q["kind"] == "direct"
    )
    text = run_cli("cite", record["id"]).stdout
    words = article_text[record["source"]["start"] : record["source"]["end"]]
    assert text.startswith(f"“{words}”\n— {record['speakers'][0]}, {record['verb']} in ")
    assert f"paragraph {record['source']['paragraph']}" in text
    assert "outlet unknown" in text and "title given by the annotator" in text
    md = run_cli("cite", record["id"], "--format", "md").stdout
    assert md.startswith("> ") and f"**{record['speakers'][0]}**" in md
    wrong = run_cli("cite", record["id"][:-3])
    assert wrong.returncode == 2 and f"did you mean {record['id']}" in wrong.stderr
