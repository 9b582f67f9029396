using System;
using System.Collections.Generic;
using System.Globalization;
using System.Reflection;
using GlocalNetworks.Metrics;

namespace GlocalNetworks.Cli;

/// <summary>
/// Sets metric options from the command line by property name: <c>--set pagerank.alpha=0.9</c>, and the conventions the
/// CLI applies to every metric (<c>Weighted</c> for <c>--unweighted</c>, <c>Groups</c> for <c>--groups</c>). Options are
/// sealed records, so each change copies the record (through its <c>with</c> clone) before setting the property.
/// </summary>
internal static class MetricOptionSetter
{
    /// <summary>A fresh options object of the metric's options type, with its defaults.</summary>
    public static object Defaults(IMetric metric) =>
        Activator.CreateInstance(metric.OptionsType)
        ?? throw new InvalidOperationException($"Metric '{metric.Id}' has an options type without a parameterless constructor.");

    /// <summary>Whether the options type has a settable property of that name (case-insensitive, dashes ignored) and type.</summary>
    public static bool Has(object options, string name, Type type) => Find(options.GetType(), name) is { } p && p.PropertyType == type;

    /// <summary>Sets a property from its text form; returns the changed copy.</summary>
    /// <exception cref="ArgumentException">No such property, or the text does not parse as its type; the message lists the
    /// properties or says what is expected.</exception>
    public static object Set(IMetric metric, object options, string name, string text)
    {
        var p = Find(options.GetType(), name) ?? throw new ArgumentException(
            $"Metric '{metric.Id}' has no option '{name}'; its options are {string.Join(", ", Names(options.GetType()))}.");
        return SetValue(options, p, Parse(metric, p, text));
    }

    /// <summary>Sets a property to a value (the caller checked it exists with <see cref="Has"/>); returns the changed copy.</summary>
    public static object Set(object options, string name, object? value) => SetValue(options, Find(options.GetType(), name)!, value);

    private static object SetValue(object options, PropertyInfo p, object? value)
    {
        var clone = options.GetType().GetMethod("<Clone>$")?.Invoke(options, null) ?? options;
        p.SetValue(clone, value);
        return clone;
    }

    private static PropertyInfo? Find(Type type, string name)
    {
        var key = Normalise(name);
        foreach (var p in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (p.CanWrite && p.GetIndexParameters().Length == 0 && Normalise(p.Name) == key)
            {
                return p;
            }
        }

        return null;
    }

    private static IEnumerable<string> Names(Type type)
    {
        foreach (var p in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (p.CanWrite && p.GetIndexParameters().Length == 0)
            {
                yield return p.Name;
            }
        }
    }

    private static string Normalise(string s) => s.Replace("-", string.Empty, StringComparison.Ordinal).Replace("_", string.Empty, StringComparison.Ordinal).ToUpperInvariant();

    private static object? Parse(IMetric metric, PropertyInfo p, string text)
    {
        var type = Nullable.GetUnderlyingType(p.PropertyType) ?? p.PropertyType;
        var nullable = !p.PropertyType.IsValueType || Nullable.GetUnderlyingType(p.PropertyType) is not null;
        if (nullable && (text.Length == 0 || text.Equals("null", StringComparison.OrdinalIgnoreCase)))
        {
            return null;
        }

        var ci = CultureInfo.InvariantCulture;
        object? value = null;
        var ok = type switch
        {
            _ when type == typeof(string) => (value = text) is not null,
            _ when type == typeof(bool) => bool.TryParse(text, out var b) && (value = b) is not null,
            _ when type == typeof(int) => int.TryParse(text, NumberStyles.Integer, ci, out var i) && (value = i) is not null,
            _ when type == typeof(long) => long.TryParse(text, NumberStyles.Integer, ci, out var l) && (value = l) is not null,
            _ when type == typeof(ulong) => ulong.TryParse(text, NumberStyles.Integer, ci, out var u) && (value = u) is not null,
            _ when type == typeof(double) => double.TryParse(text, NumberStyles.Float, ci, out var d) && (value = d) is not null,
            _ when type.IsEnum => Enum.TryParse(type, text.Replace("-", string.Empty, StringComparison.Ordinal), ignoreCase: true, out value),
            _ => throw new ArgumentException($"Option '{p.Name}' of metric '{metric.Id}' has type '{type.Name}', which cannot be set from the command line."),
        };
        if (!ok)
        {
            var expected = type.IsEnum ? "one of " + string.Join(", ", Enum.GetNames(type)) : "a " + type.Name;
            throw new ArgumentException($"Option '{p.Name}' of metric '{metric.Id}': value '{text}' is not {expected}.");
        }

        return value;
    }
}
