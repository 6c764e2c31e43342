"""Search speed on PostgreSQL: 10,000 releases in three languages, with and without the GIN index.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres .venv/bin/python -m benchmarks.search

Builds a throwaway database (``BENCH_DATABASE_NAME``, default ``bench_search``) with the
project's migrations, fills it with generated releases, then times what the list and search
pages do for a query (count + first page of 12, ranked) for a set of queries in each
language. Prints median and p95 with the index and with the indexes dropped (in a rolled-back
transaction), side by side, and the plan of one query. Target: p95 <= 50 ms with the index.
"""

import argparse
import os
import random
import statistics
import sys
import time

from benchmarks._django import setup

setup()

from django.conf import settings  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.utils import timezone  # noqa: E402
from tqdm import tqdm  # noqa: E402

from press.models import Activity, PressRelease  # noqa: E402

LANGUAGES = ("en", "it", "fr")

# Words of the domain in each language, with inflections, so stemming has work to do.
VOCABULARY = {
    "en": """satellite satellites launch launches launched launcher orbit orbital orbiting mission
    missions space spacecraft station module modules exploration explore explored Mars Moon lunar
    Earth observation observe observing constellation constellations telecommunications secure
    defence navigation Galileo signal signals radar payload payloads contract contracts signed
    agency European Europe programme programmes industry industrial partner partners deliver
    delivered delivery antenna antennas instrument instruments climate weather ocean ice
    monitoring scientific science data ground segment operator operators company companies
    build building built design designed test tests testing qualification integration
    successful success milestone milestones team teams engineers technology technologies
    innovation innovative future gateway habitat astronaut astronauts crew cargo propulsion
    electric power solar panel panels thermal structure structures rover lander sample return
    """,
    "it": """satellite satelliti lancio lanci lanciato lanciatore orbita orbitale missione missioni
    spazio spaziale spaziali veicolo stazione modulo moduli esplorazione esplorare Marte Luna
    lunare Terra osservazione osservare costellazione costellazioni telecomunicazioni sicure
    difesa navigazione Galileo segnale segnali radar carico contratto contratti firmato agenzia
    europea europeo Europa programma programmi industria industriale partner consegna
    consegnato antenna antenne strumento strumenti clima meteo oceano ghiaccio monitoraggio
    scientifico scientifica scienza dati segmento terra operatore operatori azienda aziende
    costruire costruito progetto progettato prova prove qualifica integrazione successo
    traguardo traguardi squadra ingegneri tecnologia tecnologie innovazione innovativo futuro
    habitat astronauta astronauti equipaggio propulsione elettrica energia solare pannelli
    termico struttura strutture rover campione ritorno
    """,
    "fr": """satellite satellites lancement lancements lancé lanceur orbite orbital orbitale mission
    missions espace spatial spatiale spatiaux véhicule station module modules exploration
    explorer exploré Mars Lune lunaire Terre observation observer constellation constellations
    télécommunications sécurisées défense navigation Galileo signal signaux radar charge utile
    contrat contrats signé agence européenne européen européens Europe programme programmes
    industrie industriel partenaire partenaires livraison livré antenne antennes instrument
    instruments climat météo océan glace surveillance scientifique science données segment sol
    opérateur opérateurs entreprise entreprises construire construit conception conçu essai
    essais qualification intégration réussite succès étape étapes équipe équipes ingénieurs
    technologie technologies innovation innovant avenir habitat astronaute astronautes équipage
    propulsion électrique énergie solaire panneaux thermique structure structures rover
    échantillon retour
    """,
}
GLUE = {
    "en": "the of and for to with in a on by its",
    "it": "il la di e per con in un una del della",
    "fr": "le la les de et pour avec dans un une du des",
}
QUERIES = {
    "en": ["satellite", "launch", "Mars rover", "signed contract", "lunar gateway habitat",
           "climate monitoring", '"ground segment"', "propulsion", "galileo signals", "xylophone"],
    "it": ["satellite", "lanci", "Marte", "contratto firmato", "stazione lunare",
           "monitoraggio clima", "propulsione elettrica", "esplorazione", "segnali", "xilofono"],
    "fr": ["satellite", "lancement", "Mars", "contrat signé", "station lunaire",
           "surveillance du climat", "propulsion électrique", "européennes", "equipage",
           "xylophone"],
}  # fmt: skip


SYLLABLES = {
    "en": "ar ex pro con ti ver na tion ment al er ing ly ous ri mo de sta",
    "it": "ar pro con ti ve na zio ne men to al re ri mo de sta lo gi",
    "fr": "ar pro con ti ve na tion ment al re ri mo de sta lo gé é",
}


class Writer:
    """Prose with a realistic spread: glue words, a long tail of filler words, and domain
    words clustered in topics (a release about Mars says "Mars" often, others rarely)."""

    def __init__(self, rng, language):
        self.rng = rng
        self.glue = GLUE[language].split()
        domain = VOCABULARY[language].split()
        rng.shuffle(domain)
        self.domain = domain
        self.topics = [domain[i : i + 12] for i in range(0, len(domain), 12)]
        syllables = SYLLABLES[language].split()
        self.filler = list(
            {"".join(rng.choice(syllables) for _ in range(rng.randint(2, 4))) for _ in range(8000)}
        )

    def document(self):
        self.focus = sum(self.rng.sample(self.topics, self.rng.randint(1, 2)), [])
        return self

    def word(self):
        draw = self.rng.random()
        if draw < 0.35:
            return self.rng.choice(self.glue)
        if draw < 0.47:
            pool = self.focus if self.rng.random() < 0.8 else self.domain
            return self.rng.choice(pool)
        # Zipf-like long tail.
        index = min(int(self.rng.paretovariate(0.8)) - 1, len(self.filler) - 1)
        return self.filler[index]

    def sentence(self, words):
        text = " ".join(self.word() for _ in range(words))
        return text[0].upper() + text[1:] + "."


