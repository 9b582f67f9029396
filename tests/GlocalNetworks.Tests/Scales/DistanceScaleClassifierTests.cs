using System;
using GlocalNetworks.Model;
using GlocalNetworks.Scales;
using GlocalNetworks.Tests.TestUtils;
using Xunit;

namespace GlocalNetworks.Tests.Scales;

/// <summary>
/// Tests of <see cref="DistanceScaleClassifier"/> and <see cref="GeoPoint.DistanceKm"/>. Expected distances come from
/// <c>tests/oracles/haversine_check.py</c> (Python's math module, R = 6371.0088 km); its output:
/// <code>
/// Munich-Garching: 13.613 km
/// Munich-Nuremberg: 150.684 km
/// Munich-Dresden: 359.400 km
/// Dresden-Berlin: 165.003 km
/// Berlin-Paris: 877.465 km
/// Munich-Paris: 683.872 km
/// Paris-NewYork: 5837.249 km
/// Berlin-Tokyo: 8915.539 km
/// Berlin-Rome: 1182.548 km
/// DE-Munich: 346.307 km
/// DE-Berlin: 252.646 km
/// </code>
/// </summary>
public sealed class DistanceScaleClassifierTests
{
    private const double ToleranceKm = 1.0;

    private static GeoPoint Point(string name) => name switch
    {
        "Munich" => TinyNetworks.MunichPoint,
        "Nuremberg" => TinyNetworks.NurembergPoint,
        "Dresden" => TinyNetworks.DresdenPoint,
        "Berlin" => TinyNetworks.BerlinPoint,
        "Paris" => TinyNetworks.ParisPoint,
        "NewYork" => TinyNetworks.NewYorkPoint,
        "Tokyo" => TinyNetworks.TokyoPoint,
        "Rome" => TinyNetworks.RomePoint,
        "Garching" => TinyNetworks.GarchingPoint,
        "DE" => TinyNetworks.GermanyPoint,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "No such test point."),
    };

    [Theory]
    [InlineData("Munich", "Garching", 13.613)]
    [InlineData("Munich", "Nuremberg", 150.684)]
    [InlineData("Munich", "Dresden", 359.400)]
    [InlineData("Dresden", "Berlin", 165.003)]
    [InlineData("Berlin", "Paris", 877.465)]
    [InlineData("Munich", "Paris", 683.872)]
    [InlineData("Paris", "NewYork", 5837.249)]
    [InlineData("Berlin", "Tokyo", 8915.539)]
    [InlineData("Berlin", "Rome", 1182.548)]
    [InlineData("DE", "Munich", 346.307)]
    [InlineData("DE", "Berlin", 252.646)]
    public void DistanceKm_KnownPairs_MatchesPythonOracle(string a, string b, double expectedKm)
    {
        Assert.Equal(expectedKm, Point(a).DistanceKm(Point(b)), ToleranceKm);
        Assert.Equal(expectedKm, Point(b).DistanceKm(Point(a)), ToleranceKm);
    }

    [Fact]
    public void DistanceKm_SamePointAndAntipodes()
    {
        Assert.Equal(0.0, TinyNetworks.MunichPoint.DistanceKm(TinyNetworks.MunichPoint));
        Assert.Equal(Math.PI * GeoPoint.EarthRadiusKm, new GeoPoint(0, 0).DistanceKm(new GeoPoint(0, 180)), 1e-6);
    }

    [Theory]
    [InlineData(91.0, 0.0, "latitude")]
    [InlineData(double.NaN, 0.0, "latitude")]
    [InlineData(0.0, -180.5, "longitude")]
    public void GeoPoint_OutOfRange_Throws(double lat, double lon, string param)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new GeoPoint(lat, lon));

        Assert.Equal(param, ex.ParamName);
    }

    [Theory]
    [InlineData("Munich", "Nuremberg", Scale.Regional)]      // ≈ 150.7 km
    [InlineData("Munich", "Dresden", Scale.National)]        // ≈ 359.4 km
    [InlineData("Dresden", "Berlin", Scale.Regional)]        // ≈ 165.0 km (the LCA classifier says National)
    [InlineData("Berlin", "Paris", Scale.National)]          // ≈ 877.5 km
    [InlineData("Munich", "Paris", Scale.National)]          // ≈ 683.9 km
    [InlineData("Berlin", "Rome", Scale.Supranational)]      // ≈ 1182.5 km
    [InlineData("Paris", "NewYork", Scale.Global)]           // ≈ 5837.2 km
    [InlineData("Berlin", "Tokyo", Scale.Global)]            // ≈ 8915.5 km
    [InlineData("Munich", "Munich", Scale.Local)]            // 0 km
    public void Classify_InnovatorsAtCityCentroids_ScaleOfDistance(string a, string b, Scale expected)
    {
        var net = TinyNetworks.WorldPair(a, b, new DistanceScaleClassifier());

        Assert.Equal(expected, net.LinkScales[0]);
        Assert.False(net.LinkResolutionLimited[0]);
    }

    [Fact]
    public void Classify_OwnLocation_BeatsRegionCentroid()
    {
        var net = TinyNetworks.WorldBuilder()
            .WithClassifier(new DistanceScaleClassifier())
            .AddInnovator("tum", "TU München (Garching)", InnovatorKind.University, "Munich", TinyNetworks.GarchingPoint)
            .AddInnovator("siemens", "Siemens", InnovatorKind.Firm, "Munich")
            .AddInnovator("far", "Far away, located in DE", InnovatorKind.Firm, "DE", TinyNetworks.ParisPoint)
            .AddLink("tum", "siemens")
            .AddLink("siemens", "far")
            .Build();

        Assert.Equal([Scale.Local, Scale.National], net.LinkScales.ToArray());      // ≈ 13.6 km and ≈ 683.9 km
        Assert.Equal([false, false], net.LinkResolutionLimited.ToArray());
    }

    [Fact]
    public void Classify_AncestorCentroidStandsIn_Flagged()
    {
        // Bavaria has no centroid: Germany's stands in (≈ 346.3 km to Munich).
        var net = TinyNetworks.WorldPair("Bavaria", "Munich", new DistanceScaleClassifier());

        Assert.Equal(Scale.National, net.LinkScales[0]);
        Assert.True(net.LinkResolutionLimited[0]);
    }

    [Fact]
    public void Classify_AncestorCentroidJustAboveThreshold_Flagged()
    {
        // Saxony -> Germany's centroid, ≈ 252.6 km from Berlin: just above the 250 km Regional bound.
        var net = TinyNetworks.WorldPair("Berlin", "Saxony", new DistanceScaleClassifier());

        Assert.Equal(Scale.National, net.LinkScales[0]);
        Assert.True(net.LinkResolutionLimited[0]);
    }

    [Fact]
    public void Classify_HomeRegionsOwnCentroid_NotFlagged()
    {
        // DE has its own centroid; using it is not a fallback to an ancestor.
        var net = TinyNetworks.WorldPair("DE", "Munich", new DistanceScaleClassifier());

        Assert.Equal(Scale.National, net.LinkScales[0]);
        Assert.False(net.LinkResolutionLimited[0]);
    }

    [Fact]
    public void Classify_NoCoordinatesUpTheChain_Throws()
    {
        // JP, Asia and the world root have no centroid.
        var ex = Assert.Throws<GlocalDataException>(() => TinyNetworks.WorldPair("Tokyo", "JP", new DistanceScaleClassifier()));

        Assert.Equal("column 'location': value 'b' has no coordinates and no region up its chain has a centroid; the distance classifier needs one of them.", ex.Message);
        Assert.Equal("b", ex.Value);
    }

    [Fact]
    public void Classify_Direct_AgreesWithClassifyAllBothWays()
    {
        var c = new DistanceScaleClassifier();
        var net = TinyNetworks.WorldPair("Bavaria", "Paris", c);

        var forward = c.Classify(net.Regions, net.Innovators, 0, 1, out var lf);
        var backward = c.Classify(net.Regions, net.Innovators, 1, 0, out var lb);

        Assert.Equal(net.LinkScales[0], forward);
        Assert.Equal(forward, backward);
        Assert.True(lf);
        Assert.True(lb);
    }

    [Theory]
    [InlineData(0.0, Scale.Local)]
    [InlineData(50.0, Scale.Local)]
    [InlineData(50.001, Scale.Regional)]
    [InlineData(250.0, Scale.Regional)]
    [InlineData(250.001, Scale.National)]
    [InlineData(1000.0, Scale.National)]
    [InlineData(1000.001, Scale.Supranational)]
    [InlineData(3000.0, Scale.Supranational)]
    [InlineData(3000.001, Scale.Global)]
    [InlineData(20000.0, Scale.Global)]
    public void ScaleOfDistance_DefaultThresholds_UpperBoundsInclusive(double km, Scale expected)
    {
        Assert.Equal(expected, new DistanceScaleClassifier().ScaleOfDistance(km));
    }

    [Fact]
    public void Thresholds_Defaults()
    {
        var t = new DistanceThresholds();

        Assert.Equal(50, t.LocalKm);
        Assert.Equal(250, t.RegionalKm);
        Assert.Equal(1000, t.NationalKm);
        Assert.Equal(3000, t.SupranationalKm);
        Assert.Equal([Scale.Local, Scale.Regional, Scale.National, Scale.Supranational, Scale.Global], new DistanceScaleClassifier().Scales);
    }

    [Fact]
    public void Thresholds_Custom_ChangeTheScale()
    {
        var c = new DistanceScaleClassifier(new DistanceThresholds() with { LocalKm = 200, RegionalKm = 400 });
        var net = TinyNetworks.WorldPair("Munich", "Nuremberg", c);

        Assert.Equal(Scale.Local, net.LinkScales[0]);
        Assert.Equal(Scale.Regional, c.ScaleOfDistance(359.4));
    }

    [Fact]
    public void Thresholds_EqualNeighbours_AreAllowed()
    {
        var c = new DistanceScaleClassifier(new DistanceThresholds { LocalKm = 100, RegionalKm = 100 });

        Assert.Equal(Scale.Local, c.ScaleOfDistance(100));
        Assert.Equal(Scale.National, c.ScaleOfDistance(100.5));
    }

    [Fact]
    public void Thresholds_SeveralProblems_AllInOneMessage()
    {
        var t = new DistanceThresholds { LocalKm = -1, NationalKm = 100, SupranationalKm = double.NaN };

        var ex = Assert.Throws<ArgumentException>(() => new DistanceScaleClassifier(t));

        Assert.Equal(
            "Invalid distance thresholds: LocalKm is -1; it must be finite and >= 0; NationalKm (100) is below RegionalKm (250); "
            + "thresholds must increase; SupranationalKm is NaN; it must be finite and >= 0.",
            ex.Message);
    }

    [Fact]
    public void Thresholds_Infinite_Rejected()
    {
        var ex = Assert.Throws<ArgumentException>(() => new DistanceThresholds { SupranationalKm = double.PositiveInfinity }.Validate());

        Assert.Equal("Invalid distance thresholds: SupranationalKm is Infinity; it must be finite and >= 0.", ex.Message);
    }
}
