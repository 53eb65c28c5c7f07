"""Stage 3: group figures about the same thing and judge whether they agree.

`group` links figures into claim groups, `verdict` judges each group,
`policy` applies analysts' acknowledgements and the fail-on rules;
`status` names the verdicts and imports nothing, for the command line."""
