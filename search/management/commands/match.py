"""``manage.py match TEXT [options] --json``: the matcher on the command line (interfaces.md)."""

import json
import re

from django.core.management.base import BaseCommand, CommandError

from search.client import patient_client
from search.query import MatchRequest, match
from search.sync import UNAVAILABLE


def lat_lon(value: str) -> tuple[float, float]:
    try:
        lat, lon = (float(part) for part in value.split(","))
    except ValueError:
        raise CommandError(f"--near must be LAT,LON, e.g. 52.41,16.93 (got {value!r})") from None
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise CommandError("--near: latitude must be within -90..90 and longitude -180..180")
    return lat, lon


class Command(BaseCommand):
    help = "Match a need's text to cooperatives; --json prints the contract's JSON on stdout."

    def add_arguments(self, parser):
        parser.add_argument("text")
        parser.add_argument("--near", help="LAT,LON of the need")
        parser.add_argument("--radius", type=float, help="only cooperatives within KM of --near")
        parser.add_argument("--capability", action="append", default=[], help="repeatable")
        parser.add_argument("--certification", action="append", default=[], help="repeatable")
        parser.add_argument("--limit", type=int, default=10)
        parser.add_argument("--voivodeship", default="", help="TERYT code, e.g. 30")
        parser.add_argument(
            "--within-service-area",
            action="store_true",
            help="only cooperatives whose own service radius reaches --near",
        )
        parser.add_argument(
            "--reserved-contracts",
            action="store_true",
            help="only cooperatives that may take part in contracts reserved under art. 94 "
            "(30%% or more of employees from the groups the act names)",
        )
        parser.add_argument("--json", action="store_true", help="print JSON only")

    def execute(self, *args, **options):
        # A command, not a web request: no breaker (whose log line would be a second line
        # on stderr); an unreachable cluster is still one line and exit code 2.
        with patient_client():
            return super().execute(*args, **options)

    def handle(self, *args, text, near, radius, capability, certification, limit, **options):
        if not 1 <= limit <= 100:
            raise CommandError("--limit must be between 1 and 100")
        if options["voivodeship"] and not re.fullmatch(r"\d{2}", options["voivodeship"]):
            raise CommandError("--voivodeship must be a two-digit TERYT code, e.g. 30")
        if radius is not None and (radius <= 0 or not near):
            raise CommandError("--radius needs --near and must be more than 0")
        lat, lon = lat_lon(near) if near else (None, None)
        need = MatchRequest(
            text=text,
            lat=lat,
            lon=lon,
            radius_km=radius,
            capabilities=capability,
            certifications=certification,
            limit=limit,
            within_service_area=options["within_service_area"],
            voivodeship=options["voivodeship"],
            reserved_contracts=options["reserved_contracts"],
        )
        try:
            result = match(need)
        except UNAVAILABLE as error:
            self.stderr.write(f"Elasticsearch is unreachable: {str(error)[:200]}")
            raise SystemExit(2) from None
        if options["json"]:
            self.stdout.write(json.dumps(result.as_dict(), ensure_ascii=False))
            return
        self.stdout.write(f"capabilities: {', '.join(result.capabilities) or '-'}")
        for number, item in enumerate(result.results, start=1):
            distance = f"{item.distance_km} km" if item.distance_km is not None else "-"
            why = ", ".join(item.explanation.capabilities + item.explanation.terms)
            reserved = " [art. 94]" if item.reserved_contracts else ""
            self.stdout.write(
                f"{number:>2}. {item.name} ({item.city}, {distance}){reserved} — {why}"
            )
        if not result.results:
            self.stdout.write("no cooperative matches")
