using System;
using System.Collections.Generic;
using System.Globalization;
using GlocalNetworks.Model;

namespace GlocalNetworks.Scales;

/// <summary>Default distance thresholds of <see cref="DistanceScaleClassifier"/>, in kilometres.</summary>
public static class DistanceThresholdDefaults
{
    /// <summary>Local up to 50 km.</summary>
    public const double LocalKm = 50;

    /// <summary>Regional up to 250 km.</summary>
    public const double RegionalKm = 250;

    /// <summary>National up to 1000 km.</summary>
    public const double NationalKm = 1000;

    /// <summary>Supranational up to 3000 km; Global beyond.</summary>
    public const double SupranationalKm = 3000;
}

/// <summary>Distance thresholds: a link is the first scale whose threshold its distance does not exceed, else Global.</summary>
/// <remarks>Our choice, not a standard; change them with <c>t with { LocalKm = 30 }</c>.</remarks>
public sealed record DistanceThresholds
{
    /// <summary>The upper bound of Local, in km.</summary>
    /// <value>The default value is 50.</value>
    public double LocalKm { get; init; } = DistanceThresholdDefaults.LocalKm;

    /// <summary>The upper bound of Regional, in km.</summary>
    /// <value>The default value is 250.</value>
    public double RegionalKm { get; init; } = DistanceThresholdDefaults.RegionalKm;

    /// <summary>The upper bound of National, in km.</summary>
    /// <value>The default value is 1000.</value>
    public double NationalKm { get; init; } = DistanceThresholdDefaults.NationalKm;

    /// <summary>The upper bound of Supranational, in km; farther is Global.</summary>
    /// <value>The default value is 3000.</value>
    public double SupranationalKm { get; init; } = DistanceThresholdDefaults.SupranationalKm;

    /// <summary>Checks that the thresholds are finite, non-negative and increasing; reports every problem at once.</summary>
    /// <exception cref="ArgumentException">A rule is broken.</exception>
    public void Validate()
    {
        var problems = new List<string>();
        double[] t = [LocalKm, RegionalKm, NationalKm, SupranationalKm];
        string[] n = [nameof(LocalKm), nameof(RegionalKm), nameof(NationalKm), nameof(SupranationalKm)];
        for (var i = 0; i < t.Length; i++)
        {
            if (!double.IsFinite(t[i]) || t[i] < 0)
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"{n[i]} is {t[i]}; it must be finite and >= 0"));
            }
            else if (i > 0 && t[i] < t[i - 1])
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"{n[i]} ({t[i]}) is below {n[i - 1]} ({t[i - 1]}); thresholds must increase"));
            }
        }

        if (problems.Count > 0)
        {
            throw new ArgumentException($"Invalid distance thresholds: {string.Join("; ", problems)}.");
        }
    }
}

/// <summary>
/// Classifies a link by the haversine great-circle distance between its ends (R = 6371.0088 km): the innovators' own
/// coordinates or, failing those, the nearest region up their home region's chain of parents that has a centroid.
/// </summary>
/// <remarks>
/// A link is <c>ResolutionLimited</c> when an end had no coordinates of its own and a coarser region's centroid stood in.
/// An end with no coordinates anywhere up its chain raises a <see cref="GlocalDataException"/> naming the innovator.
/// </remarks>
public sealed class DistanceScaleClassifier : IScaleClassifier
{
    /// <summary>Creates the classifier.</summary>
    /// <param name="thresholds">The thresholds; <see langword="null"/> for the defaults.</param>
    public DistanceScaleClassifier(DistanceThresholds? thresholds = null)
    {
        Thresholds = thresholds ?? new DistanceThresholds();
        Thresholds.Validate();
    }

    /// <summary>The thresholds in use.</summary>
    public DistanceThresholds Thresholds { get; }

    /// <inheritdoc/>
    public IReadOnlyList<Scale> Scales { get; } = [Scale.Local, Scale.Regional, Scale.National, Scale.Supranational, Scale.Global];

    /// <summary>The scale for a distance in km.</summary>
    /// <param name="km">The distance.</param>
    /// <returns>The first scale whose threshold is not exceeded, else Global.</returns>
    public Scale ScaleOfDistance(double km) =>
        km <= Thresholds.LocalKm ? Scale.Local
        : km <= Thresholds.RegionalKm ? Scale.Regional
        : km <= Thresholds.NationalKm ? Scale.National
        : km <= Thresholds.SupranationalKm ? Scale.Supranational
        : Scale.Global;

    /// <inheritdoc/>
    public Scale Classify(RegionTree regions, InnovatorTable innovators, int source, int target, out bool resolutionLimited)
    {
        ArgumentNullException.ThrowIfNull(regions);
        ArgumentNullException.ThrowIfNull(innovators);
        var a = PointOf(regions, innovators, source, out var ca);
        var b = PointOf(regions, innovators, target, out var cb);
        resolutionLimited = ca || cb;
        return ScaleOfDistance(a.DistanceKm(b));
    }

    /// <inheritdoc/>
    public void ClassifyAll(RegionTree regions, InnovatorTable innovators, ReadOnlySpan<int> sources, ReadOnlySpan<int> targets,
        Span<Scale> scales, Span<bool> resolutionLimited)
    {
        ArgumentNullException.ThrowIfNull(innovators);
        if (targets.Length != sources.Length || scales.Length < sources.Length || resolutionLimited.Length < sources.Length)
        {
            throw new ArgumentException("sources, targets, scales and resolutionLimited must have the same length.");
        }

        var points = new GeoPoint[innovators.Count];
        var coarse = new bool[innovators.Count];
        var done = new bool[innovators.Count];
        for (var i = 0; i < sources.Length; i++)
        {
            var s = sources[i];
            var t = targets[i];
            if (!done[s])
            {
                points[s] = PointOf(regions, innovators, s, out coarse[s]);
                done[s] = true;
            }

            if (!done[t])
            {
                points[t] = PointOf(regions, innovators, t, out coarse[t]);
                done[t] = true;
            }

            scales[i] = ScaleOfDistance(points[s].DistanceKm(points[t]));
            resolutionLimited[i] = coarse[s] || coarse[t];
        }
    }

    private static GeoPoint PointOf(RegionTree regions, InnovatorTable innovators, int i, out bool coarse)
    {
        var inn = innovators[i];
        coarse = false;
        if (inn.Location is { } p)
        {
            return p;
        }

        var r = innovators.RegionIndices[i];
        var first = true;
        while (r >= 0)
        {
            if (regions[r].Centroid is { } c)
            {
                coarse = !first;
                return c;
            }

            first = false;
            r = regions.ParentIndex(r);
        }

        throw new GlocalDataException(null, null, "location", inn.Id,
            "has no coordinates and no region up its chain has a centroid; the distance classifier needs one of them.");
    }
}
