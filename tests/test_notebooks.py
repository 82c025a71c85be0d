"""Every notebook executes headless on the seeds (into a temporary folder) and is committed clean."""
import json
from pathlib import Path

import pytest

from conftest import REPO
from withdrawals.build import execute_notebook

NOTEBOOKS = sorted((REPO / "notebooks").glob("[0-9]*.ipynb"))


def test_there_are_notebooks():
    assert [p.name[:3] for p in NOTEBOOKS][:4] == ["01-", "02-", "03-", "04-"]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_is_committed_without_outputs(path):
    nb = json.loads(path.read_text(encoding="utf-8"))
    code = [c for c in nb["cells"] if c["cell_type"] == "code"]
    assert all(not c.get("outputs") and c.get("execution_count") is None for c in code)
    assert sum("parameters" in c.get("metadata", {}).get("tags", []) for c in code) == 1


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_executes(path, tmp_path):
    params = {"CORPUS": str(REPO / "seeds"), "FIGURES": str(tmp_path / "figures"),
              "CACHE": str(tmp_path / "cache")}
    execute_notebook(path, params, html_dir=tmp_path / "html")
    assert (tmp_path / "html" / f"{path.stem}.html").stat().st_size > 10_000
    pngs = sorted((tmp_path / "figures").glob("*.png"))
    assert pngs, "every notebook writes at least one figure"
    for png in pngs:
        assert png.with_suffix(".csv").exists(), f"{png.name} has no CSV beside it"
        assert png.name.startswith(path.name[:3])


@pytest.fixture(scope="module")
def user_table(tmp_path_factory):
    """A user's own corpus: a CSV with no outlet or date columns, stories in another shape."""
    import pandas as pd

    folder = tmp_path_factory.mktemp("own")
    pd.DataFrame({"title": ["Pullout begins", "Quiet day"], "text": [
        "About 900 U.S. soldiers will leave Iraq within 30 days, officials said.\n\n"
        "“We are going home,” said Sgt. Maria Lopez, a medic. “It is time.”",
        "Nothing was said about troops today."]}).to_csv(folder / "own.csv", index=False)
    return folder / "own.csv"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_runs_on_a_users_table(path, tmp_path, user_table):
    params = {"CORPUS": str(user_table), "FIGURES": str(tmp_path / "figures"), "CACHE": str(tmp_path / "cache")}
    execute_notebook(path, params)
    assert any((tmp_path / "figures").glob("*.png"))


def test_failing_cell_names_notebook_and_cell(tmp_path):
    import nbformat

    from withdrawals.build import NotebookError

    nb = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_code_cell("x = 1", metadata={"tags": ["parameters"]}),
        nbformat.v4.new_markdown_cell("text"),
        nbformat.v4.new_code_cell("raise ValueError('boom here')")])
    path = tmp_path / "09-broken.ipynb"
    nbformat.write(nb, path)
    with pytest.raises(NotebookError, match=r"09-broken.ipynb: cell 3 \(code cell 2\) failed:(.|\n)*boom here"):
        execute_notebook(path, {"x": 2})


def test_index_lists_every_notebook(tmp_path):
    from withdrawals.build import write_index

    page = write_index(NOTEBOOKS, tmp_path, "seeds").read_text(encoding="utf-8")
    for nb in NOTEBOOKS:
        assert f'href="{nb.stem}.html"' in page
