"""The Nu HTML checker (vnu.jar) over many files in one run, so that Java
starts once: its errors, grouped by file.

The checker passes over a file it cannot read without a word, so it runs
with `--verbose`, which names each file it checked on stderr, and a file
it did not name is an error of the run, not a clean page.
"""

import json
import pathlib
import subprocess
import urllib.parse

# One Java start for some 160 pages took 4 s on 2 shared cores.
CHECK_LIMIT = 300


class CheckerError(Exception):
    """The checker did not run, or its report cannot be trusted."""


def check(jar, files):
    """Checks `files` (paths) and returns {path: [error, ...]} for those with
    errors, each error as "line N: message"."""
    jar = pathlib.Path(jar)
    if not jar.is_file():
        raise CheckerError(f"{jar} is missing: run `make browser-deps`")
    files = [pathlib.Path(file).resolve() for file in files]
    command = ["java", "-jar", str(jar), "--errors-only", "--verbose", "--format", "json",
               "--stdout"] + [str(file) for file in files]
    result = subprocess.run(command, capture_output=True, text=True, timeout=CHECK_LIMIT)
    if result.returncode not in (0, 1):
        raise CheckerError(f"vnu.jar exited with {result.returncode}: {result.stderr[-2000:]}")
    try:
        report = json.loads(result.stdout)
    except ValueError:
        raise CheckerError(f"vnu.jar's report is not JSON: {result.stdout[:2000]}") from None

    named = {pathlib.Path(line.strip()) for line in result.stderr.splitlines()}
    unchecked = [str(file) for file in files if file not in named]
    if unchecked:
        raise CheckerError(f"vnu.jar did not check {len(unchecked)} files: {unchecked[:5]}")
    errors = {}
    for message in report["messages"]:
        if message.get("type") != "error" or "url" not in message:
            raise CheckerError(f"vnu.jar could not check a file: {message}")
        path = pathlib.Path(urllib.parse.unquote(urllib.parse.urlparse(message["url"]).path))
        line = message.get("lastLine", "?")
        errors.setdefault(path, []).append(f"line {line}: {message['message']}")
    if (result.returncode == 1) != bool(errors):
        raise CheckerError(f"vnu.jar exited with {result.returncode} but reported {errors}")
    return errors
