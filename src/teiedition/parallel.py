"""Running a stage's work on every core: items in chunks to worker processes, results back in
input order, so a parallel run merges exactly what a serial run would.

Each worker sets itself up once (an initializer that loads the registers or compiles the
stylesheets) and then handles chunks. Workers are forked where that is safe, which starts one
in milliseconds: on Linux, from a process with a single thread that has not loaded Saxon or
Typst (whose runtimes start threads of their own, which a fork does not copy). Otherwise they
are started with ``spawn``, a fresh interpreter that imports the stage again (a third of a
second). Small runs stay in this process, where starting workers would cost more than it saves.
"""

from __future__ import annotations

import ctypes
import multiprocessing
import os
import signal
import sys
import threading
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import Any, TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")

PR_SET_PDEATHSIG = 1  # prctl(2)
# Below this many items per job, a worker's start-up (≈0.5 s) outweighs its share of the work.
MIN_ITEMS_PER_JOB = 16


def default_jobs() -> int:
    """The cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def run_chunks(*args: Any, **kwargs: Any) -> list:
    """Every result of `each_chunk` (same arguments), in one list, in item order."""
    return [result for done in each_chunk(*args, **kwargs) for result in done]


def each_chunk(
    items: Sequence[Item],
    work: Callable[[list[Item]], list[Result]],
    jobs: int,
    setup: Callable[..., None] | None = None,
    setup_args: tuple[Any, ...] = (),
    advance: Callable[[int], None] | None = None,
    min_items_per_job: int | None = None,
    isolate: bool = False,
) -> Iterator[list[Result]]:
    """`work` applied to chunks of `items`: the results of each chunk as it is done, in item
    order, so a caller that keeps less than the results (a summary, a file) never holds them
    all at once. `setup(*setup_args)` runs once in each process that does work (this one too,
    when the run is small, unless `isolate`: then always in worker processes, one for each
    chunk, so that their memory is theirs alone)."""
    items = list(items)
    if not items:
        return
    if min_items_per_job is None:  # read now, not when defined: tests lower it
        min_items_per_job = MIN_ITEMS_PER_JOB
    jobs = max(1, min(jobs, len(items) // min_items_per_job or 1))
    # Chunks small enough to balance the load and show progress, large enough to keep the
    # cost of sending work to a process low.
    size = max(1, min(64, len(items) // (jobs * 8) or 1)) if min_items_per_job > 1 else 1
    chunks = [items[start : start + size] for start in range(0, len(items), size)]
    if jobs == 1 and not isolate:
        if setup:
            setup(*setup_args)
        for chunk in chunks:
            done = work(chunk)
            if advance:
                advance(len(chunk))
            yield done
        return
    context = multiprocessing.get_context(start_method(isolate))
    with ProcessPoolExecutor(
        jobs,
        mp_context=context,
        initializer=_start_worker,
        initargs=(setup, setup_args),
        # isolated work gets a fresh process per chunk: what one chunk (a volume) leaves in
        # memory is freed before the next, so no process grows chunk after chunk
        max_tasks_per_child=1 if isolate else None,
    ) as pool:
        for chunk, done in zip(chunks, pool.map(work, chunks), strict=True):
            if advance:
                advance(len(chunk))
            yield done


def start_method(isolate: bool = False) -> str:
    """How workers are started: "fork" where it is safe (see the module's docstring) and the
    pool does not replace its workers (`isolate`: Python forbids it with fork), else "spawn"."""
    forkable = (
        sys.platform.startswith("linux")
        and not isolate
        and threading.active_count() == 1
        and not {"saxonche", "typst"} & sys.modules.keys()
    )
    return "fork" if forkable else "spawn"


def _start_worker(setup: Callable[..., None] | None, setup_args: tuple[Any, ...]) -> None:
    """A worker ends with the build that started it, even when the build is killed (Linux:
    the parent-death signal), so an interrupted build leaves no processes behind."""
    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(PR_SET_PDEATHSIG, signal.SIGTERM)
        except (OSError, AttributeError):
            pass  # without it, workers still end when their work queue closes
    if setup:
        setup(*setup_args)
