using System;
using System.Collections.Generic;
using System.Globalization;
using GlocalNetworks.Kernels;
using GlocalNetworks.Model;

namespace GlocalNetworks.Metrics.Assortativity;

/// <summary>Which degree of a link's end enters degree assortativity on a directed network (networkx <c>x</c>, <c>y</c>).</summary>
public enum AssortativityDegree
{
    /// <summary>The out-degree (or out-strength).</summary>
    Out = 0,

    /// <summary>The in-degree (or in-strength).</summary>
    In = 1,
}

/// <summary>Options of <see cref="AssortativityMetric"/>; the defaults are networkx 3.6.1's
/// <c>degree_assortativity_coefficient</c>.</summary>
public sealed record AssortativityOptions
{
    /// <summary>The prefix of a region level in <see cref="Attribute"/>: <c>region:country</c>.</summary>
    public const string RegionPrefix = "region:";

    /// <summary>The prefix that names an innovator attribute explicitly in <see cref="Attribute"/>: <c>attribute:kind</c>
    /// for an attribute that happens to be called <c>kind</c>.</summary>
    public const string AttributePrefix = "attribute:";

    /// <summary>The categorical attribute for attribute assortativity (networkx <c>attribute_assortativity_coefficient</c>):
    /// <c>kind</c> (the innovator kind), <c>region:&lt;level&gt;</c> (the region at a level, e.g. <c>region:country</c>), or
    /// the key of an innovator attribute (<c>attribute:&lt;key&gt;</c> to be explicit). <see langword="null"/> computes degree
    /// assortativity.</summary>
    /// <value>The default value is <see langword="null"/> (degree assortativity).</value>
    public string? Attribute { get; init; }

    /// <summary>The degree of a link's source end (directed networks only).</summary>
    /// <value>The default value is <see cref="AssortativityDegree.Out"/> (networkx <c>x="out"</c>).</value>
    public AssortativityDegree X { get; init; } = AssortativityDegree.Out;

    /// <summary>The degree of a link's target end (directed networks only).</summary>
    /// <value>The default value is <see cref="AssortativityDegree.In"/> (networkx <c>y="in"</c>).</value>
    public AssortativityDegree Y { get; init; } = AssortativityDegree.In;

    /// <summary>Use strengths (total link weight) instead of degrees; each link still counts once.</summary>
    /// <value>The default value is <see langword="false"/> (networkx <c>weight=None</c>).</value>
    public bool Weighted { get; init; }

    /// <summary>Whether to read links as directed; <see langword="null"/>: directed exactly when every link is.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public bool? Directed { get; init; }
}

/// <summary>Assortativity: the tendency of linked innovators to be alike, by degree (Newman 2002) or by a categorical
/// attribute (Newman 2003), as networkx 3.6.1.</summary>
/// <remarks>
/// <para>Id <c>assortativity</c>. Over the link ends (u, v), each undirected link counted in both directions and each arc
/// once from source to target (parallel links once, self-loops ignored):</para>
/// <para>Degree (default): the Pearson correlation of x_u and y_v, where x and y are the degrees of the ends (for a
/// directed network x is <see cref="AssortativityOptions.X"/>-degree of the source, y the
/// <see cref="AssortativityOptions.Y"/>-degree of the target: out and in by default), or strengths when
/// <see cref="AssortativityOptions.Weighted"/>. Equals networkx <c>degree_assortativity_coefficient</c> and igraph
/// <c>assortativity_degree</c>.</para>
/// <para>Attribute (<see cref="AssortativityOptions.Attribute"/>): with e_ij the share of link ends going from category i
/// to category j, a_i = Σ_j e_ij and b_i = Σ_j e_ji,</para>
/// <code>r = (Σ_i e_ii - Σ_i a_i b_i) / (1 - Σ_i a_i b_i)</code>
/// <para>(networkx <c>attribute_assortativity_coefficient</c>). Innovators without the attribute (or without a region at
/// the level) form one category of their own, as networkx's <c>None</c>.</para>
/// <para>Edge cases: NaN for a network without links, for equal degrees everywhere (zero variance) and when every end
/// is in one category (0/0), where networkx warns and returns NaN too. Time O(n + m). Result properties:
/// <c>mode</c> (degree or attribute), <c>attribute</c>, <c>categories</c>, <c>pairs</c>, <c>directed</c>,
/// <c>weighted</c>.</para>
/// <para>References: M. E. J. Newman (2002), "Assortative mixing in networks", Physical Review Letters 89, 208701;
/// M. E. J. Newman (2003), "Mixing patterns in networks", Physical Review E 67, 026126.</para>
/// </remarks>
public sealed class AssortativityMetric : Metric<AssortativityOptions, ScalarResult>
{
    /// <summary>The id.</summary>
    public const string MetricId = "assortativity";

    /// <inheritdoc/>
    public override string Id => MetricId;

    /// <inheritdoc/>
    public override string Description => "Assortativity by degree (Pearson over link ends) or by a categorical attribute such as kind or region (networkx).";

    /// <inheritdoc/>
    public override MetricScope Scope => MetricScope.Network;

    /// <inheritdoc/>
    /// <exception cref="UnknownRegionLevelException">The attribute names a region level the ladder does not have.</exception>
    public override ScalarResult Compute(MetricContext context, AssortativityOptions options)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(options);
        var directed = options.Directed ?? context.Network.Links.AllDirected;
        var g = context.Graph(new GraphView { Directed = directed, Weighted = options.Weighted });
        var props = new Dictionary<string, string>
        {
            ["directed"] = directed ? "true" : "false",
            ["pairs"] = (g.EntryCount - g.SelfLoopCount).ToString(CultureInfo.InvariantCulture),
        };
        if (options.Attribute is null)
        {
            props["mode"] = "degree";
            props["weighted"] = options.Weighted ? "true" : "false";
            return new ScalarResult(Id, DegreeCoefficient(g, options), props);
        }