def make_releases(count, seed=7):
    rng = random.Random(seed)
    writers = {code: Writer(rng, code) for code in LANGUAGES}
    activities = list(Activity.objects.all())
    now = timezone.now()
    batch = []
    for number in tqdm(range(count), desc="releases", unit="release"):
        values = {}
        for code in LANGUAGES:
            writer = writers[code].document()
            paragraphs = [
                " ".join(writer.sentence(rng.randint(12, 28)) for _ in range(rng.randint(3, 6)))
                for _ in range(rng.randint(3, 7))
            ]
            values[f"title_{code}"] = writer.sentence(rng.randint(6, 12))[:-1]
            values[f"slug_{code}"] = f"bench-{number}-{code}"
            values[f"description_{code}"] = writer.sentence(rng.randint(18, 30))
            values[f"body_{code}"] = "".join(f"<p>{p}</p>" for p in paragraphs)
        batch.append(
            PressRelease(
                date=now - timezone.timedelta(hours=number * 7),
                publish_at=now - timezone.timedelta(days=1),
                status=PressRelease.Status.PUBLISHED,
                activity=rng.choice(activities),
                **values,
            )
        )
        if len(batch) == 500:
            PressRelease.objects.bulk_create(batch)
            batch = []
    PressRelease.objects.bulk_create(batch)
    with connection.cursor() as cursor:
        # What autovacuum does after a bulk load: statistics, and GIN's pending list merged.
        cursor.execute("VACUUM ANALYZE press_pressrelease")


def site_search(query, language):
    """What a results page costs: the count and the first page of 12, ranked."""
    queryset = PressRelease.objects.published(language).for_listing().search(query, language)
    queryset.count()
    return list(queryset[:12])


def measure(repeats):
    """{language: [ms, ...]} and {(language, query): median ms}."""
    timings = {code: [] for code in LANGUAGES}
    per_query = {}
    for code in LANGUAGES:
        for query in QUERIES[code]:
            site_search(query, code)  # warm caches and plans
            runs = []
            for _ in range(repeats):
                start = time.perf_counter()
                site_search(query, code)
                runs.append((time.perf_counter() - start) * 1000)
            timings[code] += runs
            per_query[code, query] = statistics.median(runs)
    return timings, per_query


def p95(values):
    return statistics.quantiles(values, n=20)[-1]


def drop_indexes():
    with connection.cursor() as cursor:
        for code, _ in settings.LANGUAGES:
            cursor.execute(f"DROP INDEX press_release_search_{code}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--releases", type=int, default=10_000)
    parser.add_argument("--repeats", type=int, default=10)
    parser.add_argument("--keep", action="store_true", help="keep the benchmark database")
    args = parser.parse_args()
    if connection.vendor != "postgresql":
        sys.exit("This benchmark needs PostgreSQL: set DATABASE_URL=postgres://...")

    connection.settings_dict["TEST"]["NAME"] = os.environ.get("BENCH_DATABASE_NAME", "bench_search")
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        started = time.perf_counter()
        make_releases(args.releases)
        print(f"Built {args.releases} releases x {len(LANGUAGES)} languages "
              f"in {time.perf_counter() - started:.0f} s")  # fmt: skip

        with_index, fast_queries = measure(args.repeats)
        with transaction.atomic():
            drop_indexes()
            without_index, slow_queries = measure(args.repeats)
            transaction.set_rollback(True)

        print(f"\n{'query':<36}{'matches':>9}{'GIN median':>12}{'no-index median':>17}")
        for (code, query), fast in fast_queries.items():
            matches = PressRelease.objects.published(code).search(query, code).count()
            print(f"{code + ': ' + query:<36}{matches:>9}{fast:>12.1f}"
                  f"{slow_queries[code, query]:>17.1f}")  # fmt: skip

        queries = sum(len(QUERIES[code]) for code in LANGUAGES)
        print(f"\n{queries} queries x {args.repeats} repeats; one search = count + first page "
              f"of 12 ranked (ms)")  # fmt: skip
        print(f"{'language':<10}{'GIN median':>12}{'GIN p95':>10}{'no-index median':>18}"
              f"{'no-index p95':>14}{'p95 ratio':>11}")  # fmt: skip
        rows = [(code, with_index[code], without_index[code]) for code in LANGUAGES]
        rows.append(("all", sum(with_index.values(), []), sum(without_index.values(), [])))
        for label, fast, slow in rows:
            print(f"{label:<10}{statistics.median(fast):>12.1f}{p95(fast):>10.1f}"
                  f"{statistics.median(slow):>18.1f}{p95(slow):>14.1f}"
                  f"{p95(slow) / p95(fast):>10.1f}x")  # fmt: skip
        verdict = "meets" if p95(rows[-1][1]) <= 50 else "MISSES"
        print(f"\np95 with the index {verdict} the 50 ms target.")

        example = PressRelease.objects.published("fr").for_listing().search("lancement", "fr")
        print("\nEXPLAIN ANALYZE (fr, 'lancement', first page):")
        print(example[:12].explain(analyze=True))
    finally:
        if not args.keep:
            connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
