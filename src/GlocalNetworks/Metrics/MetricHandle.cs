using System;

namespace GlocalNetworks.Metrics;

/// <summary>A strongly typed reference to a metric by id, for the fluent API: <c>.Compute(StandardMetrics.PageRank, o =&gt; o with { Alpha = 0.9 })</c>.</summary>
/// <typeparam name="TOptions">The metric's options type.</typeparam>
/// <typeparam name="TResult">The metric's result type.</typeparam>
/// <param name="Id">The metric id.</param>
public sealed record MetricHandle<TOptions, TResult>(string Id)
    where TOptions : class, new()
    where TResult : MetricResult
{
    /// <summary>The options type.</summary>
    public Type OptionsType => typeof(TOptions);

    /// <inheritdoc/>
    public override string ToString() => Id;
}
