"""Independent haversine distances for DistanceScaleClassifierTests.

Run: python3 tests/oracles/haversine_check.py
Uses only the standard library (math). R = 6371.0088 km, the IUGG mean radius R1
(DESIGN 2.1). The printed values are pasted into
tests/GlocalNetworks.Tests/Scales/DistanceScaleClassifierTests.cs with a +-1 km tolerance.
The coordinates are the ones TinyNetworks gives the city regions (WGS84 degrees);
Garching is an innovator's own location (no region of its own); DE is Germany's centroid,
which stands in for regions without one (Bavaria, Saxony).
"""
import math

R_KM = 6371.0088

POINTS = {
    "Munich": (48.1374, 11.5755),
    "Nuremberg": (49.4521, 11.0767),
    "Dresden": (51.0504, 13.7373),
    "Berlin": (52.5200, 13.4050),
    "Paris": (48.8566, 2.3522),
    "NewYork": (40.7128, -74.0060),
    "Tokyo": (35.6762, 139.6503),
    "Rome": (41.9028, 12.4964),
    "Garching": (48.2490, 11.6510),
    "DE": (51.1657, 10.4515),
}

PAIRS = [
    ("Munich", "Garching"),
    ("Munich", "Nuremberg"),
    ("Munich", "Dresden"),
    ("Dresden", "Berlin"),
    ("Berlin", "Paris"),
    ("Munich", "Paris"),
    ("Paris", "NewYork"),
    ("Berlin", "Tokyo"),
    ("Berlin", "Rome"),
    ("DE", "Munich"),
    ("DE", "Berlin"),
]


def haversine_km(p, q):
    lat1, lon1 = map(math.radians, p)
    lat2, lon2 = map(math.radians, q)
    a = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * R_KM * math.asin(math.sqrt(a))


if __name__ == "__main__":
    for a, b in PAIRS:
        print(f"{a}-{b}: {haversine_km(POINTS[a], POINTS[b]):.3f} km")
