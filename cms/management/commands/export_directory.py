"""``manage.py export_directory FILE [--csv KIND]``: the directory in the import format, or CSV."""

from django.core.management.base import BaseCommand, CommandError

from cms.exchange.exporter import CSV_COLUMNS, write_csv, write_jsonl


class Command(BaseCommand):
    help = (
        "Write every live workshop, cooperative, partner, need and partnership as JSON Lines "
        "in the import format (import_directory reads it back), or one catalogue as CSV."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="where to write; - for standard output")
        parser.add_argument(
            "--csv", choices=sorted(CSV_COLUMNS), help="write this catalogue as CSV instead"
        )

    def handle(self, *args, file, csv, **options):
        try:
            out = self.stdout if file == "-" else open(file, "w", encoding="utf-8", newline="")  # noqa: SIM115
        except OSError as exc:
            raise CommandError(f"cannot write {file}: {exc.strerror}") from None
        try:
            count = write_csv(csv, out) if csv else write_jsonl(out)
        finally:
            if out is not self.stdout:
                out.close()
        if file != "-":
            self.stdout.write(f"{count} record(s) written to {file}")
