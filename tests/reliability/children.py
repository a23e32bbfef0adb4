"""Child processes for the fault-injection tests, each running one worker step on a real
ledger. They are forked from the test process (the imports are already done, so a child
starts in milliseconds rather than seconds), and can be killed with SIGKILL like any
other process."""

from __future__ import annotations

import multiprocessing
import os
import signal
import sys
import traceback

import worker

_FORK = multiprocessing.get_context("fork")


def _run(step: str, url: str, inputs: tuple[str, ...]) -> None:
    try:
        code = worker.main(step, url, list(inputs))
    except BaseException:
        traceback.print_exc()
        sys.stderr.flush()
        os._exit(70)
    sys.stdout.flush()
    os._exit(code)


class Child:
    """A forked worker: ``poll()`` is None while it runs; ``kill()`` sends SIGKILL."""

    def __init__(self, step: str, url: str, inputs: tuple[str, ...]) -> None:
        self.process = _FORK.Process(target=_run, args=(step, url, inputs), daemon=False)
        self.process.start()

    def poll(self) -> int | None:
        return self.process.exitcode

    def kill(self) -> None:
        if self.process.pid is not None and self.process.exitcode is None:
            os.kill(self.process.pid, signal.SIGKILL)


def start(step: str, url: str, *inputs: str) -> Child:
    """The worker running ``step`` on the ledger at ``url`` in a forked child."""
    return Child(step, url, inputs)


def finish(child: Child, timeout: float = 600) -> tuple[int, str]:
    """Wait for the child; (exit code, a note when it did not end by itself)."""
    child.process.join(timeout)
    if child.process.exitcode is None:
        child.kill()
        child.process.join()
        return -9, f"still running after {timeout} s"
    code = child.process.exitcode
    return code, "" if code == 0 else f"exit {code} (traceback on stderr)"
