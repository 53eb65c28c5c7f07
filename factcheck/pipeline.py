"""The whole job as a library call: documents in, verdicts out.

`check_corpus` streams documents through extraction and attribution (in
worker processes for a large corpus, a bounded number of documents in
memory at a time), keeps only the figures, then groups and judges them.
The command line is a thin layer over this.
"""

from __future__ import annotations

import functools
import itertools
import os
import signal
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from datetime import date

from factcheck.attribute import attribute_document
from factcheck.attribute.topic import topic_terms
from factcheck.compare.group import group_figures
from factcheck.compare.policy import CheckResult, acknowledge, reading_order
from factcheck.compare.verdict import judge
from factcheck.corpus import InputProblem
from factcheck.extract import extract_document
from factcheck.model import Document, Figure, figure_values
from factcheck.rules.model import EXACT, Rule, Tolerance


@dataclass(frozen=True, slots=True)
class Corpus:
    """What the check keeps of the documents it read: their figures, and the
    terms of each document's title and lead (what story it tells)."""

    figures: list[Figure]
    topics: dict[str, frozenset[str]]
    documents: int


#: Called with the problem of a document that could not be extracted.
ProblemHandler = Callable[[InputProblem], object]


def figures_of(
    documents: Iterable[Document], jobs: int | None = None, on_problem: ProblemHandler | None = None
) -> Corpus:
    """Every attributed figure of the corpus, in document order, and each
    document's topic terms; `jobs` and `on_problem` as for `extracted`."""
    figures: list[Figure] = []
    topics: dict[str, frozenset[str]] = {}
    count = 0
    for document in extracted(documents, jobs, topics=True, on_problem=on_problem):
        count += 1
        figures.extend(document.figures)
        topics[document.id] = document.topic
    return Corpus(figures, topics, count)


def attributed_figures(
    documents: Iterable[Document], jobs: int | None = None, on_problem: ProblemHandler | None = None
) -> Iterator[Figure]:
    """The attributed figures of each document in turn (what `extract` prints)."""
    for document in extracted(documents, jobs, topics=False, on_problem=on_problem):
        yield from document.figures


@dataclass(frozen=True, slots=True)
class Extracted:
    """What the check keeps of one document once it is extracted: its id,
    figures and topic terms, never its text (nor, from a worker, anything
    more to send back)."""

    id: str
    figures: list[Figure]
    topic: frozenset[str]  # empty unless asked for
    problem: InputProblem | None = None  # why the document has no figures: it failed


#: Corpora up to this many documents are read in this process: starting worker
#: processes (each imports the package and loads the grammar and vocabularies)
#: costs more than a small run gains from them.
PROCESS_THRESHOLD = 50
#: Characters of text sent to a worker at a time: enough documents that
#: pickling and scheduling cost little per document, few enough that the
#: workers stay evenly busy (a long article makes a task of its own).
CHUNK_CHARACTERS = 64_000
#: Tasks waiting or running per worker: the reader keeps the workers busy
#: without reading the corpus ahead into memory.
TASKS_PER_WORKER = 4


def default_jobs() -> int:
    """One worker process per CPU."""
    return os.cpu_count() or 1


def extracted(
    documents: Iterable[Document],
    jobs: int | None = None,
    *,
    topics: bool = False,
    on_problem: ProblemHandler | None = None,
) -> Iterator[Extracted]:
    """Each document extracted and attributed, in input order whatever `jobs`.

    `jobs` worker processes (default: one per CPU) share the work, in
    chunks of documents, once the corpus has more than `PROCESS_THRESHOLD`
    documents; `jobs=1` does it all in this process. Documents are read
    here, lazily, and at most `TASKS_PER_WORKER` chunks per worker are out
    at a time, so memory holds the figures, not the corpus. The results are
    taken in the order the chunks were sent, so the output is the same
    bytes for any number of jobs. `topics` also reads each document's topic
    terms (`attribute.topic`), which grouping weighs and `extract` does not.

    A document whose extraction fails (a bug, never the reader's fault) is
    one problem, given to `on_problem`, and the run goes on without its
    figures; with no handler the problem is raised as a RuntimeError.
    """
    for document in _extracted(documents, jobs, topics):
        if document.problem is None:
            yield document
        elif on_problem is None:
            raise RuntimeError(str(document.problem))
        else:
            on_problem(document.problem)


