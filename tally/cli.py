"""Command line: parse arguments, call extract (and reconcile), render. Nothing else."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from .errors import ExtractError
from .report.contract import DocResult

EXIT_OK, EXIT_FINDINGS, EXIT_FAILED = 0, 1, 2


def expand_paths(args: list[str]) -> list[str]:
    """Files as given; a folder stands for every PDF under it (sorted, so runs repeat)."""
    out: list[str] = []
    for a in args:
        p = Path(a)
        if p.is_dir():
            out.extend(
                str(f) for f in sorted(p.rglob("*")) if f.suffix.lower() == ".pdf" and f.is_file()
            )
        else:
            out.append(a)
    return out


def read_one(path: str) -> DocResult:
    """Read one document; whatever goes wrong becomes that document's error, never a traceback."""
    from .extract import read_document

    try:
        return DocResult(path, document=read_document(path))
    except ExtractError as exc:
        return DocResult(path, error=exc)
    except MemoryError:
        return DocResult(
            path, error=ExtractError("too_large", "文件过大，内存不足，无法处理", "out of memory")
        )
    except Exception as exc:  # a bug of ours must not stop the other documents
        return DocResult(
            path,
            error=ExtractError(
                "internal",
                f"处理此文件时出现内部错误（{type(exc).__name__}: {exc}）；请将文件反馈给维护者",
                f"internal error ({type(exc).__name__}: {exc})",
            ),
        )


def _write(text: str | bytes, output: str | None, bom: bool = False) -> None:
    if output is None:
        sys.stdout.write(text if isinstance(text, str) else text.decode("utf-8"))
        if isinstance(text, str) and not text.endswith("\n"):
            sys.stdout.write("\n")
        return
    data = text.encode("utf-8-sig" if bom else "utf-8") if isinstance(text, str) else text
    Path(output).write_bytes(data)


def cmd_extract(ns: argparse.Namespace) -> int:
    paths = expand_paths(ns.paths)
    if not paths:
        print("没有找到 PDF 文件" if ns.lang != "en" else "no PDF files found", file=sys.stderr)
        return EXIT_FAILED
    results = [read_one(p) for p in paths]
    if ns.format == "json":
        from .report.contract import report_json

        _write(json.dumps(report_json(results, ns.lang), ensure_ascii=False, indent=1), ns.output)
    elif ns.format == "csv":
        from .report.tables_out import tables_csv

        _write(tables_csv(results), ns.output, bom=True)
    elif ns.format == "xlsx":
        from .report.tables_out import write_tables_xlsx

        if not ns.output:
            print(
                "xlsx 格式需要 --output 文件名" if ns.lang != "en" else "xlsx needs --output",
                file=sys.stderr,
            )
            return EXIT_FAILED
        write_tables_xlsx(results, Path(ns.output))
    else:
        from .report.text_out import extract_summary

        _write(extract_summary(results, ns.lang), ns.output)
    return EXIT_FAILED if any(not r.ok for r in results) else EXIT_OK


def cmd_check(ns: argparse.Namespace) -> int:
    from .reconcile import CheckStats, Vocab, check_document

    paths = expand_paths(ns.paths)
    if not paths:
        print("没有找到 PDF 文件" if ns.lang != "en" else "no PDF files found", file=sys.stderr)
        return EXIT_FAILED
    try:
        vocab = Vocab.load([Path(r) for r in ns.rules or []])
    except Exception as exc:  # a user's rule file: say which and why
        print(
            f"规则文件无法读取：{exc}" if ns.lang != "en" else f"cannot read rules: {exc}",
            file=sys.stderr,
        )
        return EXIT_FAILED
    results = []
    for p in paths:
        res = read_one(p)
        if res.document is not None:
            try:
                stats = CheckStats()
                res.findings = check_document(res.document, vocab=vocab, stats=stats)
                res.checked = stats.relations
            except Exception as exc:  # a bug in one check must not stop the batch
                res.error = ExtractError(
                    "internal", f"核对时出现内部错误（{type(exc).__name__}: {exc}）", str(exc)
                )
                res.document = None
        results.append(res)
    if ns.format == "json":
        from .report.contract import report_json

        _write(json.dumps(report_json(results, ns.lang), ensure_ascii=False, indent=1), ns.output)
    else:
        from .report.findings_out import check_summary

        _write(check_summary(results, ns.lang, ns.show_info), ns.output)
    if any(not r.ok for r in results):
        return EXIT_FAILED
    return (
        EXIT_FINDINGS
        if any(f.severity == "error" for r in results for f in r.findings)
        else EXIT_OK
    )


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="tally", description="核对部门绩效评价报告（PDF）中的表格与数字"
    )
    sub = p.add_subparsers(dest="command", required=True)
    ex = sub.add_parser("extract", help="读取 PDF 中的表格 / read the tables of PDF reports")
    ex.add_argument("paths", nargs="+", help="PDF 文件或文件夹")
    ex.add_argument("--format", choices=["text", "json", "csv", "xlsx"], default="text")
    ex.add_argument("--output", "-o", help="输出文件（默认输出到终端）")
    ex.add_argument("--lang", choices=["zh", "en"], default="zh")
    ex.set_defaults(func=cmd_extract)
    ck = sub.add_parser("check", help="核对表格中的合计、比率、得分 / check the arithmetic")
    ck.add_argument("paths", nargs="+", help="PDF 文件或文件夹")
    ck.add_argument("--format", choices=["text", "json"], default="text")
    ck.add_argument("--output", "-o", help="输出文件（默认输出到终端）")
    ck.add_argument("--lang", choices=["zh", "en"], default="zh")
    ck.add_argument("--rules", action="append", help="补充的规则文件（YAML），可多次给出")
    ck.add_argument("--show-info", action="store_true", help="也列出舍入误差（提示）")
    ck.set_defaults(func=cmd_check)
    return p


def main(argv: list[str] | None = None) -> int:
    import logging

    # pdfminer logs every damaged object it skips; the document's own error says what matters
    logging.getLogger("pdfminer").setLevel(logging.CRITICAL)
    ns = build_parser().parse_args(argv)
    try:
        return ns.func(ns)
    except KeyboardInterrupt:
        return 130
    except OSError as exc:  # e.g. the output folder does not exist
        print(
            f"无法写出结果：{exc}" if ns.lang != "en" else f"cannot write output: {exc}",
            file=sys.stderr,
        )
        return EXIT_FAILED
    except Exception as exc:  # a bug of ours: a clear line, the traceback only on request
        if os.environ.get("TALLY_DEBUG"):
            raise
        msg = f"内部错误（{type(exc).__name__}: {exc}）；设置 TALLY_DEBUG=1 可查看详细信息"
        print(
            msg if ns.lang != "en" else f"internal error ({type(exc).__name__}: {exc})",
            file=sys.stderr,
        )
        return EXIT_FAILED


if __name__ == "__main__":
    sys.exit(main())
