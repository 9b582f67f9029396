#!/usr/bin/env python3
"""Makes the embedded default data set of GlocalNetworks: a small FP7 extract located by city.

Usage:  python3 eng/data/make_default_extract.py [SHARED_DATA_DIR] [OUTPUT_DIR]
        (defaults: ../shared/data beside the repository, and src/GlocalNetworks/Data/Embedded)

Python standard library only; deterministic (same input, byte-identical output).

Selection rule (documented in docs/data.md and NOTICE.md):
  every FP7 project (shared/data/cordis-fp7-sod16) with 3 to 12 distinct participants, all of them geocoded to a
  GeoNames city whose admin-1 division is known (shared/data/gazetteer-geonames), at least two of them in the focal
  city Turin (GeoNames 3165524). All participants of the selected projects are kept, so the extract shows links at
  every scale: Local (two organisations in Turin), Regional (Turin and another city of Piedmont), National (another
  Italian region), Supranational (another European country) and Global (another world region).

Outputs (UTF-8, comma-separated, LF line ends, header row):
  regions.csv     id,name,level,parent,lat,lon  (world > M49 world regions > countries > admin-1 provinces > cities)
  innovators.csv  id,name,kind,region,lat,lon,short_name,country,city,nuts3,geocoding
  events.csv      event,innovator  (one row per participant per project; event = CORDIS project RCN)
  NOTICE.md       attributions and the counts of this extract
The region ids and the locating rules are those of GlocalNetworks.Data.CordisFp7.Load; the kinds come from the
keyword rule of GlocalNetworks.Data.InnovatorKindRule, mirrored below (a C# test checks that the two agree).
"""
import csv
import os
import sys

FOCAL_GEONAMEID = "3165524"  # Turin (Torino), Piedmont, Italy
MIN_PARTICIPANTS = 3
MAX_PARTICIPANTS = 12
CORDIS_TO_ISO = {"EL": "GR", "UK": "GB", "KO": "XK"}

# ---- the keyword rule of InnovatorKindRule (keep in step with src/GlocalNetworks/Data/InnovatorKindRule.cs) ----
UNIVERSITY_STEMS = ["UNIVERSIT", "UNIVERSID", "UNIVERZ", "UNIWERSYTET", "HOCHSCHULE", "POLITECNIC", "POLYTECHN", "POLITEHNIC",
                    "POLITECHNIK", "HOGESCHOOL", "HOGSKOL", "HOEGSKOL", "HÖGSKOL", "HØGSKOL", "KORKEAKOULU", "YLIOPISTO",
                    "EGYETEM", "PANEPISTIM", "SVEUCILIST", "ULIKOOL", "VYSOKE UCENI"]
UNIVERSITY_WORDS = ["COLLEGE", "ECOLE", "ÉCOLE", "SCHOOL", "SCUOLA", "ESCUELA", "ESCOLA", "ESKOLA", "FACULTY",
                    "INSTITUTE OF TECHNOLOGY", "INSTITUT FUR TECHNOLOGIE", "INSTITUT FUER TECHNOLOGIE", "INSTITUTO SUPERIOR",
                    "INSTITUTET", "EDUCATIONAL INSTITUTE"]
RESEARCH_STEMS = ["INSTITUT", "INSTYTUT", "ISTITUTO", "FRAUNHOFER", "FORSCHUNGSZENTRUM", "HELMHOLTZ", "OBSERVATOR"]
RESEARCH_WORDS = ["CNRS", "INRIA", "INSERM", "INRA", "CSIC", "TNO", "VTT", "SINTEF", "ENEA", "CERN", "MAX PLANCK",
                  "CENTRE NATIONAL DE LA RECHERCHE", "CONSIGLIO NAZIONALE DELLE RICERCHE", "CONSEJO SUPERIOR DE INVESTIGACIONES",
                  "ENERGIE ATOMIQUE", "ACADEMY OF SCIENCES", "ACADEMY OF SCIENCE", "AKADEMIE DER WISSENSCHAFTEN",
                  "RESEARCH CENTRE", "RESEARCH CENTER", "RESEARCH COUNCIL"]
