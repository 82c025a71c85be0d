"""Build: execute notebooks headless with parameters, export each to HTML, write an index.

Used by the Makefile (``python -m withdrawals.build ...``) and by the notebook
tests.  Parameters are injected the way papermill does it: a cell tagged
``injected-parameters`` right after the cell tagged ``parameters``, so the same
notebooks run on the seeds or on a user's corpus without edits.

A failing cell fails the build with the notebook's name, the cell's number and
the error, and the exit status is non-zero; the failed notebook has no HTML (an
older one is removed) and the index marks it failed.
"""
from __future__ import annotations

import argparse
import html
import re
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import nbformat

__all__ = ["execute_notebook", "build", "write_index", "NotebookError"]

REPO = Path(__file__).resolve().parent.parent
_ANSI = re.compile(r"\x1b\[[0-9;]*m")


class NotebookError(RuntimeError):
    """A cell of a notebook failed; the message names the notebook and the cell."""


def _inject(nb, params: dict) -> None:
    """Insert an ``injected-parameters`` cell after the ``parameters`` cell (papermill style)."""
    src = "# Parameters injected by the build\n" + "".join(
        f"{k} = {v!r}\n" for k, v in params.items())
    cell = nbformat.v4.new_code_cell(src, metadata={"tags": ["injected-parameters"]})
    nb.cells = [c for c in nb.cells if "injected-parameters" not in c.get("metadata", {}).get("tags", [])]
    idx = next((i for i, c in enumerate(nb.cells)
                if "parameters" in c.get("metadata", {}).get("tags", [])), None)
    nb.cells.insert(0 if idx is None else idx + 1, cell)


def execute_notebook(path, params: dict | None = None, html_dir=None, timeout: int = 1200):
    """Execute one notebook in its own folder and optionally export it to HTML.

    In: the ``.ipynb`` path, parameters to inject (name -> value), a folder for
    the HTML (``None``: no export).  Out: the executed notebook node; the HTML
    is written to ``html_dir/<stem>.html`` only when every cell ran (an older
    HTML of the notebook is removed first, so a failure never leaves a report
    that looks complete).  Raises :class:`NotebookError` naming the notebook
    and the failing cell.
    """
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError

    path = Path(path)
    html_path = None if html_dir is None else Path(html_dir) / f"{path.stem}.html"
    if html_path is not None:
        html_path.unlink(missing_ok=True)   # a failed run must not leave an older, complete-looking report behind
    nb = nbformat.read(path, as_version=4)
    if params:
        _inject(nb, params)
    failed = {}

    def on_error(cell, cell_index, execute_reply):
        failed["index"] = cell_index

    client = NotebookClient(nb, timeout=timeout, kernel_name="python3",
                            resources={"metadata": {"path": str(path.parent)}},
                            on_cell_error=on_error)
    try:
        client.execute()
    except CellExecutionError as exc:
        i = failed.get("index", -1)
        # Number the cell as the user's notebook does, without the injected parameters cell.
        own = [c for c in nb.cells[: i + 1]
               if "injected-parameters" not in c.get("metadata", {}).get("tags", [])]
        i = len(own) - 1
        code_no = sum(1 for c in own if c.cell_type == "code")
        first = _ANSI.sub("", str(exc)).strip().splitlines()
        raise NotebookError(f"{path}: cell {i + 1} (code cell {code_no}) failed:\n"
                            + "\n".join(first[-15:])) from None
    if html_path is not None:
        from nbconvert import HTMLExporter

        html_path.parent.mkdir(parents=True, exist_ok=True)
        body, _ = HTMLExporter().from_notebook_node(nb)
        part = html_path.with_name(html_path.name + ".part")     # written whole, then renamed
        part.write_text(body, encoding="utf-8")
        part.replace(html_path)
    return nb


def _summary(path: Path) -> tuple[str, str]:
    """Title and bottom line of a notebook: the first markdown cell's heading and text."""
    nb = nbformat.read(path, as_version=4)
    md = next((c.source for c in nb.cells if c.cell_type == "markdown"), "")
    lines = [ln.strip() for ln in md.splitlines() if ln.strip()]
    title = lines[0].lstrip("# ").strip() if lines else path.stem
    rest = " ".join(ln for ln in lines[1:4])
    return title, rest


def _inline_md(text: str) -> str:
    """Escape text for HTML, rendering Markdown's **bold** and `code`."""
    text = html.escape(text)
    text = re.sub(r"\*\*(.+?)\*\*", r"<b>\1</b>", text)
    return re.sub(r"`(.+?)`", r"<code>\1</code>", text)


