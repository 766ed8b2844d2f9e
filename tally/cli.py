"""Command line: parse arguments, call extract (and reconcile), render. Nothing else."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from .api import RulesError, check, expand_paths, extract, load_rules
from .result import DocumentResult

EXIT_OK, EXIT_FINDINGS, EXIT_FAILED = 0, 1, 2


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
    results = [extract(p) for p in paths]
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
    paths = expand_paths(ns.paths)
    if not paths:
        print("没有找到 PDF 文件" if ns.lang != "en" else "no PDF files found", file=sys.stderr)
        return EXIT_FAILED
    try:
        vocab = load_rules(ns.rules)
    except RulesError as exc:  # a user's rule file: say which and why
        print(
            f"规则文件无法读取：{exc}" if ns.lang != "en" else f"cannot read rules: {exc}",
            file=sys.stderr,
        )
        return EXIT_FAILED
    if ns.format in ("html", "xlsx", "pdf") and not ns.output:
        print(
            f"{ns.format} 格式需要 --output" if ns.lang != "en" else f"{ns.format} needs --output",
            file=sys.stderr,
        )
        return EXIT_FAILED
    if ns.reviews and len(paths) > 1:
        print(
            "--reviews 只用于单个文件" if ns.lang != "en" else "--reviews takes one input",
            file=sys.stderr,
        )
        return EXIT_FAILED
    from .report.progress import Progress

    results = []
    # many documents: a progress bar on stderr (a terminal only; never in a pipe or a log)
    bar = len(paths) > 1 and not ns.no_progress and sys.stderr.isatty()
    with Progress(len(paths), ns.lang, enabled=bar) as progress:
        for p in paths:
            results.append(check(p, vocab=vocab, reviews=ns.reviews))
            progress.advance(not results[-1].ok)
    if ns.format == "json":
        from .report.contract import report_json

        _write(json.dumps(report_json(results, ns.lang), ensure_ascii=False, indent=1), ns.output)
    elif ns.format == "csv":
        from .report.csv_out import findings_csv

        _write(findings_csv(results, ns.lang, ns.show_info), ns.output, bom=True)
    elif ns.format == "html":
        from .report.html_out import findings_html

        _write(findings_html(results, ns.lang, ns.show_info), ns.output)
    elif ns.format == "xlsx":
        from .report.xlsx_out import write_findings_xlsx

        write_findings_xlsx(results, Path(ns.output), ns.lang, ns.show_info)
    elif ns.format == "pdf":
        if not _write_annotated(results, ns):
            return EXIT_FAILED
    else:
        from .report.findings_out import check_summary

        _write(check_summary(results, ns.lang, ns.show_info), ns.output)
    if any(not r.ok for r in results):
        return EXIT_FAILED
    # errors a reviewer ignored (tally review … --state ignored) no longer fail the check
    return EXIT_FINDINGS if any(r.open_errors for r in results) else EXIT_OK


def cmd_review(ns: argparse.Namespace) -> int:
    """Store a reviewer's decision on findings of one report; the ids must be its findings."""
    from .review import mark, sidecar, state_of

    zh = ns.lang != "en"
    try:
        state_of(ns.state)
        res = check(ns.path, ns.rules)
    except (ValueError, RulesError) as exc:
        print(str(exc), file=sys.stderr)
        return EXIT_FAILED
    if not res.ok:
        print(f"{res.path}: {res.error.message(ns.lang)}", file=sys.stderr)  # type: ignore[union-attr]
        return EXIT_FAILED
    known = {f.id for f in res.findings}
    unknown = [i for i in ns.ids if i not in known]
    if unknown:
        print(
            f"该报告没有这些问题编号：{'、'.join(unknown)}" if zh
            else f"no such finding in this report: {', '.join(unknown)}",
            file=sys.stderr,
        )  # fmt: skip
        return EXIT_FAILED
    file = Path(ns.file) if ns.file else sidecar(ns.path)
    mark(file, Path(ns.path).name, ns.ids, ns.state, ns.note, ns.by)
    print(
        f"已记录 {len(ns.ids)} 条复核（{file}）" if zh
        else f"recorded {len(ns.ids)} review(s) in {file}",
        file=sys.stderr,
    )  # fmt: skip
    return EXIT_OK


def cmd_serve(ns: argparse.Namespace) -> int:
    from .serve.app import serve

    print(f"tally serve: http://{ns.host}:{ns.port}/ （{ns.root}）", file=sys.stderr, flush=True)
    serve(Path(ns.root), ns.host, ns.port, ns.max_upload)
    return EXIT_OK


