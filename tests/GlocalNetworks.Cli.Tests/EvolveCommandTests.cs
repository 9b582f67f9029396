using System.IO;
using System.Linq;
using Xunit;

namespace GlocalNetworks.Cli.Tests;

public class EvolveCommandTests
{
    // A triangle grows over three years: a-b in 2010, b-c in 2011, a-c from 2011 to 2012 (a lifetime), c-d in 2012.
    private const string Links = "source,target,year,end_year\na,b,2010,\nb,c,2011,\na,c,2011,2012\nc,d,2012,\n";

    [Fact]
    public void Yearly_WritesTidyAndWideTrajectories()
    {
        using var cli = new CliRun();
        var links = cli.File("links.csv", Links);

        var (code, output, error) = cli.Run("evolve", "--links", links, "-m", "density,degree", "--out", cli.Out);

        Assert.True(code == 0, error);
        Assert.Contains(Path.Combine(cli.Out, "trajectories.csv"), output);
        var series = cli.Read("out/series.csv").Split('\n', System.StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("slice,from,to,density", series[0]);
        // 2010: a-b among 4 innovators: 1 of 6 pairs; 2011: b-c and a-c: 2/6; 2012: a-c (lifetime) and c-d: 2/6.
        Assert.Equal(["2010,2010,2010,0.16666666666666666", "2011,2011,2011,0.3333333333333333", "2012,2012,2012,0.3333333333333333"],
            series.Skip(1).Select(l => string.Join(',', l.Split(',').Take(4))));
        var tidy = cli.Read("out/trajectories.csv");
        Assert.Contains("2012,2012,2012,degree,c,2", tidy);
    }

    [Fact]
    public void Cumulative_WithChurn_WritesChurnTables()
    {
        using var cli = new CliRun();
        var links = cli.File("links.csv", Links);

        var (code, output, error) = cli.Run("evolve", "--links", links, "--cumulative", "--churn", "--out", cli.Out);

        Assert.True(code == 0, error);
        Assert.Contains(Path.Combine(cli.Out, "churn-transitions.csv"), output);
        Assert.DoesNotContain("trajectories.csv", output);
        Assert.True(File.Exists(Path.Combine(cli.Out, "churn-survival.csv")));
    }

    [Theory]
    [InlineData(new[] { "evolve", "--links", "l.csv", "--out", "x" }, "Give at least one --metric, or --churn.")]
    [InlineData(new[] { "evolve", "--links", "l.csv", "-m", "density", "--out", "x", "--window", "3", "--cumulative" }, "--window and --cumulative exclude each other.")]
    [InlineData(new[] { "evolve", "--links", "l.csv", "-m", "density" }, "Give an output folder with --out.")]
    public void UsageErrors_ExitOne(string[] args, string message)
    {
        using var cli = new CliRun();
        var (code, _, error) = cli.Run(args);

        Assert.Equal(1, code);
        Assert.Contains(message, error);
    }
}
