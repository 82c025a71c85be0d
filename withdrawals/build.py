"""Build: execute notebooks headless with parameters, export each to a reader's HTML page, write an index.

Used by the Makefile (``python -m withdrawals.build ...``) and by the notebook
tests.  Parameters are injected the way papermill does it: a cell tagged
``injected-parameters`` right after the cell tagged ``parameters``, so the same
notebooks run on the seeds or on a user's corpus without edits.

A failing cell fails the build with the notebook's name, the cell's number and
the error, and the exit status is non-zero; the failed notebook has no HTML (an
older one is removed) and the index marks it failed.

The pages are for readers, and work offline:

- titled with the notebook's first heading, a link back to the index at the
  top and links to the CSVs of numbers behind the page's figures (copied into
  ``<html>/data/``, so the HTML folder can be moved or zipped whole);
- code hidden until the reader ticks "Show the code" (plain CSS, no script);
  the parameters cells are left out (the page says which corpus it reads);
- no stderr (warnings, progress bars) in the page: such outputs are left out
  and named in the build log instead, so they get fixed where they start;
- no script or style from the network: no require.js, MathJax or widget
  manager (``$`` in text stays ``$``), CSS inlined; checked on every page.

Kernels talk to the build over IPC sockets (not unencrypted TCP) where the
platform has them, with progress bars off and tqdm's "IProgress not found"
warning silenced.
"""
from __future__ import annotations

import argparse
import copy
import html
import os
import re
import shutil
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import nbformat

__all__ = ["execute_notebook", "export_page", "build", "write_index", "describe_corpus",
           "external_resources", "stderr_outputs", "lab_metadata", "set_lab_metadata", "NotebookError"]

REPO = Path(__file__).resolve().parent.parent
_ANSI = re.compile(r"\x1b\[[0-9;]*m")
_HIDDEN_TAGS = {"parameters", "injected-parameters"}
#: A script, stylesheet, image or frame that a browser would fetch from the network.
_EXTERNAL = re.compile(
    r"<(?:script|img|iframe|audio|video|source|embed)\b[^>]*?\bsrc\s*=\s*[\"']?\s*(?:https?:)?//"
    r"|<link\b[^>]*?\bhref\s*=\s*[\"']?\s*(?:https?:)?//"
    r"|@import\s+(?:url\()?\s*[\"']?\s*(?:https?:)?//", re.I)

_TEMPLATE = r"""{%- extends 'index.html.j2' -%}
{%- block html_head_js -%}{%- endblock html_head_js -%}
{%- block jupyter_widgets -%}{%- endblock jupyter_widgets -%}
{%- block html_head_js_mathjax -%}{%- endblock html_head_js_mathjax -%}
{%- block html_head_js_mermaidjs -%}{%- endblock html_head_js_mermaidjs -%}
{#- The project's own code, highlighted by Pygments (which escapes it): not run through bleach,
    which took 40% of an export. -#}
{% block input %}
<div class="jp-CodeMirrorEditor jp-Editor jp-InputArea-editor" data-type="inline">
<div class="cm-editor cm-s-jupyter">
{{ cell.source | highlight_code(metadata=cell.metadata) }}
</div>
</div>
{%- endblock input %}
{%- block html_head_css -%}
<style type="text/css">{{ resources.reader_css }}</style>
{%- endblock html_head_css -%}
{%- block body_header -%}
<body class="jp-Notebook" data-jp-theme-light="true" data-jp-theme-name="JupyterLab Light">
<input type="checkbox" id="wd-show-code" class="wd-toggle">
{{ resources.reader_nav }}
<main>
{%- endblock body_header -%}
"""

