using System.IO;
using Xunit;

namespace GlocalNetworks.Cli.Tests;

public class ReportCommandTests
{
    [Fact]
    public void Report_WithoutInput_AnalysesTheEmbeddedDataSet()
    {
        using var cli = new CliRun();

        var (code, output, error) = cli.Run("report", "--out", cli.Out, "--top", "5");

        Assert.True(code == 0, error);
        Assert.Contains(Path.Combine(cli.Out, "index.html"), output);
        Assert.Contains("174 innovators", cli.Read("out/report.md"));
        Assert.Contains("data:image/png;base64,", cli.Read("out/index.html"));
        Assert.True(File.Exists(Path.Combine(cli.Out, "scale-mix.csv")));
    }

    [Fact]
    public void Report_OnTheUsersFiles_UsesTheirTitleAndLevel()
    {
        using var cli = new CliRun();
        var regions = cli.File("regions.csv", "id,name,level,parent\nEU,Europe,world-region,\nDE,Germany,country,EU\nBY,Bayern,province,DE\nM,München,city,BY\nN,Nürnberg,city,BY\nFR,France,country,EU\nIDF,Île-de-France,province,FR\nP,Paris,city,IDF\n");
        var innovators = cli.File("innovators.csv", "id,name,kind,region\nm1,Firm M,Firm,M\nm2,Uni M,University,M\nn1,Firm N,Firm,N\np1,Firm P,Firm,P\n");
        var links = cli.File("links.csv", "source,target\nm1,m2\nm2,n1\nn1,p1\nm1,p1\n");

        var (code, _, error) = cli.Run("report", "--links", links, "--innovators", innovators, "--regions", regions,
            "--level", "country", "--title", "Two countries", "--out", cli.Out);

        Assert.True(code == 0, error);
        var md = cli.Read("out/report.md");
        Assert.StartsWith("# Two countries\n", md);
        Assert.Contains("level 'country'", md);
        Assert.Contains("| Local | 1 |", md);
    }

    [Fact]
    public void Report_TwoInputs_IsAUsageError()
    {
        using var cli = new CliRun();
        var (code, _, error) = cli.Run("report", "--links", "a.csv", "--events", "b.csv");

        Assert.Equal(1, code);
        Assert.Contains("Give at most one of --links, --events or --graph", error);
    }
}
