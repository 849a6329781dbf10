"""The real `ausweg` binary as a test child: started with `--Key value`
settings, waited for until it prints its listeners, stopped by PID."""

import re
import subprocess

from process import Process, wait_until

STARTUP_TIMEOUT = 60


class Ausweg:
    def __init__(self, binary, name, directory, settings):
        self.binary = binary
        arguments = [binary, "serve"] + flatten(settings)
        self.process = Process(arguments, binary, f"{directory}/{name}.log")

    def wait_for_listeners(self, count):
        """The `ausweg: <kind> on <address>` lines, once all are printed."""
        def listeners():
            if not self.process.running():
                raise RuntimeError("ausweg exited: " + self.process.output())
            found = re.findall(r"^ausweg: (https|http redirect|onion) on (\S+)$",
                               self.process.output(), re.M)
            return dict(found) if len(found) >= count else None
        return wait_until("ausweg's start-up", STARTUP_TIMEOUT, listeners)

    def stop(self):
        return self.process.stop()


def check_config(binary, settings):
    """`ausweg check-config`: its exit status and what it printed."""
    result = subprocess.run(
        [binary, "check-config"] + flatten(settings), capture_output=True, text=True,
        timeout=STARTUP_TIMEOUT)
    return result.returncode, result.stdout + result.stderr


def flatten(settings):
    return [part for key, value in settings.items() for part in ("--" + key, value)]