_CSS = """
body.jp-Notebook { max-width: 72em; margin: 0 auto; }
.wd-nav { font-family: var(--jp-ui-font-family, sans-serif); font-size: 14px; line-height: 1.6;
  padding: 0.6em 1em; margin: 0 0 0.5em; border-bottom: 1px solid #ddd; background: #fafafa; }
.wd-nav a { color: #0b5cad; }
.wd-nav .wd-csv a { margin-right: 0.6em; white-space: nowrap; }
.wd-toggle { position: absolute; opacity: 0; width: 1px; height: 1px; }
.wd-nav label { cursor: pointer; color: #0b5cad; text-decoration: underline; }
.wd-nav label::after { content: "Show the code"; }
#wd-show-code:checked ~ .wd-nav label::after { content: "Hide the code"; }
#wd-show-code:focus-visible ~ .wd-nav label { outline: 2px solid #0b5cad; }
#wd-show-code:not(:checked) ~ main .jp-CodeCell .jp-Cell-inputWrapper { display: none; }
#wd-show-code:not(:checked) ~ main .jp-CodeCell.jp-mod-noOutputs { display: none; }
main .jp-RenderedHTMLCommon:not(.jp-RenderedMarkdown) td,
main .jp-RenderedHTMLCommon:not(.jp-RenderedMarkdown) th { text-align: left; vertical-align: top; }
main .jp-RenderedHTMLCommon thead th { vertical-align: bottom; }
@media print { .wd-nav label, .wd-toggle { display: none; } }
"""


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


def _kernel_env() -> dict:
    """The environment for a notebook's kernel: the build's, with progress bars and known noise off.

    tqdm reads ``TQDM_DISABLE``; its "IProgress not found" warning (no
    ipywidgets) is filtered by message; the debugger's frozen-modules note is
    turned off.  A user's own ``PYTHONWARNINGS`` is kept.
    """
    env = dict(os.environ)
    env["TQDM_DISABLE"] = "1"
    env["PYDEVD_DISABLE_FILE_VALIDATION"] = "1"
    env["PYTHONWARNINGS"] = ",".join(w for w in (env.get("PYTHONWARNINGS", ""),
                                                 "ignore:IProgress not found") if w)
    env.pop("MPLBACKEND", None)        # the kernel's inline backend, not the caller's (e.g. Agg in CI)
    return env


def _kernel_manager_class(tmp: str):
    """An AsyncKernelManager class whose kernels listen on IPC sockets in ``tmp`` (TCP where IPC is absent).

    A class, not an instance, so nbclient owns the kernel and shuts it down after the run.
    """
    from jupyter_client.manager import AsyncKernelManager

    class IPCKernelManager(AsyncKernelManager):
        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            if os.name == "posix":
                self.transport = "ipc"
                self.ip = os.path.join(tmp, "k")

    return IPCKernelManager


def execute_notebook(path, params: dict | None = None, html_dir=None, timeout: int = 1200, nav: str = ""):
    """Execute one notebook in its own folder and optionally export it to HTML.

    In: the ``.ipynb`` path, parameters to inject (name -> value), a folder for
    the HTML (``None``: no export), and the HTML of the page's navigation bar
    (see :func:`export_page`).  Out: the executed notebook node, outputs as the
    kernel gave them (stderr included); the HTML is written to
    ``html_dir/<stem>.html`` only when every cell ran (an older HTML of the
    notebook is removed first, so a failure never leaves a report that looks
    complete).  Raises :class:`NotebookError` naming the notebook and the
    failing cell.
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

    tmp = tempfile.mkdtemp(prefix="wd-kernel-")
    client = NotebookClient(nb, timeout=timeout, kernel_name="python3",
                            kernel_manager_class=_kernel_manager_class(tmp),
                            resources={"metadata": {"path": str(path.parent)}},
                            on_cell_error=on_error)
    try:
        client.execute(env=_kernel_env())
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
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    if html_path is not None:
        page = export_page(nb, nav=nav or _nav(path.stem, []))
        html_path.parent.mkdir(parents=True, exist_ok=True)
        part = html_path.with_name(html_path.name + ".part")     # written whole, then renamed
        part.write_text(page, encoding="utf-8")
        part.replace(html_path)
    return nb


def stderr_outputs(nb) -> list[tuple[int, str]]:
    """(code cell number, text) of every stderr stream output of an executed notebook.

    Code cells are numbered as in the user's notebook (the injected parameters cell not counted).
    """
    out, n = [], 0
    for c in nb.cells:
        if c.cell_type != "code" or "injected-parameters" in c.get("metadata", {}).get("tags", []):
            continue
        n += 1
        out += [(n, o.get("text", "")) for o in c.get("outputs", [])
                if o.get("output_type") == "stream" and o.get("name") == "stderr"]
    return out


def _title(nb) -> str:
    """The notebook's first Markdown heading, without the ``#`` marks (its file name if none)."""
    for c in nb.cells:
        if c.cell_type == "markdown":
            for ln in c.source.splitlines():
                if ln.lstrip().startswith("#"):
                    return re.sub(r"[*_`]", "", ln.strip().lstrip("#").strip())
    return nb.metadata.get("title", "") or "Untitled notebook"


