"""Engines: map `analyze_record` over records, yielding results in input order (in this
process, or a pool of worker processes that each load the resources once)."""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
from collections.abc import Iterable, Iterator
from typing import Protocol

from newsbook.corpus.records import Record, Result, analyze_record, worker_resources
from newsbook.errors import InputError


class Executor(Protocol):
    """Maps `analyze_record` over records, yielding results in input order."""

    def map(self, records: Iterable[Record]) -> Iterator[Result]: ...

    def close(self) -> None: ...


class InProcessExecutor:
    """One process: the records are analysed here, one after another."""

    def __init__(self) -> None:
        self.resources = worker_resources()

    def map(self, records: Iterable[Record]) -> Iterator[Result]:
        for record in records:
            yield analyze_record(record, self.resources)

    def close(self) -> None:
        pass


def _init_worker() -> None:
    # Ctrl-C reaches the whole process group: the parent stops the pool and cleans up,
    # the workers must not each print a KeyboardInterrupt traceback.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    worker_resources()


class ProcessPoolExecutor:
    """N worker processes, each with its own Resources; `imap` keeps input order. At most
    `in_flight` records are read ahead of the results taken, so a large input is never
    held in memory (Pool.imap alone would read all of it into its task queue)."""

    def __init__(self, workers: int, *, chunksize: int = 4) -> None:
        # Fork before any reader or writer starts threads. Forked workers inherit the
        # parent's Resources and schema (loaded once); under spawn the initializer loads them.
        context = multiprocessing.get_context("fork" if os.name == "posix" else "spawn")
        self.pool = context.Pool(workers, initializer=_init_worker)
        self.chunksize = chunksize
        self.in_flight = workers * chunksize * 4
        self.stopped = threading.Event()
        self.closed = False

    def map(self, records: Iterable[Record]) -> Iterator[Result]:
        window = threading.Semaphore(self.in_flight)

        def feed() -> Iterator[Record]:
            for record in records:
                while not window.acquire(timeout=0.1):
                    if self.stopped.is_set():
                        return
                yield record

        for result in self.pool.imap(analyze_record, feed(), chunksize=self.chunksize):
            window.release()
            yield result

    def close(self) -> None:
        if not self.closed:
            self.closed = True
            self.stopped.set()
            self.pool.terminate()
            self.pool.join()


def make_executor(workers: int) -> Executor:
    if workers < 1:
        raise InputError(f"--workers must be 1 or more, not {workers}")
    return InProcessExecutor() if workers == 1 else ProcessPoolExecutor(workers)
