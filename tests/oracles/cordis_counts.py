#!/usr/bin/env python3
"""Independent recount of the real data sets that GlocalNetworks.Data loads, for the loader tests.

Usage:  python3 tests/oracles/cordis_counts.py [SHARED_DATA_DIR]
        (default: ../shared/data beside the repository; override with GLOCAL_SHARED_DATA)
Writes: tests/GlocalNetworks.Tests/Fixtures/hand/cordis-counts.json

Python standard library only (csv module; every cell read as text, so Namibia's "NA" stays "NA"). The location rules
are re-implemented here from their specification (docs/data.md), not from the C# code:
  - country codes: EL->GR, UK->GB, KO->XK; Kosovo added under Europe (m49:150); Antarctica under the world root;
  - FP7 by city: (country, city) exactly as in organisations.csv looked up in fp7-city-matches.csv; a matched place
    is region geonames:<id> under admin1:<CC.code> when that code is in admin1.csv, else under its country; otherwise
    the organisation sits in its country; with no country, the country of its NUTS code; with neither, the world root;
  - FP7 by NUTS: a 5-character code found in NUTS 2021 is its region; a 3-4 character code found is its region; else
    the longest prefix of length 4, then 3, found in NUTS 2021; else the code's country; a 2-character code is the
    country; no code: the organisation's country (else the world root);
  - projects are events; each distinct pair of distinct participants is one link (full counting);
  - kinds_by_python_rule counts FP7 names by the Python mirror of the keyword rule (eng/data/make_default_extract.py);
  - a link's scale is that of the level of the lowest common ancestor of its ends' regions; it is resolution-limited
    when that ancestor is one end's own region and that region is not at the finest level.
"""
import csv
import json
import os
import sys
from collections import Counter, defaultdict

ISO = {"EL": "GR", "UK": "GB", "KO": "XK"}


def iso(code):
    code = code.strip().upper()
    return ISO.get(code, code)


def read(path):
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


class Tree:
    def __init__(self, finest):
        self.parent, self.level, self.finest = {}, {}, finest

    def add(self, rid, level, parent):
        self.parent[rid], self.level[rid] = parent, level

    def chain(self, rid):
        out = []
        while rid is not None:
            out.append(rid)
            rid = self.parent[rid]
        return out


def world_tree(data, finest):
    t = Tree(finest)
    t.add("world", "world", None)
    rows = read(os.path.join(data, "regions", "countries-iso3166-m49.csv"))
    for r in rows:
        if r["region-code"]:
            t.add("m49:" + r["region-code"], "world-region", "world")
    for r in rows:
        t.add(r["alpha-2"], "country", "m49:" + r["region-code"] if r["region-code"] else "world")
    if "XK" not in t.parent:
        t.add("XK", "country", "m49:150")
    return t, rows


def project(events, home, tree, scale_of):
    links, singles, dup = 0, 0, 0
    scales, limited = Counter(), 0
    chains = {}
    for rcn, members in events.items():
        uniq = sorted(set(members))
        dup += len(members) - len(uniq)
        if len(uniq) < 2:
            singles += 1
            continue
        for o in uniq:
            if o not in chains:
                c = tree.chain(home[o])
                chains[o] = (c, set(c))
        for i in range(len(uniq)):
            ca, sa = chains[uniq[i]]
            for j in range(i + 1, len(uniq)):
                cb, sb = chains[uniq[j]]
                lca = next(x for x in ca if x in sb)
                links += 1
                scales[scale_of[tree.level[lca]]] += 1
                if (lca == ca[0] or lca == cb[0]) and tree.level[lca] != tree.finest:
                    limited += 1
    return {"links": links, "events_single": singles, "duplicate_participations": dup,
            "events_projected": sum(1 for m in events.values() if len(set(m)) >= 2),
            "links_by_scale": {s: scales[s] for s in ["Local", "Regional", "National", "Supranational", "Global"]},
            "links_resolution_limited": limited}


