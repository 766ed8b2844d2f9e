"""Findings and tables into what reviewers and other tools read: JSON, CSV, XLSX, terminal text."""
