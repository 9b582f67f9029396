using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using GlocalNetworks.Model;
using Xunit;

namespace GlocalNetworks.Tests.Consistency;

/// <summary>The layers of DESIGN 3.1, checked by reflection over every signature (fields, properties, methods, constructors).</summary>
public sealed class ArchitectureTests
{
    private static readonly Assembly Core = typeof(GlocalNetwork).Assembly;

    private static IEnumerable<Type> ReferencedTypes(Type t)
    {
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        foreach (var f in t.GetFields(all))
        {
            yield return f.FieldType;
        }

        foreach (var p in t.GetProperties(all))
        {
            yield return p.PropertyType;
        }

        foreach (var m in t.GetMethods(all))
        {
            yield return m.ReturnType;
            foreach (var p in m.GetParameters())
            {
                yield return p.ParameterType;
            }
        }

        foreach (var c in t.GetConstructors(all))
        {
            foreach (var p in c.GetParameters())
            {
                yield return p.ParameterType;
            }
        }
    }

    private static IEnumerable<Type> Flatten(Type t)
    {
        while (t.HasElementType)
        {
            t = t.GetElementType()!;
        }

        yield return t;
        if (t.IsGenericType)
        {
            foreach (var a in t.GetGenericArguments().SelectMany(Flatten))
            {
                yield return a;
            }
        }
    }

    private static List<string> Violations(string layer, params string[] forbidden)
    {
        var bad = new List<string>();
        foreach (var t in Core.GetTypes().Where(t => t.Namespace == layer))
        {
            foreach (var r in ReferencedTypes(t).SelectMany(Flatten))
            {
                if (r.Assembly == Core && r.Namespace is { } ns && forbidden.Any(f => ns == f || ns.StartsWith(f + ".", StringComparison.Ordinal)))
                {
                    bad.Add($"{t.FullName} -> {r.FullName}");
                }
            }
        }

        return bad.Distinct().ToList();
    }

    [Fact]
    public void Kernels_KnowNothingOfTheDomain()
    {
        Assert.Empty(Violations("GlocalNetworks.Kernels", "GlocalNetworks.Model", "GlocalNetworks.Scales", "GlocalNetworks.IO", "GlocalNetworks.Interop", "GlocalNetworks.Data", "GlocalNetworks.Metrics", "GlocalNetworks.Fluent"));
    }

    [Fact]
    public void Model_DependsOnNoFrontEndIoOrKernels()
    {
        Assert.Empty(Violations("GlocalNetworks.Model", "GlocalNetworks.Kernels", "GlocalNetworks.IO", "GlocalNetworks.Interop", "GlocalNetworks.Data", "GlocalNetworks.Metrics", "GlocalNetworks.Fluent", "GlocalNetworks.Evolution", "GlocalNetworks.Glocal"));
        Assert.Empty(Violations("GlocalNetworks.Scales", "GlocalNetworks.Kernels", "GlocalNetworks.IO", "GlocalNetworks.Interop", "GlocalNetworks.Data"));
    }

    [Fact]
    public void Io_DependsOnModelNotOnInteropOrData()
    {
        foreach (var ns in Core.GetTypes().Select(t => t.Namespace).Where(n => n is not null && n.StartsWith("GlocalNetworks.IO", StringComparison.Ordinal)).Distinct())
        {
            Assert.Empty(Violations(ns!, "GlocalNetworks.Interop", "GlocalNetworks.Data"));
        }
    }

    [Fact]
    public void PublicTypes_LiveInTheirFolderNamespaces()
    {
        string[] allowed =
        [
            "GlocalNetworks", "GlocalNetworks.Model", "GlocalNetworks.Scales", "GlocalNetworks.Kernels", "GlocalNetworks.Interop",
            "GlocalNetworks.IO", "GlocalNetworks.IO.Csv", "GlocalNetworks.IO.Events", "GlocalNetworks.IO.GraphFormats", "GlocalNetworks.IO.Snapshot", "GlocalNetworks.Data",
            "GlocalNetworks.Metrics", "GlocalNetworks.Fluent", "Microsoft.Extensions.DependencyInjection",
            "GlocalNetworks.Glocal", "GlocalNetworks.Statistics", "GlocalNetworks.NullModels", "GlocalNetworks.Evolution",
            "GlocalNetworks.EconGeo", "GlocalNetworks.Comparison",
        ];
        var stray = Core.GetExportedTypes()
            .Where(t => !allowed.Contains(t.Namespace) && !(t.Namespace ?? string.Empty).StartsWith("GlocalNetworks.Metrics.", StringComparison.Ordinal))
            .Select(t => t.FullName).ToList();

        Assert.Empty(stray);
    }

    [Fact]
    public void ModelTypes_AreImmutable_NoPublicSetters()
    {
        var exempt = new HashSet<Type> { typeof(GlocalNetworkBuilder) };
        var setters = typeof(GlocalNetwork).Assembly.GetExportedTypes()
            .Where(t => t.Namespace == "GlocalNetworks.Model" && !exempt.Contains(t))
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            .Where(p => p.SetMethod is { IsPublic: true } s && !s.ReturnParameter.GetRequiredCustomModifiers().Any(m => m.Name == "IsExternalInit"))
            .Select(p => $"{p.DeclaringType!.Name}.{p.Name}")
            .ToList();

        Assert.Empty(setters);
    }
}