def level_counts(home, tree, levels):
    c = Counter(tree.level[h] for h in home.values())
    return {lv: c[lv] for lv in levels}


def fp7(data):
    orgs = read(os.path.join(data, "cordis-fp7-sod16", "organisations.csv"))
    parts = read(os.path.join(data, "cordis-fp7-sod16", "participations.csv"))
    events = defaultdict(list)
    for p in parts:
        events[p["project_rcn"]].append(p["org_id"])
    admin1 = {r["admin1_id"] for r in read(os.path.join(data, "gazetteer-geonames", "admin1.csv"))}
    matches = read(os.path.join(data, "gazetteer-geonames", "fp7-city-matches.csv"))
    nuts = read(os.path.join(data, "regions", "nuts2021.csv"))
    out = {"organisations": len(orgs), "participations": len(parts), "events": len(events)}

    # ---- by city ----
    t, _ = world_tree(data, "city")
    match = {}
    provinces, cities, under_country = set(), set(), 0
    for m in matches:
        match[(m["country"], m["city"])] = m
        if not m["geonameid"]:
            continue
        cid = "geonames:" + m["geonameid"]
        if cid in t.parent:
            continue
        cc = iso(m["country"])
        a1 = cc + "." + m["admin1_code"]
        parent = cc
        if m["admin1_code"] and a1 in admin1:
            parent = "admin1:" + a1
            if parent not in t.parent:
                t.add(parent, "province", cc)
                provinces.add(parent)
        else:
            under_country += 1
        t.add(cid, "city", parent)
        cities.add(cid)
    home, how = {}, Counter()
    unmatched_pairs = set()
    for o in orgs:
        cc = iso(o["country"])
        if not cc and len(o["nuts3"]) >= 2 and iso(o["nuts3"][:2]) in t.parent:
            cc = iso(o["nuts3"][:2])
            how["country_from_nuts"] += 1
        m = match.get((o["country"], o["city"]))
        if m and m["geonameid"]:
            home[o["org_id"]] = "geonames:" + m["geonameid"]
            how["by_city"] += 1
        elif cc:
            home[o["org_id"]] = cc
            if not o["city"]:
                how["no_city"] += 1
            elif o["country"]:
                how["unmatched_city"] += 1
                unmatched_pairs.add((o["country"], o["city"]))
        else:
            home[o["org_id"]] = "world"
            how["world_root"] += 1
    scale_of = {"city": "Local", "province": "Regional", "country": "National", "world-region": "Supranational", "world": "Global"}
    out["city"] = {
        "regions": len(t.parent), "province_regions": len(provinces), "city_regions": len(cities),
        "cities_under_country": under_country,
        "located_by_city": how["by_city"], "unmatched_city": how["unmatched_city"], "unmatched_pairs": len(unmatched_pairs),
        "no_city": how["no_city"], "country_from_nuts": how["country_from_nuts"], "world_root": how["world_root"],
        "innovators_by_level": level_counts(home, t, ["city", "province", "country", "world-region", "world"]),
    }
    out["city"].update(project(events, home, t, scale_of))
    city_home = home

    # ---- by NUTS ----
    t, _ = world_tree(data, "nuts3")
    lv_name = {"1": "nuts1", "2": "nuts2", "3": "nuts3"}
    for r in nuts:
        if r["level"] != "0":
            t.add(r["nuts_id"], lv_name[r["level"]], iso(r["parent_id"]) if r["level"] == "1" else r["parent_id"])
    home, how = {}, Counter()
    for o in orgs:
        cc = iso(o["country"])
        code = o["nuts3"].strip().upper()
        if not cc and len(code) >= 2 and iso(code[:2]) in t.parent:
            cc = iso(code[:2])
        if len(code) < 2:
            home[o["org_id"]] = cc or "world"
            how["no_code"] += 1
        elif len(code) == 2:
            home[o["org_id"]] = iso(code)
            how["country_only_code"] += 1
        elif code in t.parent:
            home[o["org_id"]] = code
            how["exact5" if len(code) == 5 else "coarse_code"] += 1
        elif code[:4] in t.parent and len(code) > 4:
            home[o["org_id"]] = code[:4]
            how["to_nuts2"] += 1
        elif code[:3] in t.parent and len(code) > 3:
            home[o["org_id"]] = code[:3]
            how["to_nuts1"] += 1
        else:
            home[o["org_id"]] = iso(code[:2])
            how["to_country"] += 1
        if cc and len(code) >= 2 and iso(code[:2]) != cc:
            how["conflicts"] += 1
    scale_of = {"nuts3": "Local", "nuts2": "Regional", "nuts1": "Regional", "country": "National",
                "world-region": "Supranational", "world": "Global"}
    out["nuts"] = {
        "regions": len(t.parent), "nuts_regions": sum(1 for r in nuts if r["level"] != "0"),
        "exact_nuts3": how["exact5"], "coarse_code": how["coarse_code"], "to_nuts2": how["to_nuts2"],
        "to_nuts1": how["to_nuts1"], "to_country": how["to_country"], "country_only_code": how["country_only_code"],
        "no_code": how["no_code"], "conflicts": how["conflicts"],
        "innovators_by_level": level_counts(home, t, ["nuts3", "nuts2", "nuts1", "country", "world-region", "world"]),
    }
    out["nuts"].update(project(events, home, t, scale_of))

    # ---- a few known organisations (chosen by rule, ties by id) ----
    npart = Counter(p["org_id"] for p in parts)
    by_id = {o["org_id"]: o for o in orgs}

    def top(pred):
        cands = [o for o in orgs if pred(o)]
        o = min(cands, key=lambda x: (-npart[x["org_id"]], x["org_id"]))
        return {"id": o["org_id"], "name": o["name"], "city_region": city_home[o["org_id"]], "nuts_region": home[o["org_id"]]}

    out["known"] = [
        top(lambda o: True),                                           # the most active organisation
        top(lambda o: o["country"] == "EL"),                           # Greece coded EL
        top(lambda o: o["country"] == "GR" and o["nuts3"].startswith("EL")),  # Greece coded GR with an EL NUTS code
        top(lambda o: o["country"] == "IT" and o["city"] == "TORINO"),  # Turin
        top(lambda o: len(o["nuts3"]) == 5 and o["nuts3"] not in t.parent and o["nuts3"][:4] in t.parent),  # NUTS-2 fallback
        top(lambda o: city_home[o["org_id"]] == iso(o["country"]) and o["city"] != ""),  # unmatched city
        top(lambda o: city_home[o["org_id"]] == "world"),              # no country
        top(lambda o: iso(o["country"]) == "XK"),                      # Kosovo
    ]
    assert all(k["id"] in by_id for k in out["known"])
    out["kinds_by_python_rule"] = dict(sorted(Counter(infer_kind(o["name"]) for o in orgs).items()))
    return out


