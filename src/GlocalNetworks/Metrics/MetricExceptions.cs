using System;
using System.Collections.Generic;
using System.Globalization;

namespace GlocalNetworks.Metrics;

/// <summary>A metric id that no registered metric has; the message suggests up to three close ids.</summary>
public sealed class UnknownMetricException : KeyNotFoundException
{
    /// <summary>Creates the error.</summary>
    /// <param name="id">The unknown id.</param>
    /// <param name="suggestions">Up to three close known ids.</param>
    public UnknownMetricException(string id, IReadOnlyList<string> suggestions)
        : base(suggestions.Count == 0
            ? $"Unknown metric id '{id}'. Known ids are listed by 'glocal metrics --list'."
            : $"Unknown metric id '{id}'. Did you mean '{string.Join("' or '", suggestions)}'? Known ids are listed by 'glocal metrics --list'.")
    {
        Id = id;
        Suggestions = suggestions;
    }

    /// <summary>The unknown id.</summary>
    public string Id { get; }

    /// <summary>Close known ids.</summary>
    public IReadOnlyList<string> Suggestions { get; }
}

/// <summary>An iterative metric that did not converge within its iteration limit.</summary>
public sealed class ConvergenceException : Exception
{
    /// <summary>Creates the error.</summary>
    /// <param name="metricId">The metric.</param>
    /// <param name="iterations">Iterations run.</param>
    /// <param name="residual">The last residual.</param>
    /// <param name="tolerance">The tolerance it had to reach.</param>
    public ConvergenceException(string metricId, int iterations, double residual, double tolerance)
        : base(string.Create(CultureInfo.InvariantCulture,
            $"Metric '{metricId}' did not converge in {iterations} iterations: the residual is {residual:G6}, the tolerance {tolerance:G6}. Raise MaxIterations or the tolerance."))
    {
        MetricId = metricId;
        Iterations = iterations;
        Residual = residual;
        Tolerance = tolerance;
    }

    /// <summary>The metric.</summary>
    public string MetricId { get; }

    /// <summary>Iterations run.</summary>
    public int Iterations { get; }

    /// <summary>The last residual.</summary>
    public double Residual { get; }

    /// <summary>The tolerance.</summary>
    public double Tolerance { get; }
}

/// <summary>A metric that is defined only on a connected network (diameter, average shortest path, as in networkx) was run
/// on a disconnected one; the message says how to measure the largest component instead.</summary>
public sealed class DisconnectedGraphException : InvalidOperationException
{
    /// <summary>Creates the error.</summary>
    /// <param name="metricId">The metric.</param>
    /// <param name="components">The number of (strongly, when directed) connected components.</param>
    /// <param name="largest">The size of the largest one.</param>
    /// <param name="nodeCount">The number of innovators.</param>
    /// <param name="option">The option that selects the largest component, e.g. <c>Disconnected = DisconnectedPolicy.LargestComponent</c>.</param>
    public DisconnectedGraphException(string metricId, int components, int largest, int nodeCount, string option)
        : base(string.Create(CultureInfo.InvariantCulture,
            $"Metric '{metricId}' needs a connected network, but this one has {components} components (the largest holds {largest} of {nodeCount} innovators), so some distances are infinite. Set {option} to measure the largest component, as igraph and most studies do."))
    {
        MetricId = metricId;
        Components = components;
        Largest = largest;
    }

    /// <summary>The metric.</summary>
    public string MetricId { get; }

    /// <summary>The number of components.</summary>
    public int Components { get; }

    /// <summary>The size of the largest component.</summary>
    public int Largest { get; }
}
