"""How fast the directory import runs at 1,000, 10,000 and 100,000 records (make import-bench).

:func:`write_synthetic_file` writes a directory in the public import format
(interfaces.md), shaped like the demo one: workshops, cooperatives that name
their workshops, companies, their needs and partnerships, with valid NIP,
REGON and KRS numbers, addresses, places, descriptions drawn from the demo
directory's own words, capabilities, capacities and certificates.

:func:`measure` imports such a file into a database of its own, freshly
migrated, with ``manage.py import_directory`` run as a child process, and
again (nothing changed then). It reads the wall time (from start-up until
everything is searchable in Elasticsearch), the child's peak resident
memory (its ``VmHWM``), and the machine's load
average before and after, since the figures mean little without it. The
bench database and its Elasticsearch indices (a prefix of their own) are
removed afterwards.
"""

import json
import os
import random
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from django.conf import settings
from django.db import connection

from cooperatives.models import CapacityPeriod, CapacityUnit
from cooperatives.vocabulary import CAPABILITIES, CERTIFICATIONS

BASE_DIR = Path(__file__).resolve().parents[2]
DEMO_FILE = BASE_DIR / "cms" / "demo" / "directory.jsonl"

# Shares of each record type, as in the demo directory (251 records).
SHARES = (
    ("workshop", 0.18),
    ("cooperative", 0.35),
    ("partner", 0.18),
    ("need", 0.18),
    ("partnership", 0.11),
)
# (town, postcode prefix, voivodeship TERYT, latitude, longitude)
TOWNS = (
    ("Poznań", "60", "30", 52.4064, 16.9252),
    ("Gniezno", "62", "30", 52.5348, 17.5826),
    ("Kalisz", "62", "30", 51.7611, 18.0910),
    ("Warszawa", "00", "14", 52.2297, 21.0122),
    ("Radom", "26", "14", 51.4027, 21.1471),
    ("Płock", "09", "14", 52.5463, 19.7065),
    ("Kraków", "30", "12", 50.0647, 19.9450),
    ("Tarnów", "33", "12", 50.0121, 20.9858),
    ("Łódź", "90", "10", 51.7592, 19.4560),
    ("Wrocław", "50", "02", 51.1079, 17.0385),
    ("Wałbrzych", "58", "02", 50.7714, 16.2843),
    ("Gdańsk", "80", "22", 54.3520, 18.6466),
    ("Słupsk", "76", "22", 54.4641, 17.0287),
    ("Szczecin", "70", "32", 53.4285, 14.5528),
    ("Koszalin", "75", "32", 54.1944, 16.1722),
    ("Bydgoszcz", "85", "04", 53.1235, 18.0084),
    ("Toruń", "87", "04", 53.0138, 18.5984),
    ("Lublin", "20", "06", 51.2465, 22.5684),
    ("Zamość", "22", "06", 50.7231, 23.2520),
    ("Białystok", "15", "20", 53.1325, 23.1688),
    ("Rzeszów", "35", "18", 50.0412, 21.9991),
    ("Kielce", "25", "26", 50.8661, 20.6286),
    ("Olsztyn", "10", "28", 53.7784, 20.4801),
    ("Opole", "45", "16", 50.6751, 17.9213),
    ("Katowice", "40", "24", 50.2649, 19.0238),
    ("Gliwice", "44", "24", 50.2945, 18.6714),
    ("Zielona Góra", "65", "08", 51.9356, 15.5062),
    ("Gorzów Wielkopolski", "66", "08", 52.7368, 15.2288),
)
STREETS = ("Długa", "Polna", "Lipowa", "Ogrodowa", "Kwiatowa", "Szkolna", "Leśna", "Słoneczna")
SECTORS = ("logistyka", "handel", "produkcja", "hotelarstwo", "budownictwo", "usługi", "IT")
UNITS = tuple(CapacityUnit.values)


