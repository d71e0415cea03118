"""The notebook's failure paths, run like run_notebook.py (CPU mode, make run's pipeline) with one thing wrong each
time: the failing step stops with one sentence naming what is wrong, the later steps say which step to fix instead
of failing again, and the producer never runs. Exits 1 when a case does not behave so.

usage: check_notebook_failures.py NOTEBOOK WORK_DIR   (env as for run_notebook.py, with a valid CA4_API_KEY)
"""
import os
import pathlib
import sys

from run_notebook import cell_texts, execute


def run(notebook, env):
    saved = dict(os.environ)
    os.environ.update(env)
    try:
        return cell_texts(execute(notebook, allow_errors=True))
    finally:
        os.environ.clear()
        os.environ.update(saved)


def check(name, text, failing_cell, sentence, failed_step):
    problems = []
    if sentence not in text[failing_cell]:
        problems.append(f"cell {failing_cell} does not say {sentence!r}: {text[failing_cell]!r}")
    if "Traceback" in text[failing_cell]:
        problems.append(f"cell {failing_cell} shows a traceback instead of one sentence")
    skipped = f'step "{failed_step}" failed above'
    if skipped not in text["run"]:
        problems.append(f"the run cell does not say {skipped!r}: {text['run']!r}")
    if "ca4-producer:" in text["run"]:
        problems.append("the producer ran after a failed step")
    print(f"{name}: {'ok' if not problems else 'FAILED'}")
    for p in problems:
        print("  " + p)
    return not problems


def main():
    notebook, work = sys.argv[1], pathlib.Path(sys.argv[2])
    empty = work / "no-images"
    empty.mkdir(parents=True, exist_ok=True)
    url = os.environ["CA4_API_URL"]
    cases = [
        ("a wrong API key", {"CA4_API_KEY": "not-a-key"}, "api",
         f"FAILED: the processor at {url} refused the API key (401)", "processor URL and API key"),
        ("no processor", {"CA4_API_URL": "http://127.0.0.1:9"}, "api",
         "FAILED: cannot reach http://127.0.0.1:9", "processor URL and API key"),
        ("no images", {"CA4_IMAGES": str(empty)}, "images", f"FAILED: no images in {empty}", "images"),
    ]
    ok = all([check(name, run(notebook, env), cell, sentence, step) for name, env, cell, sentence, step in cases])
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
