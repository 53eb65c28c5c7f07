"""The last stage: figures and verdicts rendered for people and for CI."""
