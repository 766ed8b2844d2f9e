"""Regenerate every sample PDF and its truth file.

Needs: pip install -e .[dev]; apt-get install fonts-wqy-microhei libreoffice-writer-nogui
(make_office.py converts a .docx with LibreOffice).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SCRIPTS = ["make_hunan.py", "make_threeline.py", "make_formats.py", "make_office.py", "make_dirty.py"]


def main() -> int:
    failed = []
    for name in SCRIPTS:
        print(f"== {name}", flush=True)
        if subprocess.run([sys.executable, str(HERE / name)], cwd=HERE).returncode:
            failed.append(name)
    if failed:
        print(f"failed: {', '.join(failed)}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