def _write_annotated(results: list[DocumentResult], ns: argparse.Namespace) -> bool:
    """One marked-up PDF per readable input. A single input and an --output ending in .pdf
    (not an existing folder) name the file; otherwise --output is a folder, created if need be,
    receiving NAME.tally.pdf per input. False when some PDF could not be written."""
    from .report.pdf_out import annotate_pdf, annotated_name

    zh = ns.lang != "en"
    out = Path(ns.output)
    single = len(results) == 1 and out.suffix.lower() == ".pdf" and not out.is_dir()
    if not single:
        out.mkdir(parents=True, exist_ok=True)
    used: set[str] = set()
    ok = True
    for res in results:
        if res.document is None:
            continue  # its error is in the exit code; there is nothing to mark up
        target = out if single else out / annotated_name(res.path, used)
        try:
            annotate_pdf(res, target, ns.lang, ns.show_info)
        except OSError:
            raise
        except Exception as exc:  # pypdf could not rewrite this file: say so, go on
            ok = False
            print(
                f"无法写出标注 PDF：{res.path}（{type(exc).__name__}: {exc}）"
                if zh
                else f"cannot write the annotated PDF of {res.path} ({type(exc).__name__}: {exc})",
                file=sys.stderr,
            )
    return ok


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
    ck.add_argument(
        "--format",
        choices=["text", "json", "html", "xlsx", "csv", "pdf"],
        default="text",
        help="text 终端摘要；json 报告契约；html 单个离线网页（页面截图、红框标出）；"
        "xlsx 问题清单与各表（标出单元格）；csv 每条问题一行；pdf 原文件加批注框。"
        "html/xlsx/pdf 需要 --output。pdf：单个输入且 --output 以 .pdf 结尾时写该文件，"
        "否则 --output 为文件夹，每个输入写一个 名称.tally.pdf / "
        "html, xlsx and pdf need --output; pdf writes OUTPUT.pdf for one input, otherwise "
        "one NAME.tally.pdf per input into the folder OUTPUT",
    )
    ck.add_argument("--output", "-o", help="输出文件或文件夹（默认输出到终端）")
    ck.add_argument("--lang", choices=["zh", "en"], default="zh")
    ck.add_argument("--rules", action="append", help="补充的规则文件（YAML），可多次给出")
    ck.add_argument("--show-info", action="store_true", help="也列出舍入误差（提示）")
    ck.add_argument("--no-progress", action="store_true", help="多个文件时不显示进度条")
    ck.add_argument(
        "--reviews",
        help="复核记录文件（默认 PDF 旁的 名称.tally-review.json；重报的报告可用原报告的）",
    )
    ck.set_defaults(func=cmd_check)
    rv = sub.add_parser(
        "review", help="记录对问题的复核：确认或忽略 / mark findings confirmed or ignored"
    )
    rv.add_argument("path", help="PDF 文件")
    rv.add_argument("ids", nargs="+", help="问题编号（tally check 输出的 F…）")
    rv.add_argument(
        "--state", required=True, help="confirmed 已确认 / ignored 已忽略 / pending 待处理"
    )
    rv.add_argument("--note", default="", help="说明")
    rv.add_argument("--by", default=os.environ.get("USER", ""), help="复核人")
    rv.add_argument("--file", help="复核记录文件（默认 PDF 旁的 名称.tally-review.json）")
    rv.add_argument("--rules", action="append", help="核对时用的补充规则文件")
    rv.add_argument("--lang", choices=["zh", "en"], default="zh")
    rv.set_defaults(func=cmd_review)
    sv = sub.add_parser("serve", help="本地网页：上传、核对、复核 / the reviewers' web app")
    sv.add_argument("--root", default="tally-serve", help="存放上传文件与结果的文件夹")
    sv.add_argument("--host", default="127.0.0.1")
    sv.add_argument("--port", type=int, default=8765)
    sv.add_argument("--max-upload", type=int, default=50, help="单个上传文件的上限（MB）")
    sv.add_argument("--lang", choices=["zh", "en"], default="zh")
    sv.set_defaults(func=cmd_serve)
    bt = sub.add_parser(
        "batch",
        help="批量核对文件夹中的全部 PDF（可中断续跑），生成部门台账 / check whole folders",
    )
    bt.add_argument("paths", nargs="+", help="PDF 文件或文件夹")
    bt.add_argument("--workers", type=int, default=None, help="并行进程数（默认 CPU 核数）")
    bt.add_argument("--out", default="tally-batch", help="输出文件夹（台账、报告、数据库）")
    bt.add_argument("--db", help="DuckDB 数据库文件（默认 OUT/tally.duckdb）")
    bt.add_argument(
        "--timeout", type=float, default=300, help="单个文件的时限（秒，默认 300；0 不限）"
    )
    bt.add_argument(
        "--max-memory", type=int, default=2048, help="每个进程的内存上限（MB，默认 2048；0 不限）"
    )
    bt.add_argument("--lang", choices=["zh", "en"], default="zh")
    bt.add_argument("--rules", action="append", help="补充的规则文件（YAML），可多次给出")
    bt.add_argument("--dask", metavar="ADDRESS", help="在 Dask 集群上运行（调度器地址）")
    bt.add_argument("--retry-failed", action="store_true", help="重新核对以前失败的文件")
    bt.add_argument("--no-progress", action="store_true", help="不显示进度条")
    bt.set_defaults(func=_cmd_batch)
    return p


def _cmd_batch(ns: argparse.Namespace) -> int:
    from .batch.runner import cmd_batch

    return cmd_batch(ns)


def main(argv: list[str] | None = None) -> int:
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