def external_resources(page: str) -> list[str]:
    """Every script, stylesheet, image or frame in an HTML page that a browser would fetch from the network."""
    return [m.group(0) for m in _EXTERNAL.finditer(page)]


_STDERR_CSS = re.compile(r"\.jp-RenderedText\[data-mime-type='application/vnd\.jupyter\.stderr'\]\s*\{[^}]*\}")


def _image_files(cell, image_dir: Path, prefix: str, counter: list) -> None:
    """Write the cell's PNG outputs to ``image_dir`` and show each through a relative <img> instead.

    A page that embeds every figure in base64 grows by a third of each PNG; beside the page, in the
    ``data/`` folder that already holds its CSVs, the figures are the same files and the page small.
    """
    import base64

    for o in cell.get("outputs", []):
        data = o.get("data", {})
        if o.get("output_type") in ("display_data", "execute_result") and "image/png" in data:
            counter[0] += 1
            name = f"{prefix}-figure-{counter[0]}.png"
            (image_dir / name).write_bytes(base64.b64decode(data["image/png"]))
            o["data"] = {"text/html": f'<img src="data/{html.escape(name, quote=True)}" alt="figure {counter[0]}">'}
            o.get("metadata", {}).pop("image/png", None)


def export_page(nb, nav: str = "", image_dir=None, image_prefix: str = "page") -> str:
    """The reader's HTML page of an executed notebook (the notebook node is not changed).

    Parameters cells and stderr outputs are left out, code is hidden behind
    "Show the code", the page is titled with the first heading and ``nav`` (HTML)
    is put at the top.  With ``image_dir`` (the page's ``data/`` folder) the figures are written
    there as ``<image_prefix>-figure-N.png`` and shown from it, not embedded.  Raises
    ``ValueError`` if the page would fetch anything from the network.
    """
    from jinja2 import DictLoader
    from nbconvert import HTMLExporter

    nb = copy.deepcopy(nb)
    nb.cells = [c for c in nb.cells if not _HIDDEN_TAGS & set(c.get("metadata", {}).get("tags", []))]
    counter = [0]
    for c in nb.cells:
        if c.cell_type == "code":
            c.outputs = [o for o in c.get("outputs", [])
                         if not (o.get("output_type") == "stream" and o.get("name") == "stderr")]
            if image_dir is not None:
                _image_files(c, Path(image_dir), image_prefix, counter)
    nb.metadata["title"] = _title(nb)
    nb.metadata.pop("widgets", None)
    exporter = HTMLExporter(template_name="lab", template_file="reader.html.j2",
                            extra_loaders=[DictLoader({"reader.html.j2": _TEMPLATE})],
                            exclude_input_prompt=True, exclude_output_prompt=True)
    body, _ = exporter.from_notebook_node(nb, resources={"reader_nav": nav, "reader_css": _CSS})
    body = _STDERR_CSS.sub("", body)     # the template's style for stderr blocks: the page has none
    bad = external_resources(body)
    if bad:
        raise ValueError(f"the page of {nb.metadata['title']!r} would fetch from the network: {bad[:3]}")
    return body


def _nav(stem: str, csvs: list[str], corpus: str = "") -> str:
    """The bar at the top of a page: back to the index, the corpus, the CSVs, the code toggle."""
    parts = ['<a href="index.html">&larr; All notebooks</a>']
    if corpus:
        parts.append(f"Corpus: <b>{html.escape(corpus)}</b>")
    if csvs:
        links = "".join(f'<a href="data/{html.escape(n, quote=True)}">{html.escape(n)}</a>' for n in csvs)
        parts.append(f'<span class="wd-csv">The numbers as CSV: {links}</span>')
    parts.append('<label for="wd-show-code"></label>')
    return '<nav class="wd-nav">' + " &middot; ".join(parts) + "</nav>"


