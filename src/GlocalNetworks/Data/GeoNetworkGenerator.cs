using System;
using System.Collections.Generic;
using System.Globalization;
using GlocalNetworks.IO;
using GlocalNetworks.Kernels;
using GlocalNetworks.Model;

namespace GlocalNetworks.Data;

/// <summary>Defaults of <see cref="GeoNetworkOptions"/>.</summary>
public static class GeoNetworkDefaults
{
    /// <summary>The default number of links: 100,000.</summary>
    public const int Links = 100_000;

    /// <summary>The default number of innovators: 10,000.</summary>
    public const int Innovators = 10_000;

    /// <summary>The default number of world regions: 6.</summary>
    public const int WorldRegions = 6;

    /// <summary>The default number of countries per world region: 8.</summary>
    public const int CountriesPerWorldRegion = 8;

    /// <summary>The default number of provinces per country: 6.</summary>
    public const int ProvincesPerCountry = 6;

    /// <summary>The default number of cities per province: 10.</summary>
    public const int CitiesPerProvince = 10;

    /// <summary>The default Zipf exponent of city sizes: 1.0.</summary>
    public const double CitySizeExponent = 1.0;

    /// <summary>The default distance-decay exponent gamma: 1.5.</summary>
    public const double DistanceDecay = 1.5;

    /// <summary>The default distance offset d0 in km: 10.</summary>
    public const double DecayOffsetKm = 10;

    /// <summary>The default distance between two innovators of one city, in km: 5.</summary>
    public const double IntraCityKm = 5;

    /// <summary>The default share of links whose target is chosen by preferential attachment: 0.3.</summary>
    public const double PreferentialAttachment = 0.3;

    /// <summary>The default share of links that close a triangle: 0.2.</summary>
    public const double TriadicClosure = 0.2;

    /// <summary>The default first year: 2000.</summary>
    public const int FirstYear = 2000;

    /// <summary>The default last year: 2020.</summary>
    public const int LastYear = 2020;
}

/// <summary>Parameters of <see cref="GeoNetworkGenerator"/>. Immutable; change with <c>o with { Links = 1_000_000 }</c>.</summary>
public sealed record GeoNetworkOptions
{
    /// <summary>The seed; the same options give the same network.</summary>
    /// <value>The default value is <see cref="DeterministicRandom.DefaultSeed"/> (42).</value>
    public ulong Seed { get; init; } = DeterministicRandom.DefaultSeed;

    /// <summary>The number of links.</summary>
    /// <value>The default value is 100,000.</value>
    public int Links { get; init; } = GeoNetworkDefaults.Links;

    /// <summary>The number of innovators (at least 2).</summary>
    /// <value>The default value is 10,000.</value>
    public int Innovators { get; init; } = GeoNetworkDefaults.Innovators;

    /// <summary>World regions under the root <c>world</c>.</summary>
    /// <value>The default value is 6.</value>
    public int WorldRegions { get; init; } = GeoNetworkDefaults.WorldRegions;

    /// <summary>Countries per world region.</summary>
    /// <value>The default value is 8.</value>
    public int CountriesPerWorldRegion { get; init; } = GeoNetworkDefaults.CountriesPerWorldRegion;

    /// <summary>Provinces per country.</summary>
    /// <value>The default value is 6.</value>
    public int ProvincesPerCountry { get; init; } = GeoNetworkDefaults.ProvincesPerCountry;

    /// <summary>Cities per province.</summary>
    /// <value>The default value is 10.</value>
    public int CitiesPerProvince { get; init; } = GeoNetworkDefaults.CitiesPerProvince;

    /// <summary>The Zipf exponent alpha of city sizes: a city of size rank r draws innovators with weight r^-alpha (ranks are a random permutation).</summary>
    /// <value>The default value is 1.0.</value>
    public double CitySizeExponent { get; init; } = GeoNetworkDefaults.CitySizeExponent;

