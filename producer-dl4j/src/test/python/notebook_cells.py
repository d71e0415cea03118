"""The definitions of one cell of the Colab notebook (its code before the cell's @step body), for the tests that
run them here on stand-ins."""
import json


def definitions(notebook, cell_id):
    cells = json.load(open(notebook))["cells"]
    source = "".join(next(c for c in cells if c["id"] == cell_id)["source"])
    return source.split("\n@step(")[0]
