using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Reflection;
using GlocalNetworks.Glocal;
using GlocalNetworks.IO.Csv;
using GlocalNetworks.Metrics;
using GlocalNetworks.Model;

namespace GlocalNetworks.Cli;

/// <summary>
/// Sets metric options from the command line by property name: <c>--set pagerank.alpha=0.9</c>, and the conventions the
/// CLI applies to every metric (<c>Weighted</c> for <c>--unweighted</c>, <c>Groups</c> for <c>--groups</c>). Options are
/// sealed records, so each change copies the record (through its <c>with</c> clone) before setting the property.
/// </summary>
/// <remarks>
/// Values by property type: numbers, booleans and strings as text (invariant culture); enums by name, case-insensitive,
/// dashes ignored (<c>largest-component</c>), flags joined with <c>+</c>; nullable types also take <c>null</c> or an empty
/// value; lists and arrays of strings, numbers or enums comma-separated (<c>ei-index.levels=nuts2,country</c>); string →
/// number maps as <c>key:value,key:value</c> or <c>@file.csv</c> (two columns, a header); innovator groups as
/// <c>@file.csv</c> (<c>id,group</c>, as <c>--groups</c>); result tables (a modularity partition) as <c>@nodes.csv</c>; nested records through dotted paths
/// (<c>gatekeepers.threshold.kind=quantile</c>, <c>gatekeepers.threshold.value=0.9</c>).
/// </remarks>
internal static class MetricOptionSetter
{
    /// <summary>A fresh options object of the metric's options type, with its defaults.</summary>
    public static object Defaults(IMetric metric) => Defaults(metric.OptionsType, metric.Id);

    /// <summary>A fresh options object of <paramref name="optionsType"/>, with its defaults.</summary>
    public static object Defaults(Type optionsType, string metricId) =>
        Activator.CreateInstance(optionsType)
        ?? throw new InvalidOperationException($"Metric '{metricId}' has an options type without a parameterless constructor.");

    /// <summary>Whether the options type has a settable property of that name (case-insensitive, dashes ignored) and type.</summary>
    public static bool Has(object options, string name, Type type) => Find(options.GetType(), name) is { } p && p.PropertyType == type;

    /// <summary>Sets a property (or, through a dotted path, a property of a nested record) from its text form; returns the
    /// changed copy.</summary>
    /// <param name="metricId">The metric, for messages.</param>
    /// <param name="options">The options.</param>
    /// <param name="path">The property name or dotted path (<c>threshold.kind</c>).</param>
    /// <param name="text">The value.</param>
    /// <param name="network">The network, for values that refer to its innovators (<c>@groups.csv</c>); may be null.</param>
    /// <exception cref="ArgumentException">No such property, or the text does not parse as its type; the message lists the
    /// properties or the valid values.</exception>
    public static object Set(string metricId, object options, string path, string text, GlocalNetwork? network = null) =>
        SetPath(metricId, options, path.Split('.'), 0, text, network);

    /// <summary>Sets a property to a value (the caller checked it exists with <see cref="Has"/>); returns the changed copy.</summary>
    public static object Set(object options, string name, object? value) => SetValue(options, Find(options.GetType(), name)!, value);

    private static object SetPath(string metricId, object owner, string[] path, int at, string text, GlocalNetwork? network)
    {
        var name = path[at];
        var p = Find(owner.GetType(), name) ?? throw new ArgumentException(at == 0
            ? $"Metric '{metricId}' has no option '{name}'; its options are {string.Join(", ", Names(owner.GetType()))}."
            : $"Option '{string.Join(".", path, 0, at)}' of metric '{metricId}' has no part '{name}'; its parts are {string.Join(", ", Names(owner.GetType()))}.");
        var label = string.Join(".", path, 0, at + 1);
        if (at == path.Length - 1)
        {
            return SetValue(owner, p, Parse(metricId, label, p.PropertyType, text, network));
        }

        var type = Nullable.GetUnderlyingType(p.PropertyType) ?? p.PropertyType;
        if (!IsRecord(type))
        {
            throw new ArgumentException($"Option '{label}' of metric '{metricId}' is a {type.Name}, which has no parts; use --set {metricId}.{label}=VALUE.");
        }

