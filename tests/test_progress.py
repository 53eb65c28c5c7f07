"""The progress bar: drawn for a person at a terminal, never in logs, pipes or CI."""

from __future__ import annotations

import io

import pytest

from factcheck.progress import SHOW_AFTER, Progress, paused


class Terminal(io.StringIO):
    """A stream that says it is a terminal."""

    def isatty(self) -> bool:
        return True


def _run(stream: io.StringIO, documents: int) -> list[int]:
    with Progress(stream) as progress:
        seen = list(progress.track(range(documents)))
        progress.stage("grouping 10 figures")
    return seen


@pytest.mark.parametrize(
    ("stream", "ci", "documents", "drawn"),
    [
        pytest.param(Terminal, None, SHOW_AFTER + 300, True, id="long-run-at-a-terminal"),
        pytest.param(Terminal, None, SHOW_AFTER - 1, False, id="short-run-no-flicker"),
        pytest.param(Terminal, "true", SHOW_AFTER + 300, False, id="ci-set"),
        pytest.param(io.StringIO, None, SHOW_AFTER + 300, False, id="piped-or-logged"),
    ],
)
def test_the_bar_is_drawn_only_for_a_person(
    monkeypatch: pytest.MonkeyPatch,
    stream: type[io.StringIO],
    ci: str | None,
    documents: int,
    drawn: bool,
) -> None:
    if ci is None:
        monkeypatch.delenv("CI", raising=False)
    else:
        monkeypatch.setenv("CI", ci)
    out = stream()
    assert _run(out, documents) == list(range(documents))  # every item passes, in order
    shown = out.getvalue()
    assert ("documents" in shown and "grouping 10 figures" in shown) is drawn
    assert bool(shown) is drawn


def test_a_line_written_while_the_bar_shows_stays_whole(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CI", raising=False)
    out = Terminal()
    with Progress(out) as progress:
        for n in progress.track(range(SHOW_AFTER + 5)):
            if n == SHOW_AFTER + 2:
                with paused(out):
                    out.write("factcheck: feed.jsonl:7: empty document\n")
    lines = out.getvalue().replace("\r", "\n").splitlines()
    assert "factcheck: feed.jsonl:7: empty document" in lines