def _nip(rng: random.Random) -> str:
    weights = (6, 5, 7, 2, 3, 4, 5, 6, 7)
    while True:
        digits = [rng.randint(1, 9), *(rng.randint(0, 9) for _ in range(8))]
        check = sum(w * d for w, d in zip(weights, digits, strict=True)) % 11
        if check != 10:
            return "".join(map(str, digits)) + str(check)


def _regon(rng: random.Random) -> str:
    weights = (8, 9, 2, 3, 4, 5, 6, 7)
    digits = [rng.randint(0, 9) for _ in range(8)]
    check = sum(w * d for w, d in zip(weights, digits, strict=True)) % 11 % 10
    return "".join(map(str, digits)) + str(check)


class _Maker:
    """Draws the fields of one synthetic record at a time, reproducibly from a seed."""

    def __init__(self, seed: int, words: list[str]) -> None:
        self.rng = random.Random(seed)  # noqa: S311 - synthetic data, not secrets
        self.words = words

    def text(self, low: int, high: int) -> str:
        words = self.rng.choices(self.words, k=self.rng.randint(low, high))
        return " ".join(words).capitalize() + "."

    def place(self) -> dict:
        town, prefix, teryt, lat, lon = self.rng.choice(TOWNS)
        return {
            "address": {
                "street": f"ul. {self.rng.choice(STREETS)} {self.rng.randint(1, 120)}",
                "postal_code": f"{prefix}-{self.rng.randint(0, 999):03d}",
                "city": town,
            },
            "voivodeship": teryt,
            "location": {
                "lat": round(lat + self.rng.uniform(-0.2, 0.2), 5),
                "lon": round(lon + self.rng.uniform(-0.3, 0.3), 5),
            },
        }

    def contact(self, slug: str) -> dict:
        return {
            "website": f"https://{slug}.example.pl",
            "email": f"biuro@{slug}.example.pl",
            "phone": f"+48 {self.rng.randint(500, 899)} {self.rng.randint(100, 999)} "
            f"{self.rng.randint(100, 999)}",
        }

    def day(self, start: int, end: int) -> str:
        first = date(start, 1, 1)
        return (first + timedelta(days=self.rng.randint(0, (end - start) * 365))).isoformat()

    def capabilities(self, most: int = 3) -> list[str]:
        return self.rng.sample(sorted(CAPABILITIES), k=self.rng.randint(1, most))


def _counts(size: int) -> dict[str, int]:
    counts = {kind: max(1, int(size * share)) for kind, share in SHARES}
    counts["cooperative"] += size - sum(counts.values())
    return counts