        var current = p.GetValue(owner) ?? Blank(type);
        return SetValue(owner, p, SetPath(metricId, current, path, at + 1, text, network));
    }

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

    // A record with settable properties (a nested option such as GatekeeperThreshold).
    private static bool IsRecord(Type type) => type.IsClass && type != typeof(string) && type.GetMethod("<Clone>$") is not null;

    // A value of a nested record type to set parts on: its parameterless constructor, else its primary constructor with
    // each parameter's default (NaN for floating point, so an unset number stays visibly unset).
    private static object Blank(Type type)
    {
        if (type.GetConstructor(Type.EmptyTypes) is { } empty)
        {
            return empty.Invoke(null);
        }

        foreach (var c in type.GetConstructors())
        {
            var ps = c.GetParameters();
            if (ps.Length == 1 && ps[0].ParameterType == type)
            {
                continue;
            }

            var args = new object?[ps.Length];
            for (var i = 0; i < ps.Length; i++)
            {
                var t = ps[i].ParameterType;
                args[i] = t == typeof(double) ? double.NaN : t.IsValueType ? Activator.CreateInstance(t) : null;
            }

            return c.Invoke(args);
        }

        throw new InvalidOperationException($"'{type.Name}' has no constructor the command line can call.");
    }

    private static object? Parse(string metricId, string label, Type declared, string text, GlocalNetwork? network)
    {
        var type = Nullable.GetUnderlyingType(declared) ?? declared;
        var nullable = !declared.IsValueType || Nullable.GetUnderlyingType(declared) is not null;
        if (nullable && (text.Length == 0 || text.Equals("null", StringComparison.OrdinalIgnoreCase)))
        {
            return null;
        }

        if (type == typeof(InnovatorGroups))
        {
            return Groups(metricId, label, text, network);
        }

        if (type == typeof(KeyedTable) || type == typeof(NodeTable))
        {
            if (!text.StartsWith('@'))
            {
                throw new ArgumentException($"Option '{label}' of metric '{metricId}' takes a file: @nodes.csv (id and columns of numbers, as glocal metrics writes it).");
            }

            return GlocalCsv.ReadNodeTable(CsvInput.FromFile(Existing(text[1..])));
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>)
            && type.GetGenericArguments()[0] == typeof(string) && type.GetGenericArguments()[1] == typeof(double))
        {
            return Map(metricId, label, text);
        }

