"""The last stage: figures and verdicts rendered for people and for CI.

The names of the formats live here, apart from their renderers, so that the
command line can offer them without loading the reports."""

#: Formats of `factcheck check`: the terminal table, then the machine formats.
CHECK_FORMATS = ("table", "json", "markdown", "junit", "sarif", "github", "csv")
#: Formats of `factcheck extract`.
FIGURE_FORMATS = ("table", "jsonl", "csv")

#: Width of a table written to a file or a pipe: the same bytes on every machine.
TABLE_WIDTH = 100
#: The narrowest width a table is laid out for; a narrower terminal wraps it.
NARROWEST = 60


def terminal_width() -> int:
    """Columns a table may use: the terminal's when stdout is one (at least
    `NARROWEST`), else `TABLE_WIDTH`."""
    import shutil
    import sys

    if not sys.stdout.isatty():
        return TABLE_WIDTH
    return max(shutil.get_terminal_size((TABLE_WIDTH, 24)).columns, NARROWEST)