def synthetic_records(size: int, seed: int = 11, words: list[str] | None = None):
    """``size`` records of every type, referenced records before the ones naming them."""
    make = _Maker(seed, words or _demo_words())
    rng = make.rng
    counts = _counts(size)
    for number in range(counts["workshop"]):
        slug = f"wtz-synt-{number}"
        yield {
            "type": "workshop",
            "slug": slug,
            "name": f"Warsztat Terapii Zajęciowej nr {number}",
            "description": make.text(30, 70),
            **make.place(),
            **make.contact(slug),
            "operator": f"Stowarzyszenie Pomocy nr {number}",
            "participants": rng.randint(15, 60),
            "activity_areas": make.capabilities(),
            "regon": _regon(rng),
        }
    for number in range(counts["cooperative"]):
        slug = f"ss-synt-{number}"
        employees = rng.randint(5, 40)
        capabilities = make.capabilities()
        record = {
            "type": "cooperative",
            "slug": slug,
            "name": f"Spółdzielnia Socjalna „Synteza {number}”",
            "description": make.text(40, 90),
            **make.place(),
            **make.contact(slug),
            "capabilities": capabilities,
            "capacities": [
                {
                    "capability": code,
                    "amount": rng.randint(1, 50) * 20,
                    "unit": rng.choice(UNITS),
                    "per": rng.choice(CapacityPeriod.values),
                }
                for code in capabilities[: rng.randint(0, 2)]
            ],
            "lead_time_days": rng.choice((1, 3, 7, 14)),
            "krs": f"{rng.randint(1, 999_999):010d}",
            "nip": _nip(rng),
            "regon": _regon(rng),
            "founded": make.day(2006, 2025),
            "service_radius_km": rng.choice((20, 50, 80, 150, 300)),
            "employees_total": employees,
            "employees_with_disabilities": rng.randint(0, employees),
            "capacity_note": f"do {rng.randint(1, 50) * 100} {rng.choice(UNITS)} tygodniowo",
            "certifications": rng.sample(sorted(CERTIFICATIONS), k=rng.randint(0, 2)),
            "accepts_orders": rng.random() > 0.1,
            "verified_on": make.day(2024, 2026),
        }
        if rng.random() < 0.4:
            record["workshops"] = [
                f"wtz-synt-{rng.randrange(counts['workshop'])}" for _ in range(rng.randint(1, 2))
            ]
            record["workshops"] = sorted(set(record["workshops"]))
        yield record
    for number in range(counts["partner"]):
        slug = f"firma-synt-{number}"
        yield {
            "type": "partner",
            "slug": slug,
            "name": f"Firma Syntetyczna nr {number} Sp. z o.o.",
            "description": make.text(20, 50),
            **make.place(),
            **make.contact(slug),
            "nip": _nip(rng),
            "sector": rng.choice(SECTORS),
        }
    for number in range(counts["need"]):
        yield {
            "type": "need",
            "slug": f"potrzeba-synt-{number}",
            "partner": f"firma-synt-{rng.randrange(counts['partner'])}",
            "title": make.text(4, 9)[:200],
            "description": make.text(20, 60),
            "capabilities": make.capabilities(2),
            "quantity": f"{rng.randint(1, 50) * 100} {rng.choice(UNITS)}",
            **make.place(),
            "deadline": make.day(2027, 2028),
            "required_certifications": rng.sample(sorted(CERTIFICATIONS), k=rng.randint(0, 1)),
            "status": rng.choice(("open", "open", "closed")),
        }
    for number in range(counts["partnership"]):
        yield {
            "type": "partnership",
            "slug": f"wspolpraca-synt-{number}",
            "cooperative": f"ss-synt-{rng.randrange(counts['cooperative'])}",
            "partner": f"firma-synt-{rng.randrange(counts['partner'])}",
            "local_government": f"Gmina nr {rng.randint(1, 2500)}",
            "started": make.day(2015, 2026),
            "work": make.text(5, 15),
            "capabilities": make.capabilities(2),
            "jobs_created": rng.randint(0, 12),
            "status": rng.choice(("active", "active", "planned", "ended")),
        }


def _demo_words() -> list[str]:
    """The words of the demo directory's descriptions: Polish prose of the right kind."""
    words = []
    for line in DEMO_FILE.read_text(encoding="utf-8").splitlines():
        words += [w.strip(",.;:()„”") for w in json.loads(line).get("description", "").split()]
    return [word for word in words if word.isalpha()] or ["szyjemy", "pakujemy"]


def write_synthetic_file(path: Path, size: int, *, seed: int = 11, shuffle: bool = True) -> int:
    """Write ``size`` synthetic records as JSON Lines to ``path``; return how many.

    Shuffled by default, so references point forwards as often as backwards,
    as in a file exported from another system.
    """
    records = [json.dumps(r, ensure_ascii=False) for r in synthetic_records(size, seed)]
    if shuffle:
        random.Random(seed).shuffle(records)  # noqa: S311
    path.write_text("\n".join(records) + "\n", encoding="utf-8")
    return len(records)


@dataclass
class ImportRun:
    label: str
    records: int
    seconds: float
    peak_rss_mb: float
    exit_code: int
    load_before: float
    load_after: float

    @property
    def per_second(self) -> float:
        return self.records / self.seconds


def _recreate_database(name: str, *, create: bool = True) -> None:
    """Drop the bench database (and make it again, empty), from our own connection."""
    quoted = connection.ops.quote_name(name)
    with connection.cursor() as cursor:
        cursor.execute(f"DROP DATABASE IF EXISTS {quoted} WITH (FORCE)")
        if create:
            cursor.execute(f"CREATE DATABASE {quoted}")


