using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using GlocalNetworks.Model;

namespace GlocalNetworks.Metrics;

/// <summary>
/// The results of one analysis run: every metric's table in request order, the analysed network (slice) and the
/// request. Exports the CLI's files: <c>nodes.csv</c>, <c>regions.csv</c>, <c>links.csv</c>, <c>network.csv</c>. Immutable.
/// </summary>
public sealed class AnalysisResult
{
    private readonly List<MetricResult> _results;
    private readonly SignificanceTable[] _significance;

    internal AnalysisResult(GlocalNetwork network, AnalysisRequest request, List<MetricResult> results, SignificanceTable[]? significance = null)
    {
        Network = network;
        Request = request;
        _results = results;
        _significance = significance ?? [];
    }

    /// <summary>The network analysed (after time slicing).</summary>
    public GlocalNetwork Network { get; }

    /// <summary>The request that produced these results.</summary>
    public AnalysisRequest Request { get; }

    /// <summary>Every result, in request order.</summary>
    public IReadOnlyList<MetricResult> Results => _results;

    /// <summary>The seed used.</summary>
    public ulong Seed => Request.Seed;

    /// <summary>The significance tables, one per metric in request order, when the analysis ran against a null model
    /// (<c>Analyze()...Against(NullModel.DegreePreserving)</c>); otherwise empty.</summary>
    public IReadOnlyList<SignificanceTable> SignificanceTables => _significance;

    /// <summary>The significance table of the (first) metric with <paramref name="metricId"/>.</summary>
    /// <param name="metricId">The metric id.</param>
    /// <returns>The table.</returns>
    /// <exception cref="KeyNotFoundException">The analysis ran no null model, or did not compute the metric.</exception>
    public SignificanceTable Significance(string metricId)
    {
        foreach (var t in _significance)
        {
            if (string.Equals(t.MetricId, metricId, StringComparison.Ordinal))
            {
                return t;
            }
        }

        throw new KeyNotFoundException(_significance.Length == 0
            ? $"The analysis ran no null model; add .Against(...) to test '{metricId}'."
            : $"The analysis did not test '{metricId}'; it tested {string.Join(", ", Ids())}.");
    }

    /// <summary>This result with significance tables attached.</summary>
    internal AnalysisResult WithSignificance(SignificanceTable[] tables) => new(Network, Request, _results, tables);

    /// <summary>The (first) result of the metric with <paramref name="metricId"/>.</summary>
    /// <param name="metricId">The metric id.</param>
    /// <exception cref="KeyNotFoundException">The metric was not part of this run.</exception>
    public MetricResult this[string metricId] =>
        TryGet(metricId, out var r) ? r : throw new KeyNotFoundException($"The analysis did not compute '{metricId}'; it computed {string.Join(", ", Ids())}.");

    /// <summary>Looks up a result.</summary>
    /// <param name="metricId">The metric id.</param>
    /// <param name="result">The result when found.</param>
    /// <returns>Whether the metric was computed.</returns>
    public bool TryGet(string metricId, [NotNullWhen(true)] out MetricResult? result)
    {
        foreach (var r in _results)
        {
            if (string.Equals(r.MetricId, metricId, StringComparison.Ordinal))
            {
                result = r;
                return true;
            }
        }

        result = null;
        return false;
    }

    /// <summary>The typed result of a metric.</summary>
    /// <typeparam name="TOptions">The options type.</typeparam>
    /// <typeparam name="TResult">The result type.</typeparam>
    /// <param name="handle">The metric handle.</param>
    /// <returns>The result.</returns>
    public TResult Get<TOptions, TResult>(MetricHandle<TOptions, TResult> handle)
        where TOptions : class, new()
        where TResult : MetricResult
    {
        ArgumentNullException.ThrowIfNull(handle);
        return (TResult)this[handle.Id];
    }

    /// <summary>Writes <c>nodes.csv</c> (first column <c>id</c>, then one column per node metric, <c>ID.PART</c> for
    /// several values), <c>regions.csv</c> (first column <c>region</c>; one file per level when levels differ, as
    /// <c>regions-LEVEL.csv</c>), <c>links.csv</c> and <c>network.csv</c> (<c>metric,value</c>) into <paramref name="directory"/>;
    /// other results (group tables, matrices) go to <c>METRIC.csv</c>, or <c>METRIC-PART.csv</c> for a part of a
    /// <see cref="CompositeResult"/>, whose other parts join the files of their kind. A file is written only when a metric
    /// of its kind ran. The rows of a shared file are the union of its tables' rows (in order of first appearance); a
    /// table without a row has <c>NaN</c> there. Significance tables go to <c>METRIC-significance.csv</c>.</summary>
    /// <param name="directory">The folder (created when missing).</param>
    /// <returns>The paths written.</returns>
    public IReadOnlyList<string> WriteCsv(string directory) => ResultFiles.Write(Flattened(), directory, json: false);

    /// <summary>Writes the same files as <see cref="WriteCsv(string)"/> as JSON (<c>nodes.json</c>, ...): each keyed file an
    /// array of row objects (<c>{"id": "a", "degree": 3}</c>), <c>network.json</c> an array of <c>{"metric", "value"}</c>
    /// objects, a matrix an object with <c>rows</c>, <c>columns</c> and <c>values</c>; NaN and infinities are written as
    /// <c>null</c>, as JSON has no such numbers.</summary>
    /// <param name="directory">The folder (created when missing).</param>
    /// <returns>The paths written.</returns>
    public IReadOnlyList<string> WriteJson(string directory) => ResultFiles.Write(Flattened(), directory, json: true);

    /// <summary>Every result, with the parts of a <see cref="CompositeResult"/> in its place (and their part names), then the
    /// significance tables (part <c>significance</c>).</summary>
    internal IEnumerable<(MetricResult Result, string? Part)> Flattened()
    {
        foreach (var r in _results)
        {
            if (r is CompositeResult c)
            {
                foreach (var (name, part) in c.Parts)
                {
                    yield return (part, name);
                }
            }
            else
            {
                yield return (r, null);
            }
        }

        foreach (var t in _significance)
        {
            yield return (t, "significance");
        }
    }

    /// <summary>Every result as Markdown, one section per metric.</summary>
    /// <param name="maxRows">Rows per table.</param>
    /// <returns>The Markdown.</returns>
    public string ToMarkdown(int maxRows = 10)
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"# Analysis of {Network}\n\nSeed {Seed}.\n\n");
        foreach (var r in _results)
        {
            sb.Append("## ").Append(r.MetricId).Append("\n\n").Append(r.ToMarkdown(maxRows)).Append('\n');
        }

        foreach (var t in _significance)
        {
            sb.Append(CultureInfo.InvariantCulture, $"## {t.MetricId} against {t.NullModel} ({t.Replicates} replicates)\n\n")
                .Append(t.ToMarkdown(maxRows)).Append('\n');
        }

        return sb.ToString();
    }

    /// <inheritdoc/>
    public override string ToString() => ToMarkdown();

    private IEnumerable<string> Ids()
    {
        foreach (var r in _results)
        {
            yield return r.MetricId;
        }
    }
}