def infer_kind(name):
    """The Python mirror of InnovatorKindRule, from eng/data/make_default_extract.py (checks the mirror on every FP7 name)."""
    return _RULE.infer_kind(name)


sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))), "eng", "data"))
sys.dont_write_bytecode = True
import make_default_extract as _RULE  # noqa: E402


def h2020(data):
    orgs = read(os.path.join(data, "cordis-h2020-sod16", "organisations.csv"))
    parts = read(os.path.join(data, "cordis-h2020-sod16", "participations.csv"))
    projects = read(os.path.join(data, "cordis-h2020-sod16", "projects.csv"))
    t, _ = world_tree(data, "city")
    home = {o["org_id"]: (iso(o["country"]) or "world") for o in orgs}
    start = {p["project_rcn"]: p["start_date"][:4] for p in projects}
    events = defaultdict(list)
    for p in parts:
        events[p["project_rcn"]].append(p["org_id"])
    scale_of = {"city": "Local", "province": "Regional", "country": "National", "world-region": "Supranational", "world": "Global"}
    out = {"organisations": len(orgs), "participations": len(parts), "projects": len(projects), "events": len(events),
           "projects_without_start": sum(1 for p in projects if not p["start_date"]),
           "projects_end_without_start": sum(1 for p in projects if not p["start_date"] and p["end_date"]),
           "innovators_by_level": level_counts(home, t, ["city", "province", "country", "world-region", "world"])}
    out.update(project(events, home, t, scale_of))
    by_year = Counter()
    for rcn, members in events.items():
        n = len(set(members))
        by_year[start.get(rcn) or "undated"] += n * (n - 1) // 2
    out["links_by_start_year"] = dict(sorted(by_year.items()))
    return out


