#!/usr/bin/env python3
"""`make bench`: measures dossier against its peers and the floor, prints ratios and peak memory.

    python3 scripts/bench/run.py --dossier .build-bench/release/dossier --inputs out/bench [--runs 3]

Each measurement runs the command --runs times (median CPU and wall time, largest peak RSS;
commands under ~0.3 s run more often, up to 5x, since CPU time is counted in scheduler ticks),
timed with os.wait4, so CPU time (user + sys) is the child's own: the primary measure for
single-process ratios, since other work on the machine inflates wall time but hardly CPU time.
The batch comparison is about wall time (all cores against one). Peers (pandoc, python-docx,
docxtpl) are installed when missing, best effort; a peer that is unavailable is named and its
comparisons are skipped. Standard library only. Results also go to <inputs>/results.{md,json}.
"""

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
TENDER = os.path.join(ROOT, "samples", "tenders", "achterhoek-2021.yaml")
NOW = "2021-05-01T10:00:00+02:00"


def measure_once(cmd, env=None):
    start = time.monotonic()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    # Read stderr fully, then reap the child with its own resource usage.
    err = proc.stderr.read()
    proc.stderr.close()
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.monotonic() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    return {"cpu": usage.ru_utime + usage.ru_stime, "wall": wall,
            "rss": usage.ru_maxrss / 1024.0, "rc": proc.returncode, "err": err.decode("utf-8", "replace")}


def measure(cmd, runs, ok=(0,), env=None):
    results = [measure_once(cmd, env) for _ in range(runs)]
    # CPU time is accounted in scheduler ticks (a few ms): short commands get more runs, up
    # to 5x or about a second of CPU, so their median is not one tick up or down.
    while len(results) < 5 * runs and sum(r["cpu"] for r in results) < 1.0:
        results.append(measure_once(cmd, env))
    for result in results:
        if result["rc"] not in ok:
            raise RuntimeError(f"{' '.join(cmd)} exited {result['rc']}: {result['err'].strip()[:400]}")
    return {"cpu": statistics.median(r["cpu"] for r in results),
            "wall": statistics.median(r["wall"] for r in results),
            "rss": max(r["rss"] for r in results)}


def have_python_module(name):
    return subprocess.run([sys.executable, "-c", f"import {name}"], capture_output=True).returncode == 0


def ensure_peers(install):
    peers = {}
    if shutil.which("pandoc") is None and install and shutil.which("apt-get"):
        print("bench: pandoc missing, trying apt-get install -y pandoc …", flush=True)
        subprocess.run(["apt-get", "install", "-y", "-q", "pandoc"], capture_output=True)
        if shutil.which("pandoc") is None:
            subprocess.run(["apt-get", "update", "-q"], capture_output=True)
            subprocess.run(["apt-get", "install", "-y", "-q", "pandoc"], capture_output=True)
    peers["pandoc"] = shutil.which("pandoc") is not None
    missing = [p for p, m in (("python-docx", "docx"), ("docxtpl", "docxtpl")) if not have_python_module(m)]
    if missing and install:
        print(f"bench: {', '.join(missing)} missing, trying pip install …", flush=True)
        subprocess.run([sys.executable, "-m", "pip", "install", "-q", *missing], capture_output=True)
    peers["python-docx"] = have_python_module("docx")
    peers["docxtpl"] = have_python_module("docxtpl")
    for name, present in peers.items():
        if not present:
            print(f"bench: {name} is not available: its comparisons are skipped", flush=True)
    return peers


def build_floor(inputs):
    target = os.path.join(inputs, "floor")
    try:
        flags = subprocess.run(["pkg-config", "--cflags", "--libs", "libzip", "libxml-2.0"],
                               capture_output=True, text=True, check=True).stdout.split()
        subprocess.run(["cc", "-O2", os.path.join(HERE, "floor.c"), *flags, "-o", target], check=True)
        return target
    except (OSError, subprocess.CalledProcessError) as error:
        print(f"bench: the floor program could not be built ({error}): floor comparisons are skipped")
        return None


def cpuinfo():
    model = "?"
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    model = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    memory = "?"
    try:
        with open("/proc/meminfo") as f:
            kib = int(f.readline().split()[1])
            memory = f"{kib / 1024 / 1024:.1f} GiB"
    except (OSError, ValueError, IndexError):
        pass
    return {"nproc": os.cpu_count(), "cpu": model, "memory": memory, "system": platform.platform()}


