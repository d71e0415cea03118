"""Runs the Colab notebook's native fetcher (cell "jar": its definitions, before the step) against a local HTTP
server standing in for Maven Central (none is reachable from every test machine, and the real files are 2.4 GB):
a file is fetched and its SHA-1 checked, found cached the second time, and refused (nothing left behind) when
its SHA-1 differs. Prints "ok" or raises.

usage: run_fetch_cell.py NOTEBOOK WORK_DIR
"""
import hashlib
import http.server
import pathlib
import sys
import threading
import urllib.request
from functools import partial

sys.path.insert(0, str(pathlib.Path(__file__).parent))
import notebook_cells  # noqa: E402


def main():
    notebook, work = sys.argv[1], pathlib.Path(sys.argv[2])
    served = work / "central" / "org" / "example" / "1.0"
    served.mkdir(parents=True)
    payload = bytes(range(256)) * 40000  # 10 MB: several progress blocks
    (served / "native-1.0.jar").write_bytes(payload)
    good = hashlib.sha1(payload).hexdigest()

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    handler = partial(Quiet, directory=str(work / "central"))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()

    class StepFailed(Exception):
        pass

    namespace = {"pathlib": pathlib, "urllib": urllib, "StepFailed": StepFailed}
    exec(notebook_cells.definitions(notebook, "jar"), namespace)
    namespace["MAVEN_CENTRAL"] = f"http://127.0.0.1:{server.server_port}/"
    fetch = namespace["fetch_native"]
    folder = work / "natives"
    folder.mkdir()

    fetch("org/example/1.0/native-1.0.jar", good, folder)
    assert (folder / "native-1.0.jar").read_bytes() == payload, "fetched bytes differ"
    mtime = (folder / "native-1.0.jar").stat().st_mtime_ns
    fetch("org/example/1.0/native-1.0.jar", good, folder)
    assert (folder / "native-1.0.jar").stat().st_mtime_ns == mtime, "a cached file was fetched again"

    (folder / "native-1.0.jar").unlink()
    try:
        fetch("org/example/1.0/native-1.0.jar", "0" * 40, folder)
        raise AssertionError("a file failing its SHA-1 was accepted")
    except StepFailed as e:
        assert "fails its SHA-1 check" in str(e), e
    assert not any(folder.iterdir()), f"left behind: {list(folder.iterdir())}"
    server.shutdown()
    print("ok")


if __name__ == "__main__":
    main()
