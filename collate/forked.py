"""Rendering beside the main process: a long work's page is made in a forked child while the JSON and TEI are.

A fork shares this process's memory as it was (nothing is copied or pickled on the way in);
only the rendered bytes come back, through a pipe. Where there is no fork, or when the child
fails, the rendering is done here (so a failure raises its own error here).
"""

from __future__ import annotations

import os
from collections.abc import Callable


def started(render: Callable[[], bytes], fork: bool = True) -> Callable[[], bytes]:
    """Return a function giving render()'s bytes; render begins at once, in a forked child when `fork`."""
    if not fork or not hasattr(os, "fork"):
        content = render()
        return lambda: content
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(read)
        in_child(render, write)
    os.close(write)

    def result() -> bytes:
        with os.fdopen(read, "rb") as pipe:
            content = pipe.read()
        _, status = os.waitpid(pid, 0)
        return content if status == 0 else render()
    return result


def in_child(render: Callable[[], bytes], write: int) -> None:
    """Write render()'s bytes to the pipe and end the child, without the parent's clean-ups."""
    code = 1
    try:
        with os.fdopen(write, "wb") as pipe:
            pipe.write(render())
        code = 0
    finally:
        os._exit(code)
