using System.IO;
using System.Threading;
using GlocalNetworks.Metrics;
using Xunit;

namespace GlocalNetworks.Cli.Tests;

public class ErrorHandlingTests
{
    private const string Links = "source,target,weight\na,b,2\nb,c,1\nc,a,1\nc,d,3\n";

    [Fact]
    public void Help_DocumentsTheExitCodes()
    {
        using var cli = new CliRun();
        var (code, output, _) = cli.Run("--help");

        Assert.Equal(0, code);
        Assert.Contains("Exit codes: 0 success; 1 usage error; 2 data error", output);
        Assert.Contains("--verbose", output);
    }

    [Fact]
    public void Verbose_AddsTheStackTrace_OtherwiseOneLine()
    {
        using var cli = new CliRun();
        var links = cli.File("links.csv", "source,target,weight\na,b,-1\n");

        var quiet = cli.Run("metrics", "--links", links, "-m", "degree", "--out", cli.Out);
        var loud = cli.Run("metrics", "--links", links, "-m", "degree", "--out", cli.Out, "--verbose");

        Assert.Equal(2, quiet.Code);
        Assert.Single(quiet.Error.Trim().Split('\n'));
        Assert.Equal(2, loud.Code);
        Assert.Contains("InvalidWeightException", loud.Error);
        Assert.Contains(" at ", loud.Error);
    }

    [Fact]
    public void UnknownLevel_ExitsThreeListingTheLevels()
    {
        using var cli = new CliRun();
        var links = cli.File("links.csv", Links);

        var (code, _, error) = cli.Run("metrics", "--links", links, "-m", "ei-index", "--level", "nuts2", "--out", cli.Out);

        Assert.Equal(3, code);
        Assert.Contains("'nuts2'", error);
        Assert.Contains("province", error);
    }

    [Fact]
    public void Cancelled_ExitsOneThirty()
    {
        using var cli = new CliRun();
        var links = cli.File("links.csv", Links);
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();
        var o = new StringWriter();
        var e = new StringWriter();

        var code = GlocalCli.Run(["metrics", "--links", links, "-m", "betweenness", "--out", cli.Out], o, e, MetricRegistry.CreateDefault(), cancel.Token);

        Assert.Equal(130, code);
        Assert.Contains("error: cancelled", e.ToString());
    }

    [Fact]
    public void Report_EscapesNamesFromTheData()
    {
        using var cli = new CliRun();
        var innovators = cli.File("innovators.csv", "id,name,kind,region\na,<script>alert(1)</script>,Firm,\nb,B & Co,Firm,\nc,C,Firm,\n");
        var links = cli.File("links.csv", "source,target\na,b\nb,c\na,c\n");

        var (code, _, error) = cli.Run("report", "--links", links, "--innovators", innovators, "--out", cli.Out);

        Assert.True(code == 0, error);
        var html = cli.Read("out/index.html");
        Assert.DoesNotContain("<script>", html);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html);
        Assert.Contains("B &amp; Co", html);
    }
}
