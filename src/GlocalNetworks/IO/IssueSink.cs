using System.IO;
using GlocalNetworks.Kernels;

namespace GlocalNetworks.IO;

/// <summary>
/// The strict/lenient switch every reader shares: strict mode throws a problem, lenient mode records it in the
/// <see cref="LoadReport"/> with what the reader did instead. One sink serves one load.
/// </summary>
internal sealed class IssueSink
{
    /// <summary>Creates the sink of one load.</summary>
    /// <param name="options">The validated options (their <see cref="LoadOptions.Mode"/> and <see cref="LoadOptions.SelfLoops"/> decide).</param>
    /// <param name="report">The report the load fills.</param>
    public IssueSink(LoadOptions options, LoadReport report)
    {
        Options = options;
        Report = report;
    }

    /// <summary>The options.</summary>
    public LoadOptions Options { get; }

    /// <summary>The report.</summary>
    public LoadReport Report { get; }

    /// <summary>Strict: throws <paramref name="error"/>. Lenient: records it with <paramref name="action"/>.</summary>
    public void Problem(GlocalDataException error, LoadAction action)
    {
        if (!Absorb(error, action))
        {
            throw error;
        }
    }

    /// <summary>For a <c>catch</c> filter: lenient mode records <paramref name="error"/> with <paramref name="action"/> and returns
    /// <see langword="true"/> (the error is handled); strict mode returns <see langword="false"/> (the error propagates untouched).</summary>
    public bool Absorb(GlocalDataException error, LoadAction action)
    {
        if (Options.Mode == LoadMode.Strict)
        {
            return false;
        }

        Report.Add(error, action);
        return true;
    }

    /// <summary>A link whose two ends are one innovator. Under <see cref="SelfLoopPolicy.Ignore"/> the loop is reported as left
    /// out (an informational issue, not an error) and <see langword="null"/> is returned; otherwise the
    /// <see cref="SelfLoopException"/> to raise.</summary>
    /// <param name="file">The file or source name.</param>
    /// <param name="line">The line.</param>
    /// <param name="column">The target's column.</param>
    /// <param name="value">The target as read.</param>
    public SelfLoopException? SelfLoop(string file, long? line, string? column, string value)
    {
        if (Options.SelfLoops == SelfLoopPolicy.Ignore)
        {
            Report.Add(new LoadIssue(Path.GetFileName(file), line, column, value, LinkFieldRules.SelfLoopLeftOut, LoadAction.Skipped));
            return null;
        }

        return new SelfLoopException(file, line, column, value, LinkFieldRules.SelfLoopRejected);
    }

    /// <summary>Skips a link whose two ends are one innovator: reported as left out under <see cref="SelfLoopPolicy.Ignore"/>,
    /// otherwise a <see cref="SelfLoopException"/> problem (thrown in strict mode, recorded as skipped in lenient mode).</summary>
    public void SkipSelfLoop(string file, long? line, string? column, string value)
    {
        if (SelfLoop(file, line, column, value) is { } error)
        {
            Problem(error, LoadAction.Skipped);
        }
    }
}
