using System;
using GlocalNetworks.Kernels;
using GlocalNetworks.Model;
using GlocalNetworks.Scales;

namespace GlocalNetworks.IO;

/// <summary>How readers treat bad input.</summary>
public enum LoadMode
{
    /// <summary>Throw a <see cref="GlocalDataException"/> on the first problem (the default).</summary>
    Strict = 0,

    /// <summary>Skip or repair the offending row, record a <see cref="LoadIssue"/> in the <see cref="LoadReport"/>, and go on.</summary>
    Lenient = 1,
}

/// <summary>Defaults of <see cref="LoadOptions"/>.</summary>
public static class LoadDefaults
{
    /// <summary>The default mode: <see cref="LoadMode.Strict"/>.</summary>
    public const LoadMode Mode = LoadMode.Strict;

    /// <summary>The default link kind when a file has no kind column: <see cref="LinkKind.Other"/>.</summary>
    public const LinkKind Kind = LinkKind.Other;
}

/// <summary>Options shared by every reader. Immutable; change with <c>o with { Mode = LoadMode.Lenient }</c>.</summary>
public sealed record LoadOptions
{
    /// <summary>The default options.</summary>
    public static LoadOptions Default { get; } = new();

    /// <summary>Strict (throw on the first problem) or lenient (collect problems in the report).</summary>
    /// <value>The default value is <see cref="LoadMode.Strict"/>.</value>
    public LoadMode Mode { get; init; } = LoadDefaults.Mode;

    /// <summary>The region ladder the regions' levels belong to.</summary>
    /// <value>The default value is <see cref="RegionLadder.Default"/>.</value>
    public RegionLadder Ladder { get; init; } = RegionLadder.Default;

    /// <summary>The classifier that sets link scales.</summary>
    /// <value>The default value is <see cref="LcaScaleClassifier.Instance"/>.</value>
    public IScaleClassifier Classifier { get; init; } = LcaScaleClassifier.Instance;

    /// <summary>The kind given to links when the file has no kind column (or the cell is empty).</summary>
    /// <value>The default value is <see cref="LinkKind.Other"/>.</value>
    public LinkKind DefaultLinkKind { get; init; } = LoadDefaults.Kind;

    /// <summary>Whether links are directed when the file does not say.</summary>
    /// <value>The default value is <see langword="false"/>.</value>
    public bool Directed { get; init; }

    /// <summary>What to do with a link whose two ends are the same innovator.</summary>
    /// <value>The default value is <see cref="SelfLoopPolicy.Reject"/>: an error in strict mode, a skipped row with an issue in lenient mode.
    /// <see cref="SelfLoopPolicy.Ignore"/> skips it and reports it; <see cref="SelfLoopPolicy.Keep"/> is refused (knowledge links join two innovators).</value>
    public SelfLoopPolicy SelfLoops { get; init; } = SelfLoopPolicy.Reject;

    /// <summary>The most threads a reader may use (the integer-id links fast path parses fixed chunks of the file in
    /// parallel); -1 for no limit. The loaded network does not depend on it.</summary>
    /// <value>The default value is -1 (every core).</value>
    public int MaxDegreeOfParallelism { get; init; } = -1;

    /// <summary>Checks the options.</summary>
    /// <exception cref="ArgumentException">A value is out of range; every problem is listed.</exception>
    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(Ladder);
        ArgumentNullException.ThrowIfNull(Classifier);
        if (MaxDegreeOfParallelism is 0 or < -1)
        {
            throw new ArgumentException(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"LoadOptions.MaxDegreeOfParallelism is {MaxDegreeOfParallelism}; it must be -1 (no limit) or at least 1."));
        }

        if (SelfLoops == SelfLoopPolicy.Keep)
        {
            throw new ArgumentException("LoadOptions.SelfLoops cannot be Keep: a knowledge link joins two different innovators. Use Reject or Ignore; a graph view can keep loops of its own.");
        }
    }
}