        if (ElementType(type) is { } element)
        {
            var parts = text.Length == 0 ? [] : text.Split(',', StringSplitOptions.TrimEntries);
            var array = Array.CreateInstance(element, parts.Length);
            for (var i = 0; i < parts.Length; i++)
            {
                array.SetValue(Scalar(metricId, label, element, parts[i]), i);
            }

            return type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>) ? Activator.CreateInstance(type, array) : array;
        }

        if (IsRecord(type))
        {
            throw new ArgumentException($"Option '{label}' of metric '{metricId}' is a {type.Name}; set its parts: "
                + string.Join(", ", Parts(label, type)) + ".");
        }

        return Scalar(metricId, label, type, text);
    }

    private static IEnumerable<string> Parts(string label, Type type)
    {
        foreach (var n in Names(type))
        {
            yield return label + "." + n;
        }
    }

    // The element type of an array or a list-like interface a T[] can be assigned to (or List<T>); null otherwise.
    private static Type? ElementType(Type type)
    {
        if (type.IsArray)
        {
            return type.GetElementType();
        }

        if (!type.IsGenericType || type.GetGenericArguments().Length != 1)
        {
            return null;
        }

        var def = type.GetGenericTypeDefinition();
        return def == typeof(IReadOnlyList<>) || def == typeof(IReadOnlyCollection<>) || def == typeof(IEnumerable<>) || def == typeof(IList<>)
            || def == typeof(ICollection<>) || def == typeof(List<>)
            ? type.GetGenericArguments()[0]
            : null;
    }

    private static object Scalar(string metricId, string label, Type type, string text)
    {
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
            _ when type == typeof(float) => float.TryParse(text, NumberStyles.Float, ci, out var f) && (value = f) is not null,
            _ when type == typeof(char) => text.Length == 1 && (value = text[0]) is not null,
            _ when type == typeof(TimeSpan) => TimeSpan.TryParse(text, ci, out var ts) && (value = ts) is not null,
            _ when type.IsEnum => TryEnum(type, text, out value),
            _ => throw new ArgumentException($"Option '{label}' of metric '{metricId}' has type '{type.Name}', which cannot be set from the command line."),
        };
        if (!ok)
        {
            var expected = type.IsEnum ? "one of " + string.Join(", ", Enum.GetNames(type)) + (type.IsDefined(typeof(FlagsAttribute), false) ? " (combine with +)" : string.Empty)
                : type == typeof(bool) ? "true or false"
                : type == typeof(TimeSpan) ? "a TimeSpan (d.hh:mm:ss)"
                : "a " + type.Name;
            throw new ArgumentException($"Option '{label}' of metric '{metricId}': value '{text}' is not {expected}.");
        }

        return value!;
    }

    // An enum by name (case-insensitive, dashes ignored); flags joined with '+'. Numbers are not names.
    private static bool TryEnum(Type type, string text, out object? value)
    {
        value = null;
        var flags = type.IsDefined(typeof(FlagsAttribute), false);
        ulong bits = 0;
        foreach (var part in flags ? text.Split(['+', ','], StringSplitOptions.TrimEntries) : [text])
        {
            var key = Normalise(part);
            string? match = null;
            foreach (var name in Enum.GetNames(type))
            {
                if (Normalise(name) == key)
                {
                    match = name;
                }
            }

            if (match is null)
            {
                return false;
            }

            bits |= Convert.ToUInt64(Enum.Parse(type, match), CultureInfo.InvariantCulture);
        }

        value = Enum.ToObject(type, bits);
        return true;
    }

    private static Dictionary<string, double> Map(string metricId, string label, string text)
    {
        var map = new Dictionary<string, double>(StringComparer.Ordinal);
        if (text.StartsWith('@'))
        {
            var file = Existing(text[1..]);
            var lines = File.ReadAllLines(file);
            for (var i = 1; i < lines.Length; i++)
            {
                if (lines[i].Trim().Length == 0)
                {
                    continue;
                }

                var cells = lines[i].Split(',');
                if (cells.Length < 2 || !double.TryParse(cells[1].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var v))
                {
                    throw new CsvFormatException(Path.GetFileName(file), i + 1, cells.Length < 2 ? null : "value", lines[i],
                        $"is not 'key,number' (option '{label}' of metric '{metricId}')");
                }

                var key = cells[0].Trim().Trim('"');
                if (!map.TryAdd(key, v))
                {
                    throw new DuplicateIdException(Path.GetFileName(file), i + 1, "key", key, null);
                }
            }

            return map;
        }

        foreach (var pair in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var colon = pair.LastIndexOf(':');
            if (colon <= 0 || !double.TryParse(pair[(colon + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture, out var v))
            {
                throw new ArgumentException($"Option '{label}' of metric '{metricId}': '{pair}' is not KEY:NUMBER; give key:value,key:value or @file.csv (key,value with a header).");
            }

            map[pair[..colon]] = v;
        }

        return map;
    }

    private static InnovatorGroups Groups(string metricId, string label, string text, GlocalNetwork? network)
    {
        if (!text.StartsWith('@') || network is null)
        {
            throw new ArgumentException($"Option '{label}' of metric '{metricId}' takes a file: @groups.csv (id,group), as --groups.");
        }

        var file = Existing(text[1..]);
        return InnovatorGroups.FromMap(network, GlocalCsv.ReadGroups(CsvInput.FromFile(file)), Path.GetFileNameWithoutExtension(file));
    }

    private static string Existing(string path) =>
        File.Exists(path) ? Path.GetFullPath(path) : throw new FileNotFoundException($"The file '{Path.GetFullPath(path)}' does not exist.", path);
}
