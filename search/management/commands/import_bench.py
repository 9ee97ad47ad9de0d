"""``manage.py import_bench [--sizes N …]``: how fast the directory import runs (make import-bench).

``--generate N FILE`` only writes a synthetic directory of N records to FILE.
"""

import tempfile
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from search.measure.import_rate import DEMO_FILE, measure, report, write_synthetic_file


class Command(BaseCommand):
    help = (
        "Import synthetic directories of the given sizes, and the demo file, each into a fresh "
        "database of its own; print records/s and peak memory."
    )

    def add_arguments(self, parser):
        parser.add_argument("--sizes", type=int, nargs="+", default=[1_000, 10_000, 100_000])
        parser.add_argument(
            "--generate",
            nargs=2,
            metavar=("N", "FILE"),
            help="only write a synthetic directory of N records to FILE (JSON Lines)",
        )

    def handle(self, *args, sizes, generate, **options):
        if generate:
            size, target = generate
            if not size.isdigit() or not 10 <= int(size) <= 1_000_000:
                raise CommandError("N must be a number from 10 to 1,000,000")
            count = write_synthetic_file(Path(target), int(size))
            self.stdout.write(f"{count:,} records written to {target}")
            return
        if any(size < 100 or size > 1_000_000 for size in sizes):
            raise CommandError("each size must be between 100 and 1,000,000")
        runs = []
        with tempfile.TemporaryDirectory() as folder:
            demo_records = sum(1 for line in DEMO_FILE.open(encoding="utf-8") if line.strip())
            runs += measure("demo file", DEMO_FILE, demo_records, progress=self.stderr.write)
            for size in sizes:
                path = Path(folder) / f"directory-{size}.jsonl"
                count = write_synthetic_file(path, size)
                runs += measure(f"synthetic {size:,}", path, count, progress=self.stderr.write)
        self.stdout.write(report(runs))