    /// <summary>The distance-decay exponent gamma: a spatial link's partner group is chosen with weight size × (d + d0)^-gamma. Larger values make links more local.</summary>
    /// <value>The default value is 1.5.</value>
    public double DistanceDecay { get; init; } = GeoNetworkDefaults.DistanceDecay;

    /// <summary>The offset d0 (km) in the decay kernel, so that d = 0 stays finite.</summary>
    /// <value>The default value is 10.</value>
    public double DecayOffsetKm { get; init; } = GeoNetworkDefaults.DecayOffsetKm;

    /// <summary>The distance (km) used for two innovators of the same city.</summary>
    /// <value>The default value is 5.</value>
    public double IntraCityKm { get; init; } = GeoNetworkDefaults.IntraCityKm;

    /// <summary>The share of links whose target is drawn in proportion to its degree so far (plus one).</summary>
    /// <value>The default value is 0.3.</value>
    public double PreferentialAttachment { get; init; } = GeoNetworkDefaults.PreferentialAttachment;

    /// <summary>The share of links that join the source to a partner of its last partner (closing a triangle).</summary>
    /// <value>The default value is 0.2.</value>
    public double TriadicClosure { get; init; } = GeoNetworkDefaults.TriadicClosure;

    /// <summary>The first year of the links.</summary>
    /// <value>The default value is 2000.</value>
    public int FirstYear { get; init; } = GeoNetworkDefaults.FirstYear;

    /// <summary>The last year of the links (inclusive).</summary>
    /// <value>The default value is 2020.</value>
    public int LastYear { get; init; } = GeoNetworkDefaults.LastYear;

    /// <summary>The kind of every link.</summary>
    /// <value>The default value is <see cref="LinkKind.CoPatent"/>.</value>
    public LinkKind Kind { get; init; } = LinkKind.CoPatent;

    /// <summary>Checks the options; every problem is listed.</summary>
    /// <exception cref="ArgumentException">A value is out of range.</exception>
    public void Validate()
    {
        var p = new List<string>();
        if (Links < 0)
        {
            p.Add("Links must be >= 0");
        }

        if (Innovators < 2)
        {
            p.Add("Innovators must be >= 2");
        }

        if (WorldRegions < 1 || CountriesPerWorldRegion < 1 || ProvincesPerCountry < 1 || CitiesPerProvince < 1)
        {
            p.Add("WorldRegions, CountriesPerWorldRegion, ProvincesPerCountry and CitiesPerProvince must be >= 1");
        }

        if ((long)WorldRegions * CountriesPerWorldRegion * ProvincesPerCountry * CitiesPerProvince > 10_000_000)
        {
            p.Add("the region tree must have at most 10,000,000 cities");
        }

        if (!(CitySizeExponent >= 0 && double.IsFinite(CitySizeExponent)) || !(DistanceDecay >= 0 && double.IsFinite(DistanceDecay)))
        {
            p.Add("CitySizeExponent and DistanceDecay must be finite and >= 0");
        }

        if (!(DecayOffsetKm > 0 && double.IsFinite(DecayOffsetKm)) || !(IntraCityKm >= 0 && double.IsFinite(IntraCityKm)))
        {
            p.Add("DecayOffsetKm must be finite and > 0, IntraCityKm finite and >= 0");
        }

        if (!(PreferentialAttachment >= 0) || !(TriadicClosure >= 0) || PreferentialAttachment + TriadicClosure > 1)
        {
            p.Add("PreferentialAttachment and TriadicClosure must be >= 0 with a sum of at most 1");
        }

        if (LastYear < FirstYear || FirstYear < -9999 || LastYear > 9999)
        {
            p.Add("FirstYear..LastYear must be a range within -9999..9999");
        }

        if (p.Count > 0)
        {
            throw new ArgumentException("Invalid GeoNetworkOptions: " + string.Join("; ", p) + ".");
        }
    }
}