def china(data):
    rows = read(os.path.join(data, "china-divisions", "divisions.csv"))
    lv = Counter(r["level"] for r in rows)
    seat = Counter(r["level"] for r in rows if r["seat_lat"])
    return {"rows": len(rows), "provinces": lv["1"], "prefectures": lv["2"], "counties": lv["3"],
            "tree_regions": len(rows) + 3,
            "provinces_with_seat": seat["1"], "prefectures_with_seat": seat["2"], "counties_with_seat": seat["3"],
            "beijing": next(r["name_zh"] for r in rows if r["code"] == "110000"),
            "dongcheng": next(r["name_zh"] for r in rows if r["code"] == "110101")}


def world(data):
    t, rows = world_tree(data, "country")
    return {"countries": sum(1 for v in t.level.values() if v == "country"),
            "world_regions": sum(1 for v in t.level.values() if v == "world-region"),
            "table_rows": len(rows),
            "namibia": next(r["name"] for r in rows if r["alpha-2"] == "NA"),
            "antarctica_parent": t.parent["AQ"], "kosovo_parent": t.parent["XK"]}


def default_extract(repo):
    d = os.path.join(repo, "src", "GlocalNetworks", "Data", "Embedded")
    regions = read(os.path.join(d, "regions.csv"))
    inn = read(os.path.join(d, "innovators.csv"))
    ev = read(os.path.join(d, "events.csv"))
    t = Tree("city")
    for r in regions:
        t.add(r["id"], r["level"], r["parent"] or None)
    home = {i["id"]: i["region"] for i in inn}
    events = defaultdict(list)
    for e in ev:
        events[e["event"]].append(e["innovator"])
    scale_of = {"city": "Local", "province": "Regional", "country": "National", "world-region": "Supranational", "world": "Global"}
    out = {"regions": len(regions), "innovators": len(inn), "participations": len(ev), "events": len(events),
           "kinds": dict(sorted(Counter(i["kind"] for i in inn).items()))}
    out.update(project(events, home, t, scale_of))
    return out


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    repo = os.path.dirname(os.path.dirname(here))
    data = (sys.argv[1] if len(sys.argv) > 1 else os.environ.get("GLOCAL_SHARED_DATA")
            or os.path.join(os.path.dirname(repo), "shared", "data"))
    result = {
        "generator": "tests/oracles/cordis_counts.py",
        "oracle": "python csv module (independent recount)",
        "python": sys.version.split()[0],
        "input": "shared/data: cordis-fp7-sod16, cordis-h2020-sod16, gazetteer-geonames (admin1, fp7-city-matches), "
                 "regions (countries-iso3166-m49, nuts2021), china-divisions; src/GlocalNetworks/Data/Embedded",
        "tolerance": "exact (counts)",
        "world": world(data),
        "fp7": fp7(data),
        "h2020": h2020(data),
        "china": china(data),
        "default_extract": default_extract(repo),
    }
    path = os.path.join(repo, "tests", "GlocalNetworks.Tests", "Fixtures", "hand", "cordis-counts.json")
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        json.dump(result, f, ensure_ascii=False, indent=2)
        f.write("\n")
    print("wrote " + path)


if __name__ == "__main__":
    main()
