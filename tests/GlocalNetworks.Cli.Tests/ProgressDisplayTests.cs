using System.IO;
using GlocalNetworks.Metrics;
using Spectre.Console;
using Spectre.Console.Testing;
using Xunit;

namespace GlocalNetworks.Cli.Tests;

public sealed class ProgressDisplayTests
{
    [Theory]
    [InlineData(true, false, true, true, true)]
    [InlineData(true, true, true, true, false)]     // stderr redirected (a pipe, a file, CI)
    [InlineData(false, false, true, true, false)]   // a test writer, not the process's stderr
    [InlineData(true, false, false, true, false)]   // not interactive
    [InlineData(true, false, true, false, false)]   // no ANSI
    public void Choose_BarsOnlyOnAnInteractiveAnsiStderr(bool isStderr, bool redirected, bool interactive, bool ansi, bool bars) =>
        Assert.Equal(bars ? ProgressKind.Bars : ProgressKind.Lines, ProgressDisplay.Choose(isStderr, redirected, interactive, ansi));

    [Fact]
    public void Run_OnAWriter_ReportsLines()
    {
        var error = new StringWriter();

        var kind = ProgressDisplay.Run(error, progress =>
        {
            progress.Report(new MetricProgress("betweenness", 5, 10));
            progress.Report(new MetricProgress("betweenness", 6, 10));
            return progress.GetType().Name;
        });

        Assert.Equal(nameof(LineProgress), kind);
        Assert.Equal(" betweenness 50%\n betweenness 60%\n", error.ToString().ReplaceLineEndings("\n"));
    }

    [Fact]
    public void SpectreProgress_OneTaskPerMetric_DoneOfTotal()
    {
        var console = new TestConsole().Interactive();
        SpectreProgress? adapter = null;

        console.Progress().Start(ctx =>
        {
            adapter = new SpectreProgress(ctx);
            adapter.Report(new MetricProgress("betweenness", 25, 100));
            adapter.Report(new MetricProgress("betweenness", 50, 100, "sources"));
            adapter.Report(new MetricProgress("louvain", 3, 0));
            adapter.Report(new MetricProgress("pagerank", 12, 10));
        });

        var tasks = adapter!.Tasks;
        Assert.Equal(3, tasks.Count);
        Assert.Equal((50.0, 100.0), (tasks["betweenness"].Value, tasks["betweenness"].MaxValue));
        Assert.Equal("betweenness (sources)", tasks["betweenness"].Description);
        Assert.True(tasks["louvain"].IsIndeterminate);
        Assert.Equal(10.0, tasks["pagerank"].Value);
        Assert.True(tasks["pagerank"].IsFinished);
    }
}