/// <summary>
/// Generates seeded, geo-located glocal networks of any size, for benchmarks and null models: a region tree on the
/// default ladder with coordinates, innovators placed in cities of power-law sizes, and links made by a documented mix
/// of spatial distance decay, preferential attachment and triadic closure.
/// </summary>
/// <remarks>
/// <para><b>Geography.</b> <see cref="GeoNetworkOptions.WorldRegions"/> world-region centroids lie on a Fibonacci
/// lattice over the sphere; each world region has countries within 1,500 km of its centroid, each country provinces
/// within 300 km, each province cities within 60 km (random bearing and distance). Ids: <c>wr0</c>, <c>c0</c>,
/// <c>p0</c>, <c>t0</c>, ...</para>
/// <para><b>Innovators</b> <c>i0</c>, <c>i1</c>, ... are placed in cities drawn with weight rank^-alpha
/// (<see cref="GeoNetworkOptions.CitySizeExponent"/>; ranks are a seeded permutation of the cities), numbered city by
/// city; kinds are 60% firms, 20% universities, 15% research institutes, 5% government.</para>
/// <para><b>Links</b>, in generation order k = 0..m-1 with year FirstYear + k·(years)/m (so time runs with growth):
/// the source is a uniform innovator; the target is chosen (1) with probability
/// <see cref="GeoNetworkOptions.PreferentialAttachment"/> in proportion to degree (an endpoint of a uniform earlier
/// link; a uniform innovator while there are none), (2) with probability <see cref="GeoNetworkOptions.TriadicClosure"/>
/// as the last partner of the source's last partner (closing the triangle), (3) otherwise spatially: the level of the
/// target's group (same city, another city of the province, another province of the country, another country of the
/// world region, another world region) and then the group itself are drawn with weight
/// <c>innovators(group) × (d + d0)^-gamma</c>, where d is the distance from the source's city to the group's centroid
/// (<see cref="GeoNetworkOptions.IntraCityKm"/> inside the city), and the target is a uniform innovator of a city of the
/// group drawn by size. A choice that would be a self-loop (or an undefined closure) falls back to the spatial rule and,
/// if that also fails, to a uniform other innovator. Parallel links are kept (repeated collaboration). Links are
/// undirected, of weight 1 and of kind <see cref="GeoNetworkOptions.Kind"/>.</para>
/// <para><b>Cost.</b> O(m log C + n + C·fan-out) time; besides the network it holds one <c>int</c> per link (the
/// endpoints preferential attachment samples from), one per innovator (last partners), and per-city tables. Links
/// stream into a <see cref="GlocalNetworkStreamBuilder"/> in chunks of 65,536.</para>
/// </remarks>
public static class GeoNetworkGenerator
{
    private const int Chunk = 1 << 16;

    /// <summary>Generates the network.</summary>
    /// <param name="options">The parameters; <see langword="null"/> for the defaults.</param>
    /// <returns>The network.</returns>
    /// <exception cref="ArgumentException">The options are out of range.</exception>
    public static GlocalNetwork Generate(GeoNetworkOptions? options = null) => ToBuilder(options).Build().Network;

    /// <summary>Generates the regions, innovators and links into a stream builder without building it, so that the
    /// generation and the build can be timed apart.</summary>
    /// <param name="options">The parameters; <see langword="null"/> for the defaults.</param>
    /// <returns>The filled builder; call <see cref="GlocalNetworkStreamBuilder.Build"/>.</returns>
    /// <exception cref="ArgumentException">The options are out of range.</exception>
    public static GlocalNetworkStreamBuilder ToBuilder(GeoNetworkOptions? options = null)
    {
        var o = options ?? new GeoNetworkOptions();
        o.Validate();
        var geo = Geography.Create(o);
        var builder = new GlocalNetworkStreamBuilder(geo.Tree, LoadOptions.Default with { DefaultLinkKind = o.Kind });
        var cityOf = geo.PlaceInnovators(o, builder);
        new LinkMaker(o, geo, cityOf).Emit(builder);
        return builder;
    }

