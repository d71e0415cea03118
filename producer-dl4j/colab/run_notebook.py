"""Executes ca4_producer.ipynb top to bottom with nbclient, as Colab's "Run all" would (make test-notebook runs it in
CPU mode against make run's pipeline). Prints every cell's output; exits 1 at the first failing cell.

usage: run_notebook.py NOTEBOOK EXECUTED_COPY
"""
import sys

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError


def execute(notebook, allow_errors=False):
    """The executed notebook; with allow_errors every cell runs, as a user running them one by one would."""
    nb = nbformat.read(notebook, as_version=4)
    try:
        NotebookClient(nb, timeout=1800, kernel_name="python3", allow_errors=allow_errors).execute()
    except CellExecutionError as e:
        e.notebook = nb
        raise
    return nb


def cell_texts(nb):
    """Each code cell's id -> its output as text (streams, tracebacks, plain results)."""
    texts = {}
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        parts = []
        for out in cell.get("outputs", []):
            if out.output_type == "stream":
                parts.append(out.text)
            elif out.output_type == "error":
                parts.append("\n".join(out.traceback))
            elif "text/plain" in out.get("data", {}):
                parts.append(out.data["text/plain"] + "\n")
        texts[cell.id] = "".join(parts)
    return texts


def main():
    source, executed = sys.argv[1], sys.argv[2]
    try:
        nb = execute(source)
        status = 0
    except CellExecutionError as e:
        nb = e.notebook
        print(f"notebook failed: {str(e).splitlines()[-1] if str(e) else e}", file=sys.stderr)
        status = 1
    nbformat.write(nb, executed)
    for cell_id, text in cell_texts(nb).items():
        if text:
            print(f"--- cell {cell_id}")
            print(text, end="")
    return status


if __name__ == "__main__":
    sys.exit(main())