class Table:
    def __init__(self):
        self.rows = []

    def add(self, name, mine, other, ratio, target, passed, note=""):
        self.rows.append({"measurement": name, "dossier": mine, "other": other, "ratio": ratio,
                          "target": target, "pass": passed, "note": note})
        self.print_row(self.rows[-1])

    @staticmethod
    def fmt_time(m, wall_first=False):
        if m is None:
            return "—"
        if wall_first:
            return f"{m['wall']:.3f}s wall ({m['cpu']:.2f} cpu)"
        return f"{m['cpu']:.3f}s ({m['wall']:.3f} wall)"

    @staticmethod
    def fmt_rss(row):
        mine = f"{row['dossier']['rss']:.1f}" if row["dossier"] else "—"
        other = f"{row['other']['rss']:.1f}" if row["other"] else "—"
        return f"{mine} / {other}"

    def cells(self, row):
        wall = row["note"] == "wall"
        status = "" if row["pass"] is None else ("PASS" if row["pass"] else "MISS")
        ratio = "—" if row["ratio"] is None else f"{row['ratio']:.2f}×"
        return [row["measurement"], self.fmt_time(row["dossier"], wall), self.fmt_time(row["other"], wall),
                ratio, row["target"], status, self.fmt_rss(row)]

    HEADERS = ["measurement", "dossier cpu (wall)", "peer/floor cpu (wall)", "ratio", "target", "", "peak MiB (dossier / other)"]
    WIDTHS = [44, 22, 24, 9, 22, 5, 20]

    def print_header(self):
        print("  ".join(h.ljust(w) for h, w in zip(self.HEADERS, self.WIDTHS)))
        print("  ".join("-" * w for w in self.WIDTHS))

    def print_row(self, row):
        print("  ".join(c.ljust(w) for c, w in zip(self.cells(row), self.WIDTHS)), flush=True)

    def markdown(self):
        lines = ["| " + " | ".join(h or "result" for h in self.HEADERS) + " |",
                 "|" + "---|" * len(self.HEADERS)]
        for row in self.rows:
            lines.append("| " + " | ".join(self.cells(row)) + " |")
        return "\n".join(lines) + "\n"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--dossier", default=os.path.join(ROOT, ".build", "release", "dossier"))
    parser.add_argument("--inputs", default=os.path.join(ROOT, "out", "bench"))
    parser.add_argument("--runs", type=int, default=int(os.environ.get("BENCH_RUNS", "3")))
    parser.add_argument("--no-install", action="store_true", default=os.environ.get("BENCH_NO_INSTALL") == "1")
    parser.add_argument("--only", default="", help="comma-separated groups: read,check,render,scaling,memory,batch")
    args = parser.parse_args()
    dossier = os.path.abspath(args.dossier)
    inputs = os.path.abspath(args.inputs)
    runs = max(1, args.runs)
    groups = set(filter(None, args.only.split(","))) or {"read", "check", "render", "scaling", "memory", "batch"}
    f = lambda name: os.path.join(inputs, name)

    machine = cpuinfo()
    print(f"machine: {machine['nproc']} cores, {machine['cpu']}, {machine['memory']}; runs per measurement: {runs} (median)")
    peers = ensure_peers(not args.no_install)
    floor = build_floor(inputs)
    tmp = tempfile.mkdtemp(prefix="dossier-bench-")

    def inspect(path):
        return [dossier, "inspect", "--json", path]

    def check(path):
        return [dossier, "check", path, "--tender", TENDER, "--now", NOW, "--format", "json"]

    def render(template, data):
        return [dossier, "render", template, data, "-o", os.path.join(tmp, "render.docx"), "--force"]

    def docxtpl(template, data):
        return [sys.executable, os.path.join(HERE, "peer_docxtpl.py"), template, data, os.path.join(tmp, "docxtpl.docx")]

    # The 30-page submission: what the checker says of it (it should be complete or nearly).
    verdict = subprocess.run(check(f("submission-1x")), capture_output=True, text=True)
    try:
        report = json.loads(verdict.stdout)
        rules = sorted({x["rule"] + "/" + x["severity"] for x in report["findings"] if x["severity"] != "info"})
        print(f"submission-1x: complete={report['complete']}, errors={report['summary']['errors']}, "
              f"warnings={report['summary']['warnings']} {' '.join(rules)}")
    except (ValueError, KeyError):
        print(f"submission-1x: check exited {verdict.returncode}: {verdict.stderr.strip()[:300]}")
    print()

    table = Table()
    table.print_header()
    check_ok = (0, 1)   # incomplete submissions (findings) are fine for timing

    if "read" in groups:
        for label, name in (("30 p", "dossier-30p.docx"), ("300 p", "dossier-300p.docx")):
            mine = measure(inspect(f(name)), runs)
            if floor:
                other = measure([floor, f(name)], runs)
                table.add(f"read {label}: inspect --json vs floor", mine, other, mine["cpu"] / other["cpu"], "(floor, no target)", None)
            if peers["pandoc"]:
                other = measure(["pandoc", "-f", "docx", "-t", "json", "-o", "/dev/null", f(name)], runs)
                ratio = other["cpu"] / mine["cpu"]
                table.add(f"read {label}: inspect vs pandoc -t json", mine, other, ratio, "≥ 10× faster", ratio >= 10)
            if peers["python-docx"]:
                other = measure([sys.executable, os.path.join(HERE, "peer_python_docx.py"), f(name)], runs)
                ratio = other["cpu"] / mine["cpu"]
                table.add(f"read {label}: inspect vs python-docx", mine, other, ratio, "≥ 20× faster", ratio >= 20)

    if "check" in groups:
        mine = measure(check(f("submission-1x")), runs, check_ok)
        if floor:
            other = measure([floor, f("submission-1x")], runs)
            ratio = mine["cpu"] / other["cpu"]
            table.add("check 30 p + 5 UEAs + evidence vs floor", mine, other, ratio, "≤ 1.5× floor", ratio <= 1.5)
        else:
            table.add("check 30 p + 5 UEAs + evidence", mine, None, None, "(no floor)", None)

    if "render" in groups:
        for label, template, jinja, data in (("2,000-row table", "table.docx", "docxtpl-table.docx", "table-1x.json"),
                                             ("200 sections", "sections.docx", "docxtpl-sections.docx", "sections.json")):
            mine = measure(render(f(template), f(data)), runs)
            if peers["docxtpl"]:
                other = measure(docxtpl(f(jinja), f(data)), runs)
                ratio = other["cpu"] / mine["cpu"]
                table.add(f"render {label} vs docxtpl", mine, other, ratio, "≥ 30× faster", ratio >= 30)
            else:
                table.add(f"render {label}", mine, None, None, "(docxtpl unavailable)", None)

    if "scaling" in groups:
        for label, make in (("inspect", lambda k: inspect(f(f"dossier-{k}x.docx"))),
                            ("check", lambda k: check(f(f"submission-{k}x"))),
                            ("render", lambda k: render(f("table.docx"), f(f"table-scale-{k}x.json")))):
            base = measure(make(1), runs, check_ok)
            for k in (2, 4, 8):
                mine = measure(make(k), runs, check_ok)
                ratio = mine["cpu"] / base["cpu"]
                target = "≤ 8.5× time" if k == 8 else "(reported)"
                table.add(f"scaling {label} {k}× input vs 1×", mine, base, ratio, target, ratio <= 8.5 if k == 8 else None)

    if "memory" in groups:
        mine = measure(inspect(f("images-50mb.docx")), runs)
        other = measure([floor, f("images-50mb.docx")], runs) if floor else None
        table.add("memory: inspect 50 MB of images", mine, other, mine["cpu"] / other["cpu"] if other else None,
                  "peak < 48 MiB", mine["rss"] < 48)
        mine = measure(check(f("submission-images")), runs, check_ok)
        other = measure([floor, f("submission-images")], runs) if floor else None
        table.add("memory: check with 50 MB images DOCX", mine, other, mine["cpu"] / other["cpu"] if other else None,
                  "peak < 48 MiB", mine["rss"] < 48)

    if "batch" in groups:
        cmd = [dossier, "check", "--batch", f("batch"), "--tender", TENDER, "--now", NOW, "--format", "csv"]
        cores = os.cpu_count() or 1
        all_cores = measure(cmd, runs, check_ok)
        if shutil.which("taskset"):
            one = measure(["taskset", "-c", "0", *cmd, "--jobs", "1"], runs, check_ok)
        else:
            one = measure([*cmd, "--jobs", "1"], runs, check_ok)
        ratio = one["wall"] / all_cores["wall"]
        table.add(f"batch 300 submissions: {cores} cores vs 1 (wall)", all_cores, one, ratio,
                  "≥ 1.8× faster" if cores >= 2 else "(one core only)", ratio >= 1.8 if cores >= 2 else None, note="wall")

    shutil.rmtree(tmp, ignore_errors=True)
    with open(os.path.join(inputs, "results.md"), "w") as out:
        out.write(f"machine: {machine['nproc']} cores, {machine['cpu']}, {machine['memory']}; runs: {runs}\n\n")
        out.write(table.markdown())
    with open(os.path.join(inputs, "results.json"), "w") as out:
        json.dump({"machine": machine, "runs": runs, "rows": table.rows}, out, indent=1)
    misses = [r["measurement"] for r in table.rows if r["pass"] is False]
    print()
    print(f"targets: {sum(1 for r in table.rows if r['pass'])} PASS, {len(misses)} MISS; results in {inputs}/results.md")


if __name__ == "__main__":
    main()
