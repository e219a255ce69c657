"""Engines: run `analyze_partition` over partitions, here (one process), on a pool of
worker processes on this machine, or on a Dask cluster (a LocalCluster, or an existing
one at `--scheduler`). Each yields the summaries of the partitions it finished, in the
order they finish: every partition writes its own part, and the parts are merged in
input order afterwards, so the order of work never shows in the output."""

from __future__ import annotations

import concurrent.futures
import logging
import multiprocessing
import os
import signal
import uuid
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Protocol

from newsbook.corpus.partitions import Partition, PartSummary, analyze_partition
from newsbook.corpus.records import worker_resources
from newsbook.errors import InputError
from newsbook.pipeline import language

ENGINES = ("local", "dask")
IN_FLIGHT_PER_WORKER = 2  # partitions handed to a worker ahead of its results
LOCAL_CLUSTER_CONFIG = {"distributed.worker.profile.enabled": False, "logging.distributed": "error"}


class WorkerLost(InputError):
    """A worker process died mid-partition (killed, out of memory): the run stops and
    keeps what it finished."""


class Engine(Protocol):
    slots: int  # partitions analysed at the same time

    def run(
        self, partitions: Iterable[Partition], parts: Path, progress: Callable[[int], None]
    ) -> Iterator[PartSummary]: ...

    def close(self) -> None: ...


def load_model() -> None:
    """Resources and the spaCy model, loaded once in this process (forked workers
    inherit them)."""
    language(worker_resources())


class InProcess:
    """One process: partitions analysed here, one after another, progress per record."""

    slots = 1

    def __init__(self) -> None:
        load_model()

    def run(
        self, partitions: Iterable[Partition], parts: Path, progress: Callable[[int], None]
    ) -> Iterator[PartSummary]:
        for partition in partitions:
            yield analyze_partition(partition, parts, progress=progress)

    def close(self) -> None:
        pass


def _ignore_interrupt() -> None:
    # Ctrl-C reaches the whole process group: the parent stops the workers and keeps the
    # finished parts; the workers must not each print a KeyboardInterrupt traceback.
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _ready() -> int:
    return os.getpid()


class ProcessPool:
    """N worker processes on this machine. Forked after the model is loaded, so each
    starts with it; a worker that dies stops the run (`WorkerLost`)."""

    def __init__(self, workers: int) -> None:
        load_model()
        method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
        self.slots = workers
        self.pool = concurrent.futures.ProcessPoolExecutor(
            workers, mp_context=multiprocessing.get_context(method), initializer=_ignore_interrupt
        )
        # Start the workers now, before this process reads the input with pyarrow's
        # threads (a process forked while other threads hold locks can hang).
        self.pool.submit(_ready).result()

    def run(
        self, partitions: Iterable[Partition], parts: Path, progress: Callable[[int], None]
    ) -> Iterator[PartSummary]:
        waiting = iter(partitions)
        running: dict[concurrent.futures.Future, Partition] = {}

        def submit() -> None:
            partition = next(waiting, None)
            if partition is not None:
                running[self.pool.submit(analyze_partition, partition, parts)] = partition

        try:
            for _ in range(self.slots * IN_FLIGHT_PER_WORKER):
                submit()
            while running:
                finished, _ = concurrent.futures.wait(
                    running, return_when=concurrent.futures.FIRST_COMPLETED
                )
                for future in finished:
                    del running[future]
                    summary = future.result()
                    progress(summary.n_records)
                    yield summary
                    submit()
        except concurrent.futures.process.BrokenProcessPool:
            raise WorkerLost("a worker process died (killed, or out of memory?)") from None

    def close(self) -> None:
        # the pool's own list of its processes: concurrent.futures can stop taking work
        # but not stop work in progress
        processes = list((getattr(self.pool, "_processes", None) or {}).values())
        self.pool.shutdown(wait=False, cancel_futures=True)
        for process in processes:  # stop work in progress now, not after its partition
            if process.is_alive():
                process.terminate()
        for process in processes:
            process.join()


class DaskEngine:
    """Partitions as Dask tasks: on a LocalCluster of `workers` processes (one thread
    each), or on the cluster whose scheduler is at `scheduler`. A task gets its records
    (plain data, a few hundred KB to a few MB of text) and the parts folder, which every
    worker must see (a shared file system on several machines); the model is loaded by
    each worker's first task and kept (`worker_resources`, `make_nlp`), never sent
    through the task graph."""

    def __init__(self, workers: int, scheduler: str | None = None) -> None:
        try:
            import dask
            from dask.distributed import Client, LocalCluster
        except ImportError:
            raise InputError(
                "--engine dask needs dask[distributed]: pip install dask[distributed]"
            ) from None
        self.cluster = None
        try:
            if scheduler:
                self.client = Client(scheduler, timeout="30s")
            else:
                # Quiet workers: no statistical profiler walking the task's stack every
                # 10 ms, no log lines on the command's stderr (its progress is there).
                logging.getLogger("distributed").setLevel(logging.ERROR)
                with dask.config.set(LOCAL_CLUSTER_CONFIG):
                    self.cluster = LocalCluster(
                        n_workers=workers,
                        threads_per_worker=1,
                        processes=True,
                        host="127.0.0.1",
                        dashboard_address=None,
                    )
                self.client = Client(self.cluster)
        except OSError as error:
            self.close()
            where = scheduler or "a local cluster"
            raise InputError(f"cannot reach the Dask scheduler at {where} ({error})") from None
        self.slots = max(1, sum(self.client.nthreads().values()))
        self.run_id = uuid.uuid4().hex[:12]  # task keys of this run, apart from earlier runs'

    def run(
        self, partitions: Iterable[Partition], parts: Path, progress: Callable[[int], None]
    ) -> Iterator[PartSummary]:
        from dask.distributed import as_completed
        from distributed.scheduler import KilledWorker

        waiting = iter(partitions)
        done = as_completed()

        def submit() -> None:
            partition = next(waiting, None)
            if partition is not None:
                key = f"newsbook-{self.run_id}-{partition.name}"
                done.add(self.client.submit(analyze_partition, partition, str(parts), key=key))

        for _ in range(self.slots * IN_FLIGHT_PER_WORKER):
            submit()
        for future in done:
            try:
                summary = future.result()
            except KilledWorker:
                raise WorkerLost("Dask workers died running a partition (out of memory?)") from None
            future.release()
            progress(summary.n_records)
            yield summary
            submit()

    def close(self) -> None:
        if getattr(self, "client", None) is not None:
            self.client.close()
        if self.cluster is not None:
            self.cluster.close()


def make_engine(engine: str, workers: int, scheduler: str | None = None) -> Engine:
    if workers < 1:
        raise InputError(f"--workers must be 1 or more, not {workers}")
    if engine not in ENGINES:
        raise InputError(f"--engine must be one of {', '.join(ENGINES)}, not {engine!r}")
    if engine == "dask":
        return DaskEngine(workers, scheduler)
    if scheduler:
        raise InputError("--scheduler is for --engine dask")
    return InProcess() if workers == 1 else ProcessPool(workers)