    /// <summary>The region tree as arrays: cities in depth-first order, so each province, country and world region covers a
    /// contiguous range of cities.</summary>
    private sealed class Geography
    {
        public required RegionTree Tree { get; init; }

        /// <summary>City index → the first city of its province, country and world region, and one past the last.</summary>
        public required int[][] GroupStart { get; init; }

        public required int[][] GroupEnd { get; init; }

        public required GeoPoint[] CityPoint { get; init; }

        /// <summary>Group centroids per level (1 = province, 2 = country, 3 = world region), indexed by the group's first city.</summary>
        public required Dictionary<int, GeoPoint>[] Centroid { get; init; }

        public required string[] CityId { get; init; }

        /// <summary>Innovators per city (after placement) and their prefix sums (first innovator of each city).</summary>
        public int[] CitySize { get; set; } = [];

        public long[] CityPrefix { get; set; } = [];

        public int Cities => CityPoint.Length;

        public static Geography Create(GeoNetworkOptions o)
        {
            var rng = new DeterministicRandom(o.Seed, 1);
            var ladder = RegionLadder.Default;
            var regions = new List<Region>();
            var cityPoints = new List<GeoPoint>();
            var cityIds = new List<string>();
            var starts = new[] { new List<int>(), new List<int>(), new List<int>() };
            var centroids = new[] { new Dictionary<int, GeoPoint>(), new Dictionary<int, GeoPoint>(), new Dictionary<int, GeoPoint>(), new Dictionary<int, GeoPoint>() };
            regions.Add(new Region("world", "World", ladder.GetLevel("world"), null, new GeoPoint(0, 0)));
            int countryNo = 0, provinceNo = 0;
            for (var w = 0; w < o.WorldRegions; w++)
            {
                var wp = Fibonacci(w, o.WorldRegions);
                var wid = "wr" + w.ToString(CultureInfo.InvariantCulture);
                regions.Add(new Region(wid, wid, ladder.GetLevel("world-region"), "world", wp));
                var wStart = cityPoints.Count;
                for (var c = 0; c < o.CountriesPerWorldRegion; c++)
                {
                    var cp = Offset(wp, rng, 1500);
                    var cid = "c" + (countryNo++).ToString(CultureInfo.InvariantCulture);
                    regions.Add(new Region(cid, cid, ladder.GetLevel("country"), wid, cp));
                    var cStart = cityPoints.Count;
                    for (var p = 0; p < o.ProvincesPerCountry; p++)
                    {
                        var pp = Offset(cp, rng, 300);
                        var pid = "p" + (provinceNo++).ToString(CultureInfo.InvariantCulture);
                        regions.Add(new Region(pid, pid, ladder.GetLevel("province"), cid, pp));
                        var pStart = cityPoints.Count;
                        for (var t = 0; t < o.CitiesPerProvince; t++)
                        {
                            var tp = Offset(pp, rng, 60);
                            var tid = "t" + cityPoints.Count.ToString(CultureInfo.InvariantCulture);
                            regions.Add(new Region(tid, tid, ladder.GetLevel("city"), pid, tp));
                            cityPoints.Add(tp);
                            cityIds.Add(tid);
                        }

                        centroids[1][pStart] = pp;
                        Fill(starts[0], pStart, cityPoints.Count - pStart);
                    }

                    centroids[2][cStart] = cp;
                    Fill(starts[1], cStart, cityPoints.Count - cStart);
                }

                centroids[3][wStart] = wp;
                Fill(starts[2], wStart, cityPoints.Count - wStart);
            }

            var cities = cityPoints.Count;
            var groupStart = new int[4][];
            var groupEnd = new int[4][];
            groupStart[0] = new int[cities];
            groupEnd[0] = new int[cities];
            for (var i = 0; i < cities; i++)
            {
                groupStart[0][i] = i;
                groupEnd[0][i] = i + 1;
            }

            for (var l = 1; l <= 3; l++)
            {
                groupStart[l] = starts[l - 1].ToArray();
                groupEnd[l] = new int[cities];
                for (var i = cities - 1; i >= 0; i--)
                {
                    groupEnd[l][i] = i + 1 < cities && groupStart[l][i + 1] == groupStart[l][i] ? groupEnd[l][i + 1] : i + 1;
                }
            }

            return new Geography
            {
                Tree = RegionTree.Build(regions, ladder),
                GroupStart = groupStart,
                GroupEnd = groupEnd,
                CityPoint = cityPoints.ToArray(),
                Centroid = centroids,
                CityId = cityIds.ToArray(),
            };
        }

