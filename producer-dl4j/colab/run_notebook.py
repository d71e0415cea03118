"""Executes ca4_producer.ipynb top to bottom with nbclient, as Colab's "Run all" would (make test-notebook runs it in
CPU mode against make run's pipeline). Prints every cell's output; exits 1 at the first failing cell.

usage: run_notebook.py NOTEBOOK EXECUTED_COPY
"""
import sys

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError


def outputs(nb):
    for cell in nb.cells:
        if cell.cell_type != "code" or not cell.get("outputs"):
            continue
        print(f"--- cell {cell.get('id')}")
        for out in cell.outputs:
            if out.output_type == "stream":
                print(out.text, end="")
            elif out.output_type == "error":
                print("\n".join(out.traceback))
            elif "text/plain" in out.get("data", {}):
                print(out.data["text/plain"])


def main():
    source, executed = sys.argv[1], sys.argv[2]
    nb = nbformat.read(source, as_version=4)
    client = NotebookClient(nb, timeout=1800, kernel_name="python3")
    try:
        client.execute()
        return 0
    except CellExecutionError as e:
        print(f"notebook failed: {str(e).splitlines()[-1] if str(e) else e}", file=sys.stderr)
        return 1
    finally:
        nbformat.write(nb, executed)
        outputs(nb)


if __name__ == "__main__":
    sys.exit(main())