def _summary(path: Path) -> tuple[str, str]:
    """Title and the first sentence of the bottom line of a notebook (its first markdown cell)."""
    nb = nbformat.read(path, as_version=4)
    md = next((c.source for c in nb.cells if c.cell_type == "markdown"), "")
    lines = [ln.strip() for ln in md.splitlines() if ln.strip()]
    title = lines[0].lstrip("# ").strip() if lines else path.stem
    rest = " ".join(ln for ln in lines[1:4])
    rest = re.sub(r"^\*\*Bottom line\.\*\*\s*", "", rest)
    first = re.match(r"(.+?[.!?])(\s|$)", rest)
    return title, (first.group(1) if first else rest)


def _inline_md(text: str) -> str:
    """Escape text for HTML, rendering Markdown's **bold** and `code`."""
    text = html.escape(text)
    text = re.sub(r"\*\*(.+?)\*\*", r"<b>\1</b>", text)
    return re.sub(r"`(.+?)`", r"<code>\1</code>", text)


def _plural(n: int, word: str, many: str | None = None) -> str:
    return f"{n:,} {word if n == 1 else (many or word + 's')}"


def describe_corpus(articles, corpus) -> str:
    """One sentence on the corpus, computed from the articles: stories, files, outlets, dates, where from.

    In: the articles table (``None``: only the corpus is named) and the corpus
    path.  Out: plain text, e.g. "203 stories from 49 outlets, published
    2019-10-07 to 2020-01-30 (3 undated), read from the JSON Lines table
    withdrawals-news-dev.jsonl."
    """
    path = Path(str(corpus))
    if path.is_dir():
        txt = len(list(path.glob("*.txt")))
        meta = " with metadata.csv" if (path / "metadata.csv").exists() else ""
        where = f"the folder {path.name}/ ({_plural(txt, '.txt file')}{meta})"
    else:
        kind = {".csv": "CSV table", ".jsonl": "JSON Lines table", ".ndjson": "JSON Lines table",
                ".json": "JSON table", ".parquet": "Parquet table", ".pq": "Parquet table",
                ".txt": "text file"}.get(path.suffix.lower(), "file")
        where = f"the {kind} {path.name}"
    if articles is None:
        return f"Read from {where}."
    n = len(articles)
    outlets = articles["outlet"].fillna("").astype(str).str.strip()
    n_out = outlets[outlets != ""].nunique()
    unknown = int((outlets == "").sum())
    text = f"{_plural(n, 'story', 'stories')} from {_plural(n_out, 'outlet')}"
    if unknown:
        text += f" ({unknown:,} with no outlet)"
    dates = articles["published"].dropna() if "published" in articles else []
    if len(dates):
        lo, hi = dates.min().date(), dates.max().date()
        text += f", published {lo}" + (f" to {hi}" if hi != lo else "")
        if len(dates) < n:
            text += f" ({n - len(dates):,} undated)"
    elif n:
        text += ", none dated"
    return text + f", read from {where}."