        private static void Fill(List<int> list, int value, int count)
        {
            for (var i = 0; i < count; i++)
            {
                list.Add(value);
            }
        }

        /// <summary>Point k of n on a Fibonacci lattice over the sphere (latitudes kept within ±70°).</summary>
        private static GeoPoint Fibonacci(int k, int n)
        {
            var z = 1 - ((2.0 * k) + 1) / n;
            var lat = Math.Asin(z) * 180 / Math.PI * (70.0 / 90.0);
            var lon = (k * 137.50776405003785 % 360) - 180;
            return new GeoPoint(lat, lon);
        }

        /// <summary>A point at a uniform bearing and a uniform distance up to <paramref name="maxKm"/> from <paramref name="p"/>.</summary>
        private static GeoPoint Offset(GeoPoint p, DeterministicRandom rng, double maxKm)
        {
            var bearing = rng.NextDouble() * 2 * Math.PI;
            var delta = rng.NextDouble() * maxKm / GeoPoint.EarthRadiusKm;
            var lat1 = p.Latitude * Math.PI / 180;
            var lon1 = p.Longitude * Math.PI / 180;
            var lat2 = Math.Asin((Math.Sin(lat1) * Math.Cos(delta)) + (Math.Cos(lat1) * Math.Sin(delta) * Math.Cos(bearing)));
            var lon2 = lon1 + Math.Atan2(Math.Sin(bearing) * Math.Sin(delta) * Math.Cos(lat1), Math.Cos(delta) - (Math.Sin(lat1) * Math.Sin(lat2)));
            var lat = Math.Clamp(lat2 * 180 / Math.PI, -90, 90);
            var lon = ((lon2 * 180 / Math.PI) + 540) % 360 - 180;
            return new GeoPoint(lat, lon);
        }

        /// <summary>Draws each innovator's city (Zipf weights over a seeded ranking), numbers innovators city by city and
        /// appends them; returns each innovator's city.</summary>
        public int[] PlaceInnovators(GeoNetworkOptions o, GlocalNetworkStreamBuilder builder)
        {
            var rng = new DeterministicRandom(o.Seed, 2);
            var c = Cities;
            var rank = new int[c];
            for (var i = 0; i < c; i++)
            {
                rank[i] = i;
            }

            rng.Shuffle(rank.AsSpan());
            var cumulative = new double[c];
            var total = 0.0;
            for (var i = 0; i < c; i++)
            {
                total += Math.Pow(rank[i] + 1, -o.CitySizeExponent);
                cumulative[i] = total;
            }

            var size = new int[c];
            for (var k = 0; k < o.Innovators; k++)
            {
                size[Search(cumulative, 0, c, rng.NextDouble() * total)]++;
            }

            var prefix = new long[c + 1];
            for (var i = 0; i < c; i++)
            {
                prefix[i + 1] = prefix[i] + size[i];
            }

            CitySize = size;
            CityPrefix = prefix;
            var cityOf = new int[o.Innovators];
            var ids = new string[Chunk];
            var homes = new string[Chunk];
            var kinds = new InnovatorKind[Chunk];
            var filled = 0;
            var next = 0;
            for (var city = 0; city < c; city++)
            {
                for (var k = 0; k < size[city]; k++)
                {
                    cityOf[next] = city;
                    ids[filled] = "i" + next.ToString(CultureInfo.InvariantCulture);
                    homes[filled] = CityId[city];
                    var u = rng.NextDouble();
                    kinds[filled] = u < 0.60 ? InnovatorKind.Firm : u < 0.80 ? InnovatorKind.University : u < 0.95 ? InnovatorKind.ResearchInstitute : InnovatorKind.Government;
                    next++;
                    if (++filled == Chunk)
                    {
                        builder.AppendInnovators(ids, homes, kinds, sourceName: "generated innovators");
                        filled = 0;
                    }
                }
            }

            builder.AppendInnovators(ids.AsSpan(0, filled), homes.AsSpan(0, filled), kinds.AsSpan(0, filled), sourceName: "generated innovators");
            return cityOf;
        }
    }

