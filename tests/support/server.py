"""A real ``presidio-gliner2 serve`` process on a loopback port, configured only through the
environment (the Docker image runs the same command). ``tests/conftest.py``'s ``server`` fixture
starts one per session; the REST, load, schema and playground tests all talk to it.

The server runs with LOG_LEVEL=DEBUG so the log checks cover the most talkative setting.
"""

from __future__ import annotations

import atexit
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Optional

import httpx

MAX_BODY_BYTES = 200_000


class ServerProcess:
    """``presidio-gliner2 serve`` with env settings only (the image runs the same command)."""

    def __init__(self, model: Optional[str]):
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log_path = Path(tempfile.mkdtemp(prefix="presidio-gliner2-server-")) / "server.log"
        env = dict(os.environ, HOST="127.0.0.1", PORT=str(self.port), LOG_LEVEL="DEBUG",
                   MAX_BODY_BYTES=str(MAX_BODY_BYTES), REQUEST_TIMEOUT_S="120",
                   HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1", OMP_NUM_THREADS="1")
        if model:
            env["PRESIDIO_GLINER2_MODEL"] = model
        command = shutil.which("presidio-gliner2", path=str(Path(sys.executable).parent)) or "presidio-gliner2"
        self._log = open(self.log_path, "wb")
        self.process = subprocess.Popen([command, "serve"], env=env, stdout=self._log, stderr=subprocess.STDOUT,
                                        preexec_fn=_die_with_parent)
        atexit.register(self.stop)
        self._wait_healthy(timeout_s=300)

    def _wait_healthy(self, timeout_s: float) -> None:
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"server exited with {self.process.returncode}:\n{self.log()[-3000:]}")
            try:
                if httpx.get(self.url + "/health", timeout=2).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.25)
        self.stop()
        raise RuntimeError(f"server not healthy after {timeout_s} s:\n{self.log()[-3000:]}")

    def log(self) -> str:
        self._log.flush()
        return self.log_path.read_text(errors="replace")

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
        self._log.close()


def _die_with_parent() -> None:
    """Linux: the server gets SIGTERM when pytest dies, even if killed before atexit runs."""
    try:
        import ctypes

        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except OSError:
        pass


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]
