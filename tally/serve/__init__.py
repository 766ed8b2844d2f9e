"""``tally serve``: the reviewers' local web app (see app.py)."""
