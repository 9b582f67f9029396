using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using GlocalNetworks.Kernels;
using GlocalNetworks.Metrics;
using GlocalNetworks.Scales;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Configures GlocalNetworks in a service collection: <c>services.AddGlocalNetworks(b =&gt; b.AddMetric&lt;MyMetric&gt;().WithDefaultSeed(7))</c>.</summary>
public sealed class GlocalNetworksBuilder
{
    internal GlocalNetworksBuilder(IServiceCollection services) => Services = services;

    /// <summary>The service collection.</summary>
    public IServiceCollection Services { get; }

    /// <summary>The default seed of analyses resolved from this container.</summary>
    public ulong DefaultSeed { get; private set; } = DeterministicRandom.DefaultSeed;

    /// <summary>Registers a metric (alongside the built-in ones; a metric with a built-in id replaces nothing and is
    /// rejected by the registry as a duplicate).</summary>
    /// <typeparam name="TMetric">The metric type, with a constructor the container can call.</typeparam>
    /// <returns>This builder.</returns>
    public GlocalNetworksBuilder AddMetric<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TMetric>()
        where TMetric : class, IMetric
    {
        Services.TryAddEnumerable(ServiceDescriptor.Singleton<IMetric, TMetric>());
        return this;
    }

    /// <summary>Registers a metric instance.</summary>
    /// <param name="metric">The metric.</param>
    /// <returns>This builder.</returns>
    public GlocalNetworksBuilder AddMetric(IMetric metric)
    {
        ArgumentNullException.ThrowIfNull(metric);
        Services.TryAddEnumerable(ServiceDescriptor.Singleton(typeof(IMetric), metric));
        return this;
    }

    /// <summary>Registers a comparison statistic (an <see cref="IComparisonMetric"/>, run by
    /// <c>GlocalNetwork.Compare(...).Using(registry).Compute(id)</c>) alongside the built-in <c>qap</c> and <c>mrqap</c>; its id
    /// must differ from every metric's.</summary>
    /// <typeparam name="TMetric">The statistic type, with a constructor the container can call.</typeparam>
    /// <returns>This builder.</returns>
    public GlocalNetworksBuilder AddComparisonMetric<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TMetric>()
        where TMetric : class, IComparisonMetric
    {
        Services.TryAddEnumerable(ServiceDescriptor.Singleton<IComparisonMetric, TMetric>());
        return this;
    }

    /// <summary>Registers a comparison statistic instance.</summary>
    /// <param name="metric">The statistic.</param>
    /// <returns>This builder.</returns>
    public GlocalNetworksBuilder AddComparisonMetric(IComparisonMetric metric)
    {
        ArgumentNullException.ThrowIfNull(metric);
        Services.TryAddEnumerable(ServiceDescriptor.Singleton(typeof(IComparisonMetric), metric));
        return this;
    }

    /// <summary>Sets the default seed (recorded in <see cref="GlocalNetworksDefaults"/>).</summary>
    /// <param name="seed">The seed.</param>
    /// <returns>This builder.</returns>
    public GlocalNetworksBuilder WithDefaultSeed(ulong seed)
    {
        DefaultSeed = seed;
        return this;
    }
}

/// <summary>Defaults registered by <c>AddGlocalNetworks</c>.</summary>
/// <param name="Seed">The default seed.</param>
public sealed record GlocalNetworksDefaults(ulong Seed);

/// <summary>Registers GlocalNetworks with <c>TryAdd</c> semantics, so an app can replace any service.</summary>
public static class GlocalNetworksServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IMetricRegistry"/> (over every <see cref="IMetric"/> and <see cref="IComparisonMetric"/>
    /// service), <see cref="IAnalyzer"/>, <see cref="IScaleClassifier"/> (<see cref="LcaScaleClassifier"/>), each built-in
    /// metric as an <see cref="IMetric"/> and each built-in comparison statistic (<c>qap</c>, <c>mrqap</c>) as an
    /// <see cref="IComparisonMetric"/> (with <c>TryAddEnumerable</c>). Calling it twice is harmless.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Adds metrics and sets defaults, or <see langword="null"/>.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddGlocalNetworks(this IServiceCollection services, Action<GlocalNetworksBuilder>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var builder = new GlocalNetworksBuilder(services);
        configure?.Invoke(builder);
        foreach (var m in BuiltInMetrics.Create())
        {
            services.TryAddEnumerable(ServiceDescriptor.Singleton(typeof(IMetric), m));
        }

        foreach (var c in GlocalNetworks.Comparison.ComparisonFamily.Create())
        {
            services.TryAddEnumerable(ServiceDescriptor.Singleton(typeof(IComparisonMetric), c));
        }

        services.TryAddSingleton<IMetricRegistry>(sp => new MetricRegistry(
            (IEnumerable<IMetric>)sp.GetService(typeof(IEnumerable<IMetric>))!,
            (IEnumerable<IComparisonMetric>)sp.GetService(typeof(IEnumerable<IComparisonMetric>))!));
        services.TryAddSingleton<IAnalyzer>(sp => new Analyzer((IMetricRegistry)sp.GetService(typeof(IMetricRegistry))!));
        services.TryAddSingleton<IScaleClassifier>(LcaScaleClassifier.Instance);
        services.TryAddSingleton(new GlocalNetworksDefaults(builder.DefaultSeed));
        return services;
    }
}