FIRM_WORDS = ["GMBH", "MBH", "AG", "KG", "KGAA", "OHG", "UG", "LTD", "LIMITED", "PLC", "LLP", "LLC", "INC", "INCORPORATED",
              "CORP", "CORPORATION", "CO", "COMPANY", "SPA", "SRL", "SCARL", "SNC", "SAS", "SARL", "SA", "SAU", "SL", "SLU",
              "BV", "NV", "BVBA", "CVBA", "SPRL", "SCRL", "OY", "OYJ", "AB", "AS", "ASA", "APS", "AE", "EPE", "IKE",
              "SP Z OO", "SRO", "DOO", "KFT", "ZRT", "NYRT", "OU", "OÜ", "UAB", "SIA", "AD", "EOOD", "OOD", "EAD", "SE",
              "LDA", "PTY", "KK"]
GOVERNMENT_STEMS = ["MINISTER", "MUNICIPA", "GEMEENTE", "KOMMUN", "AGENC", "AGENZIA", "BUNDESAMT", "LANDESAMT",
                    "AYUNTAMIENTO", "GOBIERNO"]
GOVERNMENT_WORDS = ["MINISTRY", "MINISTÈRE", "MINISTERE", "COMUNE", "CITY OF", "CITY COUNCIL", "COUNTY COUNCIL", "GOVERNMENT",
                    "GOUVERNEMENT", "REGIONE", "AUTHORITY", "DEPARTMENT OF", "PREFECTURE", "MAIRIE", "DIPUTACION",
                    "CONSEJERIA", "EUROPEAN COMMISSION", "PROVINCIE", "PROVINCIA", "METROPOLE", "COMMUNAUTE D AGGLOMERATION"]
INTERMEDIARY_STEMS = ["VERBAND", "VEREIN", "KAMMER", "ASSOCIA", "ASOCIACI"]
INTERMEDIARY_WORDS = ["CHAMBER", "CHAMBRE", "CAMERA DI COMMERCIO", "FEDERATION", "FEDERAZIONE", "FEDERACION", "CLUSTER"]
WEAK_RESEARCH_STEMS = ["RESEARCH", "FORSCHUNG", "RECHERCHE", "RICERC", "INVESTIGACI", "ONDERZOEK", "LABORATOR", "TUTKIMUS",
                       "FORSKNING", "EREVN", "KUTATO", "ARASTIRMA"]


def normalise(name):
    """Upper-case each character (one to one), drop '.' and '/', other non-alphanumerics become one space; padded."""
    out = []
    for ch in name:
        if ch in "./":
            continue
        up = ch.upper()
        if len(up) != 1:
            up = ch
        if up.isalnum():
            out.append(up)
        elif out and out[-1] != " ":
            out.append(" ")
        elif not out:
            out.append(" ")
    s = "".join(out).strip(" ")
    return " " + s + " " if s else " "


def _has(s, stems, words):
    return any(x in s for x in stems) or any(" " + w + " " in s for w in words)


def infer_kind(name):
    s = normalise(name)
    if _has(s, UNIVERSITY_STEMS, UNIVERSITY_WORDS):
        return "university"
    if _has(s, RESEARCH_STEMS, RESEARCH_WORDS):
        return "research-institute"
    if _has(s, [], FIRM_WORDS):
        return "firm"
    if _has(s, GOVERNMENT_STEMS, GOVERNMENT_WORDS):
        return "government"
    if _has(s, INTERMEDIARY_STEMS, INTERMEDIARY_WORDS):
        return "intermediary"
    if _has(s, WEAK_RESEARCH_STEMS, []):
        return "research-institute"
    return "other"


