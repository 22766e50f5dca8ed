"""Running the gateway under uvicorn: bound by us, served in the foreground or in a thread.

The socket is bound before uvicorn starts so that "address in use" is reported as one clear
line, and so that tests can bind port 0 and learn the port before the first request.
"""
from __future__ import annotations

import signal
import socket
import threading
import time
from typing import TYPE_CHECKING, Any, Self

if TYPE_CHECKING:  # uvicorn is imported only when serving: `mvc run` must start fast
    import uvicorn

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 7071


DEFAULT_MAX_BODY = 1024 * 1024  # request bodies above this get 413


class ServeError(Exception):
    pass


def bind(host: str, port: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError as e:
        sock.close()
        reason = e.strerror or str(e)
        raise ServeError(f"cannot listen on {host}:{port}: {reason.lower()}"
                         + (" (use --port)" if e.errno == 98 else "")) from None
    sock.listen(2048)
    sock.set_inheritable(True)
    return sock


def bound_port(sock: socket.socket) -> int:
    return int(sock.getsockname()[1])


def _config(app: Any) -> uvicorn.Config:
    import uvicorn

    # Access logs are the gateway's own (into the environment's log); uvicorn's would duplicate.
    return uvicorn.Config(app, log_level="warning", access_log=False, lifespan="off",
                          server_header=False, timeout_graceful_shutdown=5)


def _interrupt(signum: int, frame: Any) -> None:
    raise KeyboardInterrupt()


def serve(app: Any, sock: socket.socket) -> None:
    """Serves until Ctrl-C or SIGTERM, then returns normally.

    uvicorn catches both signals to shut down gracefully, then raises the signal again once it
    is done; with SIGTERM treated like Ctrl-C here, both end as a KeyboardInterrupt that is
    swallowed, so the caller's clean-up runs in either case.
    """
    import uvicorn

    previous = signal.signal(signal.SIGTERM, _interrupt)
    try:
        uvicorn.Server(_config(app)).run(sockets=[sock])
    except KeyboardInterrupt:
        pass
    finally:
        signal.signal(signal.SIGTERM, previous)


class ServerThread:
    """The gateway served from a background thread (tests, benchmarks)."""

    def __init__(self, app: Any, sock: socket.socket) -> None:
        import uvicorn

        self.server = uvicorn.Server(_config(app))
        self.sock = sock
        self.port = bound_port(sock)
        self._thread = threading.Thread(target=self.server.run, kwargs={"sockets": [sock]},
                                        name="mvc-gateway", daemon=True)

    def start(self, timeout: float = 10.0) -> Self:
        self._thread.start()
        deadline = time.monotonic() + timeout
        while not self.server.started:
            if not self._thread.is_alive() or time.monotonic() > deadline:
                raise ServeError("the server did not start")
            time.sleep(0.01)
        return self

    def stop(self, timeout: float = 10.0) -> None:
        self.server.should_exit = True
        self._thread.join(timeout)
        self.sock.close()

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
