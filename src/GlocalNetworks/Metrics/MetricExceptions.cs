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