        var (category, count) = Categories(context.Network, options.Attribute);
        props["mode"] = "attribute";
        props["attribute"] = options.Attribute;
        props["categories"] = count.ToString(CultureInfo.InvariantCulture);
        return new ScalarResult(Id, AttributeCoefficient(g, category, count), props);
    }

    private static double DegreeCoefficient(CsrGraph g, AssortativityOptions options)
    {
        var n = g.NodeCount;
        var t = g.Transpose();
        var xs = new double[n];
        var ys = new double[n];
        for (var v = 0; v < n; v++)
        {
            xs[v] = Degree(g, t, v, g.IsDirected ? options.X : AssortativityDegree.Out, options.Weighted);
            ys[v] = Degree(g, t, v, g.IsDirected ? options.Y : AssortativityDegree.Out, options.Weighted);
        }

        var offsets = g.Offsets;
        var targets = g.Targets;
        double sx = 0, sy = 0;
        long pairs = 0;
        for (var u = 0; u < n; u++)
        {
            for (var k = offsets[u]; k < offsets[u + 1]; k++)
            {
                var v = targets[k];
                if (v != u)
                {
                    sx += xs[u];
                    sy += ys[v];
                    pairs++;
                }
            }
        }

        if (pairs == 0)
        {
            return double.NaN;
        }

        double mx = sx / pairs, my = sy / pairs;
        double cxy = 0, cxx = 0, cyy = 0;
        for (var u = 0; u < n; u++)
        {
            var dx = xs[u] - mx;
            for (var k = offsets[u]; k < offsets[u + 1]; k++)
            {
                var v = targets[k];
                if (v != u)
                {
                    var dy = ys[v] - my;
                    cxy += dx * dy;
                    cxx += dx * dx;
                    cyy += dy * dy;
                }
            }
        }

        var denominator = Math.Sqrt(cxx * cyy);
        return denominator == 0 ? double.NaN : cxy / denominator;
    }

    /// <summary>The degree (or strength) of <paramref name="v"/>, self-loops excluded (views drop them).</summary>
    private static double Degree(CsrGraph g, CsrGraph t, int v, AssortativityDegree which, bool weighted)
    {
        var rows = which == AssortativityDegree.In ? t : g;
        return weighted ? rows.Strength(v) : rows.Degree(v);
    }

    private static double AttributeCoefficient(CsrGraph g, int[] category, int count)
    {
        var n = g.NodeCount;
        var a = new double[count];
        var b = new double[count];
        double same = 0, total = 0;
        var offsets = g.Offsets;
        var targets = g.Targets;
        for (var u = 0; u < n; u++)
        {
            var cu = category[u];
            for (var k = offsets[u]; k < offsets[u + 1]; k++)
            {
                var v = targets[k];
                if (v == u)
                {
                    continue;
                }

                var cv = category[v];
                a[cu]++;
                b[cv]++;
                same += cu == cv ? 1 : 0;
                total++;
            }
        }

        if (total == 0)
        {
            return double.NaN;
        }

        var ab = 0.0;
        for (var i = 0; i < count; i++)
        {
            ab += (a[i] / total) * (b[i] / total);
        }

        var denominator = 1 - ab;
        return denominator == 0 ? double.NaN : ((same / total) - ab) / denominator;
    }

    /// <summary>A category index per innovator (0..count-1), missing values forming a category of their own.</summary>
    private static (int[] Category, int Count) Categories(GlocalNetwork network, string attribute)
    {
        var innovators = network.Innovators;
        var n = innovators.Count;
        var category = new int[n];
        if (string.Equals(attribute, "kind", StringComparison.OrdinalIgnoreCase))
        {
            var kinds = innovators.Kinds;
            for (var i = 0; i < n; i++)
            {
                category[i] = (int)kinds[i];
            }

            return Compact(category);
        }

        if (attribute.StartsWith(AssortativityOptions.RegionPrefix, StringComparison.OrdinalIgnoreCase))
        {
            var regions = network.RegionIndicesAt(attribute[AssortativityOptions.RegionPrefix.Length..]);
            for (var i = 0; i < n; i++)
            {
                category[i] = regions[i] + 1; // -1 (no region at the level) becomes category 0
            }

            return Compact(category);
        }

        var key = attribute.StartsWith(AssortativityOptions.AttributePrefix, StringComparison.OrdinalIgnoreCase)
            ? attribute[AssortativityOptions.AttributePrefix.Length..]
            : attribute;
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < n; i++)
        {
            if (innovators[i].Attributes.TryGetValue(key, out var value))
            {
                if (!ids.TryGetValue(value, out var c))
                {
                    c = ids.Count + 1;
                    ids.Add(value, c);
                }

                category[i] = c;
            }
        }

        return Compact(category);
    }

    /// <summary>Renumbers arbitrary non-negative category values to 0..count-1.</summary>
    private static (int[] Category, int Count) Compact(int[] values)
    {
        var max = 0;
        foreach (var v in values)
        {
            max = Math.Max(max, v);
        }

        var map = new int[max + 1];
        Array.Fill(map, -1);
        var count = 0;
        for (var i = 0; i < values.Length; i++)
        {
            ref var m = ref map[values[i]];
            if (m < 0)
            {
                m = count++;
            }

            values[i] = m;
        }

        return (values, count);
    }
}
