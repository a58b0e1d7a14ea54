"""Synthetic datasets pass the same validation as the real one, and are reproducible."""

from __future__ import annotations

import json

import pytest

from explorer.core.load import validate_dataset
from explorer.ingest.synth import dataset_text, generate


@pytest.mark.parametrize("quotes", [1, 7, 120, 2500])
def test_synthetic_datasets_validate(quotes):
    dataset = validate_dataset(generate(quotes), "synthetic")
    assert len(dataset.statements) == quotes
    assert len(dataset.sources) == max(1, quotes // 50)
    assert all(person.aliases for person in dataset.people)
    assert dataset.areas and dataset.events and dataset.trips


def test_same_seed_same_dataset_other_seed_other():
    assert dataset_text(generate(300, seed=7)) == dataset_text(generate(300, seed=7))
    assert dataset_text(generate(300, seed=7)) != dataset_text(generate(300, seed=8))


def test_command_writes_a_file_the_explorer_accepts(run_cli, tmp_path):
    import subprocess
    import sys

    path = tmp_path / "synthetic.json"
    subprocess.run(
        [sys.executable, "-m", "explorer.ingest.synth", "--quotes", "400", "-o", str(path)],
        check=True,
        timeout=60,
    )
    result = run_cli("validate", str(path))
    assert result.returncode == 0 and "400 statements" in result.stdout
    quotes = json.loads(run_cli("quotes", "--json", "--data", str(path)).stdout)
    assert len(quotes) == 400