def write_index(notebooks, html_dir, corpus: str, failed: dict | None = None, articles=None) -> Path:
    """Write ``html_dir/index.html`` linking each exported notebook with its title and bottom line.

    ``failed`` maps a notebook path to its error; such a notebook is listed
    as failed, with the error, and not linked.  ``articles``: the corpus the
    pages read, described in a sentence computed from it (:func:`describe_corpus`).
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
    name = Path(str(corpus)).name or str(corpus)
    data = html_dir / "data"
    csvs = sorted(p.name for p in data.glob("*.csv")) if data.is_dir() else []
    files = ("<p>Each page links the CSV files of the numbers behind its figures and tables; all "
             f"{_plural(len(csvs), 'file')} are in the <code>data/</code> folder beside this page.</p>"
             if csvs else "")
    page = ("<!doctype html><html lang='en'><head><meta charset='utf-8'>"
            "<meta name='viewport' content='width=device-width, initial-scale=1'>"
            f"<title>US troop withdrawals in the news: {html.escape(name)}</title>"
            "<style>body{font-family:sans-serif;max-width:50em;margin:2em auto;padding:0 1em;line-height:1.5}"
            "li{margin-bottom:1em}</style></head><body>"
            "<h1>How news outlets reported the US troop withdrawals</h1>"
            f"<p><b>Corpus.</b> {html.escape(describe_corpus(articles, corpus))}</p>"
            "<p>Four notebooks, each a short essay: the bottom line first, then how, then how sure we are. "
            "Each page hides its code until you tick “Show the code”.</p><ol>" + "".join(items)
            + "</ol>" + files + "</body></html>\n")
    out = html_dir / "index.html"
    html_dir.mkdir(parents=True, exist_ok=True)
    out.write_text(page, encoding="utf-8")
    return out


def _relative(path, start: Path) -> str:
    """``path`` relative to ``start`` (the notebook's folder) when possible, so pages show no home folders."""
    path = Path(path).resolve()
    try:
        return os.path.relpath(path, start.resolve())
    except ValueError:          # another drive (Windows)
        return str(path)


def _written_csvs(figures: Path, stem: str, since: float) -> list[Path]:
    """The CSVs a notebook wrote in this run: ``<its number>-*.csv`` in the figures folder, new since ``since``."""
    prefix = stem.split("-")[0] + "-"
    return sorted(p for p in Path(figures).glob(f"{prefix}*.csv") if p.stat().st_mtime >= since - 1)


def build(notebooks, corpus, figures, cache, html_dir, changed=(), jobs: int = 2,
          executed=None) -> list[Path]:
    """Run the notebooks that need it and write the index.

    In: all notebooks (in order), the corpus path, figure / cache / HTML
    folders, the prerequisites Make found newer than the last build
    (``changed``; empty = rebuild everything), how many kernels to run at
    once, and a folder for the executed notebooks (``None``: not kept).
    A changed code or corpus file reruns every notebook; a changed
    notebook reruns itself; a missing HTML file reruns its notebook.
    The cleaned articles and the analysis are computed once, into ``cache``,
    before any notebook runs.  Out: the notebooks that were executed.  Every
    notebook runs even when one fails; then :class:`NotebookError` is raised
    naming each failed notebook and cell, their HTML is absent and the index
    marks them failed.
    """
    notebooks = [Path(n) for n in notebooks]
    changed = [Path(c) for c in changed]
    html_dir = Path(html_dir)
    everything = not changed or any(c.suffix != ".ipynb" for c in changed)
    todo = [n for n in notebooks
            if everything or n in changed or not (html_dir / f"{n.stem}.html").exists()]
    if not sys.stderr.isatty() and "tqdm" not in sys.modules:
        os.environ.setdefault("TQDM_DISABLE", "1")   # no progress-bar frames in a log (tqdm reads it on import)
    sys.path.insert(0, str(REPO))
    import utils

    here = notebooks[0].parent if notebooks else REPO / "notebooks"
    # a corpus name load_articles finds itself ("seeds" from another folder) is passed as given
    params = {"CORPUS": _relative(corpus, here) if Path(corpus).exists() else str(corpus), "FIGURES": _relative(figures, here),
              "CACHE": _relative(cache, here)}
    t0 = time.perf_counter()
    # Clean and analyse once, so notebooks running side by side read both from the cache.
    corpus_path = Path(corpus).resolve() if Path(corpus).exists() else corpus
    articles = utils.load_articles_cached(corpus_path, Path(cache).resolve())
    if todo and hasattr(utils, "analyze_cached"):
        utils.analyze_cached(articles, Path(cache).resolve(), workers=max(1, jobs))
    if todo:
        print(f"articles and analysis ready in {time.perf_counter() - t0:.1f} s", flush=True)

    failed: dict[Path, str] = {}
    name = Path(str(corpus)).name

    def run(nb: Path) -> Path | None:
        t = time.perf_counter()
        start = time.time()
        try:
            done = execute_notebook(nb, params, None)
        except NotebookError as exc:
            (html_dir / f"{nb.stem}.html").unlink(missing_ok=True)
            failed[nb] = str(exc)
            print(f"  {nb.name}: FAILED after {time.perf_counter() - t:.1f} s", flush=True)
            return None
        t_run = time.perf_counter() - t
        csvs = _written_csvs(figures, nb.stem, start)
        (html_dir / "data").mkdir(parents=True, exist_ok=True)
        for p in csvs:
            shutil.copyfile(p, html_dir / "data" / p.name)
        page = export_page(done, nav=_nav(nb.stem, [p.name for p in csvs], name),
                           image_dir=html_dir / "data", image_prefix=nb.stem)
        part = html_dir / f"{nb.stem}.html.part"
        part.write_text(page, encoding="utf-8")
        part.replace(html_dir / f"{nb.stem}.html")
        if executed is not None:
            Path(executed).mkdir(parents=True, exist_ok=True)
            nbformat.write(done, Path(executed) / nb.name)
        for n, text in stderr_outputs(done):
            first = next((ln for ln in text.splitlines() if ln.strip()), "")[:160]
            print(f"  {nb.name}: code cell {n} wrote to stderr (left out of the page): {first}", flush=True)
        print(f"  {nb.name}: executed and exported in {time.perf_counter() - t:.1f} s "
              f"(run {t_run:.1f} s; page {(html_dir / f'{nb.stem}.html').stat().st_size / 1e6:.1f} MB)",
              flush=True)
        return nb

    html_dir.mkdir(parents=True, exist_ok=True)
    for nb in todo:
        (html_dir / f"{nb.stem}.html").unlink(missing_ok=True)
    with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
        done = [nb for nb in pool.map(run, todo) if nb is not None]
    write_index(notebooks, html_dir, str(corpus), failed, articles)
    if failed:
        raise NotebookError("\n\n".join(failed[nb] for nb in notebooks if nb in failed))
    return done


def lab_metadata() -> dict:
    """The notebook metadata JupyterLab writes with the installed kernel: ``kernelspec`` and ``language_info``.

    A committed notebook whose metadata differ is marked unsaved as soon as
    Lab opens it (Lab writes the kernel's values in on connecting).
    """
    from ipykernel.ipkernel import IPythonKernel
    from jupyter_client.kernelspec import KernelSpecManager

    spec = KernelSpecManager().get_kernel_spec("python3")
    info = dict(IPythonKernel.language_info)
    return {"kernelspec": {"display_name": spec.display_name, "language": spec.language, "name": "python3"},
            "language_info": {k: info[k] for k in sorted(info)}}


def set_lab_metadata(paths) -> list[Path]:
    """Give each notebook :func:`lab_metadata` (and nbformat 4.5), touching nothing else in the file.

    The JSON is edited in place, key order and layout kept (nbformat's one-space
    indent), so cells written by others are left byte for byte.  Out: the files changed.
    """
    import json

    meta, changed = lab_metadata(), []
    for path in map(Path, paths):
        text = path.read_text(encoding="utf-8")
        nb = json.loads(text)
        nb.setdefault("metadata", {}).update(meta)
        nb["nbformat"], nb["nbformat_minor"] = 4, 5
        new = json.dumps(nb, indent=1, ensure_ascii=False) + "\n"
        if new != text:
            path.write_text(new, encoding="utf-8")
            changed.append(path)
    return changed


def main(argv=None) -> int:
    """Command line: ``python -m withdrawals.build --corpus C --figures F --cache D --html H nb...``."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("notebooks", nargs="+")
    ap.add_argument("--corpus", default=str(REPO / "seeds"))
    ap.add_argument("--figures", default=str(REPO / "figures"))
    ap.add_argument("--cache", default=str(REPO / "build" / "cache" / "seeds"))
    ap.add_argument("--html", default=str(REPO / "build" / "seeds" / "html"))
    ap.add_argument("--executed", default=None, help="folder for the executed notebooks (with outputs)")
    ap.add_argument("--changed", default="", help="prerequisites newer than the last build ($? in Make)")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--lab-metadata", action="store_true",
                    help="only give the notebooks the kernel metadata JupyterLab writes, and exit")
    args = ap.parse_args(argv)
    if args.lab_metadata:
        for p in set_lab_metadata(args.notebooks):
            print(f"metadata set: {p}")
        return 0
    t0 = time.perf_counter()
    try:
        done = build(args.notebooks, args.corpus, args.figures, args.cache, args.html,
                     args.changed.split(), args.jobs, args.executed)
    except NotebookError as exc:
        print(f"BUILD FAILED: {exc}", file=sys.stderr)
        return 1
    print(f"{len(done)} notebook(s) executed in {time.perf_counter() - t0:.1f} s; "
          f"HTML in {args.html}/index.html")
    return 0


if __name__ == "__main__":
    sys.exit(main())