def _extracted(
    documents: Iterable[Document], jobs: int | None, topics: bool
) -> Iterator[Extracted]:
    jobs = default_jobs() if jobs is None else jobs
    stream = iter(documents)
    head = list(itertools.islice(stream, PROCESS_THRESHOLD + 1))
    if jobs <= 1 or len(head) <= PROCESS_THRESHOLD:
        for chunk in _chunks(itertools.chain(head, stream)):
            yield from _extract_chunk(chunk, topics)
        return
    work = functools.partial(_extract_chunk, topics=topics)
    pool = ProcessPoolExecutor(max_workers=jobs, initializer=_worker_signals)
    try:
        pending: deque[Future[list[Extracted]]] = deque()
        for chunk in _chunks(itertools.chain(head, stream)):
            pending.append(pool.submit(work, chunk))
            if len(pending) >= jobs * TASKS_PER_WORKER:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()
    finally:  # interrupted, or the reader stopped early: drop the work not yet begun
        pool.shutdown(cancel_futures=True)


def _worker_signals() -> None:
    """Ctrl-C reaches every process of the terminal's group: only this one
    (the parent) handles it, and a terminated worker ends without unwinding
    through the parent's SIGTERM handler, which it inherited."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


def _chunks(documents: Iterable[Document]) -> Iterator[list[Document]]:
    """Consecutive documents, about `CHUNK_CHARACTERS` of text at a time."""
    chunk: list[Document] = []
    size = 0
    for document in documents:
        chunk.append(document)
        size += len(document.text)
        if size >= CHUNK_CHARACTERS:
            yield chunk
            chunk, size = [], 0
    if chunk:
        yield chunk


def _extract_chunk(documents: list[Document], topics: bool) -> list[Extracted]:
    """One chunk of documents, a worker's task.

    Equal strings across the chunk (a measure, a day, a source, the sentence
    of several figures, the topic terms of a story) become one object: the
    figures and topics of a large corpus take half the memory they would,
    and pickle sends each string once."""
    shared: dict[str, str] = {}
    return [_extract(document, topics, shared) for document in documents]


def _extract(document: Document, topics: bool, shared: dict[str, str]) -> Extracted:
    try:
        figures = attribute_document(document, extract_document(document))
        topic = topic_terms(document) if topics else frozenset()
    except Exception as error:  # one document's bug is one problem line, not the run's end
        why = f"could not extract its figures: {type(error).__name__}: {error} (please report)"
        problem = InputProblem(document.path, document.row, why)
        return Extracted(document.id, [], frozenset(), problem)
    return Extracted(
        document.id,
        [_sharing(figure, shared) for figure in figures],
        frozenset(shared.setdefault(t, t) for t in topic),
    )


def _sharing(figure: Figure, shared: dict[str, str]) -> Figure:
    """The figure with each of its strings replaced by the first equal one seen."""
    return Figure(
        *(shared.setdefault(v, v) if isinstance(v, str) else v for v in figure_values(figure))
    )


def check_figures(
    figures: Sequence[Figure],
    rules: Sequence[Rule] = (),
    documents: int = 0,
    *,
    tolerances: Mapping[str, Tolerance] | None = None,
    today: date | None = None,
    topics: Mapping[str, frozenset[str]] | None = None,
) -> CheckResult:
    """Group and judge figures; verdicts sorted conflicts first, then by claim id.

    `tolerances` maps a figure kind (percent, count, money...) to the
    tolerance of automatic groups of that kind; rules carry their own.
    """
    tolerances = tolerances or {}
    verdicts = [
        judge(group, tolerances.get(group.figures[0].kind, EXACT))
        for group in group_figures(figures, rules, topics)
    ]
    verdicts, unused = acknowledge(verdicts, rules, today or date.today())
    verdicts.sort(key=reading_order)
    return CheckResult(tuple(verdicts), documents, len(figures), tuple(unused))


def check_corpus(
    documents: Iterable[Document],
    rules: Sequence[Rule] = (),
    *,
    tolerances: Mapping[str, Tolerance] | None = None,
    today: date | None = None,
    jobs: int | None = None,
    on_problem: ProblemHandler | None = None,
    on_stage: Callable[[str], object] | None = None,
) -> CheckResult:
    """The consistency check over a corpus; `jobs` worker processes extract,
    and a document that fails goes to `on_problem` (see `extracted`).
    `on_stage` hears when the corpus is read and grouping begins (for a
    progress bar)."""
    corpus = figures_of(documents, jobs, on_problem)
    if on_stage is not None:
        on_stage(f"grouping {len(corpus.figures):,} figures")
    return check_figures(
        corpus.figures,
        rules,
        corpus.documents,
        tolerances=tolerances,
        today=today,
        topics=corpus.topics,
    )