def write_index(notebooks, html_dir, corpus: str, failed: dict | None = None) -> Path:
    """Write ``html_dir/index.html`` linking each exported notebook with its title and bottom line.

    ``failed`` maps a notebook path to its error; such a notebook is listed
    as failed, with the error, and not linked.
    """
    html_dir = Path(html_dir)
    failed = {Path(k): v for k, v in (failed or {}).items()}
    items = []
    for nb in notebooks:
        nb = Path(nb)
        title, rest = _summary(nb)
        if nb in failed:
            items.append(f'<li><b>{_inline_md(title)}</b> — <b style="color:#b00">FAILED, no report</b>'
                         f'<pre>{html.escape(failed[nb])}</pre></li>')
            continue
        items.append(f'<li><a href="{nb.stem}.html"><b>{_inline_md(title)}</b></a>'
                     f'<br><span>{_inline_md(rest)}</span></li>')
    page = ("<!doctype html><html><head><meta charset='utf-8'>"
            "<title>US troop withdrawals in the news</title>"
            "<style>body{font-family:sans-serif;max-width:50em;margin:2em auto;line-height:1.5}"
            "li{margin-bottom:1em}</style></head><body>"
            "<h1>How news outlets reported the US troop withdrawals from Syria and Iraq</h1>"
            f"<p>Corpus: <code>{html.escape(corpus)}</code></p><ol>" + "".join(items)
            + "</ol></body></html>\n")
    out = html_dir / "index.html"
    html_dir.mkdir(parents=True, exist_ok=True)
    out.write_text(page, encoding="utf-8")
    return out


def build(notebooks, corpus, figures, cache, html_dir, changed=(), jobs: int = 2) -> list[Path]:
    """Run the notebooks that need it and write the index.

    In: all notebooks (in order), the corpus path, figure / cache / HTML
    folders, the prerequisites Make found newer than the last build
    (``changed``; empty = rebuild everything) and how many kernels to run at
    once.  A changed code or corpus file reruns every notebook; a changed
    notebook reruns itself; a missing HTML file reruns its notebook.
    Out: the notebooks that were executed.  Every notebook runs even when
    one fails; then :class:`NotebookError` is raised naming each failed
    notebook and cell, their HTML is absent and the index marks them failed.
    """
    notebooks = [Path(n) for n in notebooks]
    changed = [Path(c) for c in changed]
    html_dir = Path(html_dir)
    everything = not changed or any(c.suffix != ".ipynb" for c in changed)
    todo = [n for n in notebooks
            if everything or n in changed or not (html_dir / f"{n.stem}.html").exists()]
    params = {"CORPUS": str(Path(corpus).resolve()), "FIGURES": str(Path(figures).resolve()),
              "CACHE": str(Path(cache).resolve())}
    if todo:
        # Warm the analysis cache once, so notebooks running side by side don't each compute it.
        sys.path.insert(0, str(REPO))
        import utils

        t0 = time.perf_counter()
        if hasattr(utils, "analyze_cached"):
            utils.analyze_cached(utils.load_articles(params["CORPUS"]), params["CACHE"])
        print(f"analysis ready in {time.perf_counter() - t0:.1f} s", flush=True)

    failed: dict[Path, str] = {}

    def run(nb: Path) -> Path | None:
        t = time.perf_counter()
        try:
            execute_notebook(nb, params, html_dir)
        except NotebookError as exc:
            failed[nb] = str(exc)
            print(f"  {nb.name}: FAILED after {time.perf_counter() - t:.1f} s", flush=True)
            return None
        print(f"  {nb.name}: executed and exported in {time.perf_counter() - t:.1f} s", flush=True)
        return nb

    with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
        done = [nb for nb in pool.map(run, todo) if nb is not None]
    write_index(notebooks, html_dir, str(corpus), failed)
    if failed:
        raise NotebookError("\n\n".join(failed[nb] for nb in notebooks if nb in failed))
    return done


def main(argv=None) -> int:
    """Command line: ``python -m withdrawals.build --corpus C --figures F --cache D --html H nb...``."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("notebooks", nargs="+")
    ap.add_argument("--corpus", default=str(REPO / "seeds"))
    ap.add_argument("--figures", default=str(REPO / "figures"))
    ap.add_argument("--cache", default=str(REPO / "build" / "cache" / "seeds"))
    ap.add_argument("--html", default=str(REPO / "build" / "seeds" / "html"))
    ap.add_argument("--changed", default="", help="prerequisites newer than the last build ($? in Make)")
    ap.add_argument("--jobs", type=int, default=2)
    args = ap.parse_args(argv)
    t0 = time.perf_counter()
    try:
        done = build(args.notebooks, args.corpus, args.figures, args.cache, args.html,
                     args.changed.split(), args.jobs)
    except NotebookError as exc:
        print(f"BUILD FAILED: {exc}", file=sys.stderr)
        return 1
    print(f"{len(done)} notebook(s) executed in {time.perf_counter() - t0:.1f} s; "
          f"HTML in {args.html}/index.html")
    return 0


if __name__ == "__main__":
    sys.exit(main())