def _database_url(name: str) -> str:
    database = settings.DATABASES["default"]
    password = f":{database['PASSWORD']}" if database["PASSWORD"] else ""
    return f"postgres://{database['USER']}{password}@{database['HOST']}:{database['PORT']}/{name}"


def _run(command: list[str], env: dict, progress) -> tuple[int, float, float]:
    """Run a child process, passing its output on; return (exit code, seconds, peak RSS in
    MiB).

    The peak is the child's own high-water mark (``VmHWM``), read from /proc while it runs:
    the kernel's ``ru_maxrss`` of a child starts from its parent's peak (it survives the
    exec), which here holds a whole generated file.
    """
    started = time.perf_counter()
    child = subprocess.Popen(
        command, cwd=BASE_DIR, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    peak = [0]
    done = threading.Event()
    watcher = threading.Thread(target=_watch_peak, args=(child.pid, peak, done))
    watcher.start()
    for line in child.stdout:
        progress(f"    {line.rstrip()}")
    child.stdout.close()
    child.wait()
    done.set()
    watcher.join()
    return child.returncode, time.perf_counter() - started, peak[0] / 1024


def _watch_peak(pid: int, peak: list[int], done: threading.Event) -> None:
    status = Path(f"/proc/{pid}/status")
    while not done.is_set():
        try:
            for line in status.read_text().splitlines():
                if line.startswith("VmHWM:"):
                    peak[0] = max(peak[0], int(line.split()[1]))  # kB
        except OSError:
            return
        done.wait(0.2)


def measure(label: str, path: Path, records: int, progress=print) -> list[ImportRun]:
    """Import ``path`` into a fresh database of its own, then once more (nothing changed)."""
    name = f"{settings.DATABASES['default']['NAME']}_import_bench"
    env = {
        **os.environ,
        "DATABASE_URL": _database_url(name),
        "ELASTICSEARCH_INDEX_PREFIX": f"{settings.ELASTICSEARCH_INDEX_PREFIX}-import-bench",
        "DJANGO_SETTINGS_MODULE": os.environ.get("DJANGO_SETTINGS_MODULE", "cms.settings.dev"),
    }
    manage = [sys.executable, "manage.py"]
    _recreate_database(name)
    runs = []
    try:
        progress(f"{label}: migrating a fresh database {name}…")
        code, _, _ = _run([*manage, "migrate", "--no-input", "-v", "0"], env, progress)
        if code:
            raise RuntimeError("migrate failed in the bench database")
        for again in (False, True):
            progress(f"{label}: importing {records:,} records{' again' if again else ''}…")
            load_before = os.getloadavg()[0]
            code, seconds, rss = _run([*manage, "import_directory", str(path)], env, progress)
            run_label = f"{label}, again (nothing changed)" if again else label
            runs.append(
                ImportRun(run_label, records, seconds, rss, code, load_before, os.getloadavg()[0])
            )
            if code:
                break
    finally:
        forget = "from search.client import delete_prefixed_indices as d; d()"
        subprocess.run(
            [*manage, "shell", "-c", forget],
            cwd=BASE_DIR,
            env=env,
            check=False,
            capture_output=True,
        )
        _recreate_database(name, create=False)
    return runs


def report(runs: list[ImportRun]) -> str:
    lines = [
        "| file | records | wall time | records/s | peak RSS | load before → after | exit |",
        "|---|---|---|---|---|---|---|",
    ]
    for run in runs:
        minutes, seconds = divmod(run.seconds, 60)
        wall = f"{int(minutes)} min {seconds:.0f} s" if minutes else f"{seconds:.1f} s"
        lines.append(
            f"| {run.label} | {run.records:,} | {wall} | {run.per_second:,.0f} | "
            f"{run.peak_rss_mb:,.0f} MiB | {run.load_before:.1f} → {run.load_after:.1f} | "
            f"{run.exit_code} |"
        )
    return "\n".join(lines)
