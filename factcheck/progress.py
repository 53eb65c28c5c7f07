"""A progress bar on stderr for long runs, and only where a person watches.

Reading and extracting a large corpus takes minutes; a terminal that stays
silent that long looks hung. The bar (tqdm) counts documents as they are
read and then names the stage that follows. It is drawn only when stderr
is a terminal and the `CI` environment variable is unset, so logs, pipes
and CI runs get the same bytes as ever, and it appears once a run has
passed `SHOW_AFTER` documents: a small run never flickers one.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, TextIO, TypeVar

if TYPE_CHECKING:
    from tqdm import tqdm

T = TypeVar("T")

#: Documents read before the bar appears: "a few hundred documents".
SHOW_AFTER = 200


def wanted(stream: TextIO) -> bool:
    """Whether a bar may be drawn on `stream`: a terminal, and not under CI."""
    if os.environ.get("CI", "") not in ("", "0", "false"):
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


class Progress:
    """A bar over a stream of documents, then the stage after it; a no-op
    when `wanted` says no. Use as a context manager so the bar is always
    cleared, whatever ends the run."""

    def __init__(
        self, stream: TextIO | None = None, unit: str = "documents", *, shown: bool = True
    ) -> None:
        self.stream = stream or sys.stderr
        self.unit = unit
        self.enabled = shown and wanted(self.stream)
        self._bar: tqdm[object] | None = None

    def __enter__(self) -> Progress:
        return self

    def __exit__(self, *_: object) -> None:
        if self._bar is not None:
            self._bar.close()
            self._bar = None

    def track(self, items: Iterable[T]) -> Iterator[T]:
        """`items` unchanged, counted on the bar from the `SHOW_AFTER`th on."""
        for count, item in enumerate(items, start=1):
            if self._bar is not None:
                self._bar.update()
            elif self.enabled and count >= SHOW_AFTER:
                self._bar = self._start(count)
            yield item

    def stage(self, name: str) -> None:
        """Say which stage runs now ("grouping 80,000 figures"), on a bar already shown."""
        if self._bar is not None:
            self._bar.set_description_str(name, refresh=True)

    def _start(self, count: int) -> tqdm[object]:
        from tqdm import tqdm  # only a run that shows a bar pays for it

        return tqdm(
            file=self.stream,
            unit=f" {self.unit}",
            initial=count,
            desc="reading",
            dynamic_ncols=True,
            leave=False,
            mininterval=0.2,
        )


@contextlib.contextmanager
def paused(stream: TextIO) -> Iterator[None]:
    """Write a line to `stream` without tearing a bar in two: any bar shown
    is cleared first and drawn again after."""
    module = sys.modules.get("tqdm")
    if module is None:  # no bar was ever started in this process
        yield
        return
    with module.tqdm.external_write_mode(file=stream):
        yield