# ---- reading ----
def read(path):
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def iso(code):
    code = code.strip().upper()
    return CORDIS_TO_ISO.get(code, code)


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    repo = os.path.dirname(os.path.dirname(here))
    data = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(repo), "shared", "data")
    out = sys.argv[2] if len(sys.argv) > 2 else os.path.join(repo, "src", "GlocalNetworks", "Data", "Embedded")

    countries = {}
    world_regions = {}
    for r in read(os.path.join(data, "regions", "countries-iso3166-m49.csv")):
        parent = "world"
        if r["region-code"]:
            wr = "m49:" + r["region-code"]
            world_regions[wr] = r["region"]
            parent = wr
        countries[r["alpha-2"]] = (r["name"], parent)
    if "XK" not in countries:
        countries["XK"] = ("Kosovo", "m49:150")
    points = {}
    for r in read(os.path.join(data, "country-centroids", "countries.csv")):
        if r["popw_lat"]:
            points[r["alpha2"]] = (r["popw_lat"], r["popw_lon"])
        elif r["capital_lat"]:
            points[r["alpha2"]] = (r["capital_lat"], r["capital_lon"])
    admin1 = {r["admin1_id"]: r["name"] for r in read(os.path.join(data, "gazetteer-geonames", "admin1.csv"))}
    matches = {(r["country"], r["city"]): r for r in read(os.path.join(data, "gazetteer-geonames", "fp7-city-matches.csv"))}
    orgs = {o["org_id"]: o for o in read(os.path.join(data, "cordis-fp7-sod16", "organisations.csv"))}

    # Locate each organisation by city (CordisFp7.Load's rule), keeping only those with a known admin-1 division.
    located = {}
    for oid, o in orgs.items():
        m = matches.get((o["country"], o["city"]))
        if not m or not m["geonameid"]:
            continue
        cc = iso(o["country"])
        province = cc + "." + m["admin1_code"]
        if not m["admin1_code"] or province not in admin1 or cc not in countries:
            continue
        located[oid] = {"city": "geonames:" + m["geonameid"], "geonameid": m["geonameid"], "province": "admin1:" + province,
                        "province_name": admin1[province], "country": cc, "match": m}

    events = {}
    for p in read(os.path.join(data, "cordis-fp7-sod16", "participations.csv")):
        events.setdefault(p["project_rcn"], set()).add(p["org_id"])

    selected = []
    for rcn in sorted(events, key=int):
        members = events[rcn]
        if not (MIN_PARTICIPANTS <= len(members) <= MAX_PARTICIPANTS):
            continue
        if not all(m in located for m in members):
            continue
        if sum(1 for m in members if located[m]["geonameid"] == FOCAL_GEONAMEID) < 2:
            continue
        selected.append(rcn)

    chosen = sorted({m for rcn in selected for m in events[rcn]})

    # Regions: world > world regions > countries > provinces > cities (only those needed).
    need_cities, need_provinces, need_countries = {}, {}, set()
    for oid in chosen:
        loc = located[oid]
        need_cities[loc["geonameid"]] = loc
        need_provinces[loc["province"]] = loc
        need_countries.add(loc["country"])
    need_world_regions = {countries[c][1] for c in need_countries if countries[c][1] != "world"}

    os.makedirs(out, exist_ok=True)
    with open(os.path.join(out, "regions.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["id", "name", "level", "parent", "lat", "lon"])
        w.writerow(["world", "World", "world", "", "", ""])
        for wr in sorted(need_world_regions):
            w.writerow([wr, world_regions[wr], "world-region", "world", "", ""])
        for c in sorted(need_countries):
            lat, lon = points.get(c, ("", ""))
            w.writerow([c, countries[c][0], "country", countries[c][1], lat, lon])
        for pid in sorted(need_provinces):
            loc = need_provinces[pid]
            w.writerow([pid, loc["province_name"], "province", loc["country"], "", ""])
        for gid in sorted(need_cities, key=int):
            loc = need_cities[gid]
            m = loc["match"]
            w.writerow([loc["city"], m["gazetteer_name"], "city", loc["province"], m["lat"], m["lon"]])

    kinds = {}
    with open(os.path.join(out, "innovators.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["id", "name", "kind", "region", "lat", "lon", "short_name", "country", "city", "nuts3", "geocoding"])
        for oid in chosen:
            o, loc = orgs[oid], located[oid]
            kind = infer_kind(o["name"])
            kinds[kind] = kinds.get(kind, 0) + 1
            w.writerow([oid, o["name"], kind, loc["city"], loc["match"]["lat"], loc["match"]["lon"], o["short_name"],
                        o["country"], o["city"], o["nuts3"], loc["match"]["match"]])

    rows = 0
    with open(os.path.join(out, "events.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["event", "innovator"])
        for rcn in selected:
            for m in sorted(events[rcn]):
                w.writerow([rcn, m])
                rows += 1

    # Scale of each projected link (LCA on the tree above), to check that every scale occurs.
    def chain(oid):
        loc = located[oid]
        cc = loc["country"]
        return [loc["city"], loc["province"], cc, countries[cc][1], "world"]

    scales = ["Local", "Regional", "National", "Supranational", "Global"]
    counts = dict.fromkeys(scales, 0)
    for rcn in selected:
        members = sorted(events[rcn])
        for i in range(len(members)):
            for j in range(i + 1, len(members)):
                a, b = chain(members[i]), chain(members[j])
                level = next(k for k in range(5) if a[k] == b[k])
                counts[scales[level]] += 1
    links = sum(counts.values())
    missing = [s for s in scales if counts[s] == 0]
    if missing:
        sys.exit("The extract lacks links at scale(s): " + ", ".join(missing))

    region_count = 1 + len(need_world_regions) + len(need_countries) + len(need_provinces) + len(need_cities)
    summary = {
        "projects": len(selected), "innovators": len(chosen), "participations": rows, "links": links,
        "regions": region_count, "cities": len(need_cities), "provinces": len(need_provinces),
        "countries": len(need_countries), "world regions": len(need_world_regions),
    }
    write_notice(os.path.join(out, "NOTICE.md"), summary, counts, kinds)
    print(" ".join(f"{k}={v}" for k, v in summary.items()))
    print("links by scale: " + ", ".join(f"{s} {counts[s]}" for s in scales))
    print("kinds: " + ", ".join(f"{k} {kinds[k]}" for k in sorted(kinds)))


def write_notice(path, s, counts, kinds):
    text = f"""# GlocalNetworks default data set: notice and attributions

The embedded default data set (`regions.csv`, `innovators.csv`, `events.csv`, read by
`GlocalNetworks.Data.DefaultDataSet.Load()`) is a small extract of the CORDIS FP7 participation network, located by
city. It was made by `eng/data/make_default_extract.py` (Python standard library only, deterministic) with this rule:
every FP7 project with {MIN_PARTICIPANTS} to {MAX_PARTICIPANTS} distinct participants, all geocoded to a GeoNames city whose admin-1
division is known, at least two of them in Turin (GeoNames {FOCAL_GEONAMEID}); all participants of those projects are kept.

Contents: {s['projects']} projects, {s['innovators']} organisations, {s['participations']} participations, {s['links']} co-participation
links when projected with full counting; {s['regions']} regions (world, {s['world regions']} world regions, {s['countries']} countries,
{s['provinces']} provinces, {s['cities']} cities). Links by scale (default ladder): Local {counts['Local']}, Regional {counts['Regional']},
National {counts['National']}, Supranational {counts['Supranational']}, Global {counts['Global']}. FP7 has no project years: the
links are undated. Innovator kinds are inferred from the names by the keyword rule of
`GlocalNetworks.Data.InnovatorKindRule` ({', '.join(f'{k} {kinds[k]}' for k in sorted(kinds))}); they are a heuristic,
not CORDIS activity types.

## Sources and licences

- **CORDIS FP7 projects and organisations** (organisation names, cities, countries, NUTS codes, project record
  numbers): "Source: CORDIS, © European Union, 2016", licensed under CC BY 4.0
  (https://creativecommons.org/licenses/by/4.0/). EU open data, Commission Decision 2011/833/EU. Taken from the tables
  `fp7org_sod16.csv` and `fp7edges_sod16.csv` of the #SOD16 hackathon repository
  `spaghetti-open-data/eu-research-funding-network` (MIT licence, © 2016 Spaghetti Open Data), which cleaned the
  CORDIS export. The extract selects rows and columns; names are as published (including characters mangled in the
  2016 export).
- **GeoNames** (city names, city coordinates, admin-1 province names, and the country points, which are the
  population-weighted centres of each country's GeoNames places): "GeoNames, geonames.org", licensed under CC BY 4.0.
  The FP7 (country, city) geocoding was made for this project from the GeoNames cities1000 dump (2020-03-18).
- **ISO 3166-1 countries with UN M49 regions** (country names, world regions): "ISO-3166-Countries-with-Regional-Codes"
  by Luke Duncalfe (lukes), licensed under CC BY-SA 4.0 (https://creativecommons.org/licenses/by-sa/4.0/). Kosovo (XK)
  is added under Europe. The region rows derived from this table are shared under the same licence.

The library's code is MIT-licensed; these data files keep the licences above.
"""
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


if __name__ == "__main__":
    main()