    /// <summary>The smallest index in [lo, hi) whose cumulative weight exceeds <paramref name="x"/> (clamped to hi - 1).</summary>
    private static int Search(double[] cumulative, int lo, int hi, double x)
    {
        var last = hi - 1;
        while (lo < hi)
        {
            var mid = (int)(((uint)lo + (uint)hi) >> 1);
            if (cumulative[mid] <= x)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return Math.Min(lo, last);
    }

    private sealed class LinkMaker
    {
        private readonly GeoNetworkOptions _o;
        private readonly Geography _g;
        private readonly int[] _cityOf;
        private readonly DeterministicRandom _rng;

        /// <summary>Per city: cumulative weights of the five levels, and per level above the city the candidate groups
        /// (first city of each sibling group) with their cumulative weights.</summary>
        private readonly double[][] _levelCumulative;
        private readonly int[][][] _siblings;
        private readonly double[][][] _siblingCumulative;

        /// <summary>Cumulative innovator counts over the cities, to draw a city of a group by size.</summary>
        private readonly double[] _cityCumulative;

        public LinkMaker(GeoNetworkOptions o, Geography g, int[] cityOf)
        {
            _o = o;
            _g = g;
            _cityOf = cityOf;
            _rng = new DeterministicRandom(o.Seed, 3);
            var c = g.Cities;
            _cityCumulative = new double[c];
            var run = 0.0;
            for (var i = 0; i < c; i++)
            {
                run += g.CitySize[i];
                _cityCumulative[i] = run;
            }

            _levelCumulative = new double[c][];
            _siblings = new int[c][][];
            _siblingCumulative = new double[c][][];

            // Groups by level: 0 = the city itself, 1 = cities of the province, 2 = provinces of the country,
            // 3 = countries of the world region, 4 = world regions. Level l >= 1 draws among the sibling groups at level l - 1
            // inside the source's level-l group, leaving out the source's own.
            for (var city = 0; city < c; city++)
            {
                var lc = new double[5];
                var sib = new int[5][];
                var sc = new double[5][];
                var own = Math.Max(0, g.CitySize[city] - 1) * Kernel(o.IntraCityKm);
                lc[0] = own;
                sib[0] = [];
                sc[0] = [];
                for (var level = 1; level <= 4; level++)
                {
                    var (lo, hi) = level == 4 ? (0, c) : (g.GroupStart[level][city], g.GroupEnd[level][city]);
                    var sub = level - 1;
                    var ownStart = g.GroupStart[sub][city];
                    var groups = new List<int>();
                    var weights = new List<double>();
                    var acc = 0.0;
                    for (var s = lo; s < hi; s = g.GroupEnd[sub][s])
                    {
                        if (s == ownStart)
                        {
                            continue;
                        }

                        var size = g.CityPrefix[g.GroupEnd[sub][s]] - g.CityPrefix[s];
                        if (size == 0)
                        {
                            continue;
                        }

                        var centre = sub == 0 ? g.CityPoint[s] : g.Centroid[sub][s];
                        acc += size * Kernel(g.CityPoint[city].DistanceKm(centre));
                        groups.Add(s);
                        weights.Add(acc);
                    }

                    sib[level] = groups.ToArray();
                    sc[level] = weights.ToArray();
                    lc[level] = lc[level - 1] + acc;
                }

                _levelCumulative[city] = lc;
                _siblings[city] = sib;
                _siblingCumulative[city] = sc;
            }
        }

        private double Kernel(double km) => Math.Pow(km + _o.DecayOffsetKm, -_o.DistanceDecay);

        public void Emit(GlocalNetworkStreamBuilder builder)
        {
            var m = _o.Links;
            var n = _o.Innovators;
            var ends = new int[m];
            var last = new int[n];
            var previous = new int[n];
            last.AsSpan().Fill(-1);
            previous.AsSpan().Fill(-1);
            var src = new int[Chunk];
            var dst = new int[Chunk];
            var years = new int[Chunk];
            var span = (long)_o.LastYear - _o.FirstYear + 1;
            var filled = 0;
            for (var k = 0; k < m; k++)
            {
                var s = _rng.NextInt(n);
                var u = _rng.NextDouble();
                var t = -1;
                if (u < _o.PreferentialAttachment)
                {
                    t = k == 0 ? _rng.NextInt(n) : ends[_rng.NextInt(k)];
                }
                else if (u < _o.PreferentialAttachment + _o.TriadicClosure)
                {
                    // A partner w of s, then a partner of w other than s: the link s-t closes the triangle s-w-t.
                    var w = (_rng.NextUInt64() & 1) == 0 ? last[s] : previous[s];
                    w = w < 0 ? last[s] : w;
                    t = w < 0 ? -1 : last[w] != s ? last[w] : previous[w];
                }

                if (t < 0 || t == s)
                {
                    t = Spatial(s);
                }

                if (t < 0 || t == s)
                {
                    t = _rng.NextInt(n - 1);
                    t += t >= s ? 1 : 0;
                }

                ends[k] = (_rng.NextUInt64() & 1) == 0 ? s : t;
                previous[s] = last[s];
                last[s] = t;
                previous[t] = last[t];
                last[t] = s;
                src[filled] = s;
                dst[filled] = t;
                years[filled] = _o.FirstYear + (int)(k * span / Math.Max(1, m));
                if (++filled == Chunk)
                {
                    builder.AppendLinks(src, dst, years: years, sourceName: "generated links");
                    filled = 0;
                }
            }

            builder.AppendLinks(src.AsSpan(0, filled), dst.AsSpan(0, filled), years: years.AsSpan(0, filled), sourceName: "generated links");
        }

        /// <summary>A spatial partner of <paramref name="s"/>, or -1 when the source's city has no other innovator anywhere.</summary>
        private int Spatial(int s)
        {
            var city = _cityOf[s];
            var lc = _levelCumulative[city];
            var total = lc[4];
            if (!(total > 0))
            {
                return -1;
            }

            var x = _rng.NextDouble() * total;
            var level = 0;
            while (level < 4 && lc[level] <= x)
            {
                level++;
            }

            if (level == 0)
            {
                // Another innovator of the same city (the level has weight only when the city has two or more).
                var r = _rng.NextInt(_g.CitySize[city] - 1);
                var other = (int)_g.CityPrefix[city] + r;
                return other >= s ? other + 1 : other;
            }

            var sc = _siblingCumulative[city][level];
            if (sc.Length == 0)
            {
                return -1;
            }

            var lo = _siblings[city][level][Search(sc, 0, sc.Length, _rng.NextDouble() * sc[^1])];
            var hi = _g.GroupEnd[level - 1][lo];
            var before = lo == 0 ? 0.0 : _cityCumulative[lo - 1];
            var targetCity = Search(_cityCumulative, lo, hi, before + (_rng.NextDouble() * (_cityCumulative[hi - 1] - before)));
            var first = _g.CityPrefix[targetCity];
            var size = _g.CitySize[targetCity];
            if (size == 0)
            {
                return -1;
            }

            return (int)(first + _rng.NextInt(size));
        }
    }
}
