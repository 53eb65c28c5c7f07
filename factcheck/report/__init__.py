"""The last stage: figures and verdicts rendered for people and for CI.

The names of the formats live here, apart from their renderers, so that the
command line can offer them without loading the reports."""

#: Formats of `factcheck check`: the terminal table, then the machine formats.
CHECK_FORMATS = ("table", "json", "markdown", "junit", "sarif", "github", "csv")
#: Formats of `factcheck extract`.
FIGURE_FORMATS = ("table", "jsonl", "csv")
