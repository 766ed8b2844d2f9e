"""Seeded random report generator, truth files and scorer for tally's accuracy benchmark.

Independent of tally's extraction and reconciliation code: the truth comes from the
generator's own data. Entry point: ``python -m samples.randreport.generate --seed N --out DIR``.
"""

GENERATOR_VERSION = "randreport/2"  # 2: docx three-line rules under vertically merged cells
