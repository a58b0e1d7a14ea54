"""The wheel carries the bundled dataset, so an installed explorer works from any directory."""

from __future__ import annotations

import subprocess
import sys
import zipfile

from conftest import DATA, ROOT


def test_wheel_contains_the_dataset_and_the_code(tmp_path):
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path), str(ROOT)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    (wheel,) = tmp_path.glob("explorer-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        assert archive.read("explorer/_data/dataset.json") == (DATA / "dataset.json").read_bytes()
        assert archive.read("explorer/_data/taxonomy.toml") == (DATA / "taxonomy.toml").read_bytes()
        entry_points = next(n for n in names if n.endswith("entry_points.txt"))
        assert "explorer = explorer.cli.main:main" in archive.read(entry_points).decode()
    rooms = {"explorer/core/model.py", "explorer/ingest/build.py", "explorer/cli/main.py"}
    assert rooms | {"explorer/tui/app.py", "explorer/tui/explorer.tcss"} <= names
