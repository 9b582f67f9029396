using System.IO;
using GlocalNetworks.IO.Csv;
using GlocalNetworks.IO.GraphFormats;
using Xunit;

namespace GlocalNetworks.Cli.Tests;

public class ConvertCommandTests
{
    private const string Regions = "id,name,level,parent\nEU,Europe,world-region,\nDE,Germany,country,EU\nBY,Bayern,province,DE\nM,München,city,BY\nFR,France,country,EU\n";
    private const string Innovators = "id,name,kind,region,sector\nm1,\"Firm, Munich\",Firm,M,ict\nm2,TUM,University,M,\np1,Paris Firm,Firm,FR,bio\n";
    private const string Links = "source,target,weight,year,kind\nm1,m2,2.5,2010,CoPatent\nm2,p1,1,2012,JointProject\n";

    [Theory]
    [InlineData("net.graphml")]
    [InlineData("net.gexf")]
    public void CsvToGraphFormatAndBack_KeepsInnovatorsLinksAndScales(string file)
    {
        using var cli = new CliRun();
        var regions = cli.File("regions.csv", Regions);
        var innovators = cli.File("innovators.csv", Innovators);
        var links = cli.File("links.csv", Links);
        var graph = Path.Combine(cli.Dir, file);

        var (code, output, error) = cli.Run("convert", "--links", links, "--innovators", innovators, "--regions", regions, "--to", graph);
        Assert.True(code == 0, error);
        Assert.Contains(graph, output);

        var csvDir = Path.Combine(cli.Dir, "back");
        Assert.Equal(0, cli.Run("convert", "--graph", graph, "--regions", regions, "--to", csvDir).Code);

        var original = GlocalCsv.Load(links, innovators, regions).Network;
        var back = GlocalCsv.Load(Path.Combine(csvDir, "links.csv"), Path.Combine(csvDir, "innovators.csv"), Path.Combine(csvDir, "regions.csv")).Network;
        Assert.Equal(original.Innovators.Count, back.Innovators.Count);
        Assert.Equal(original.Links.Count, back.Links.Count);
        for (var i = 0; i < original.Links.Count; i++)
        {
            Assert.Equal(original.Innovators.IdOf(original.Links[i].Source), back.Innovators.IdOf(back.Links[i].Source));
            Assert.Equal(original.Links[i].Weight, back.Links[i].Weight);
            Assert.Equal(original.Links[i].Year, back.Links[i].Year);
            Assert.Equal(original.Links[i].Kind, back.Links[i].Kind);
            Assert.Equal(original.LinkScales[i], back.LinkScales[i]);
        }

        Assert.Equal("Firm, Munich", back.Innovators["m1"].Name);
        Assert.Equal("ict", back.Innovators["m1"].Attributes["sector"]);
    }

    [Fact]
    public void ToPajek_WritesAFilePajekReads()
    {
        using var cli = new CliRun();
        var links = cli.File("links.csv", Links);
        var net = Path.Combine(cli.Dir, "net.net");

        Assert.Equal(0, cli.Run("convert", "--links", links, "--to", net).Code);

        var back = PajekReader.Read(net).Network;
        Assert.Equal(3, back.Innovators.Count);
        Assert.Equal(2, back.Links.Count);
    }

    [Fact]
    public void UnknownTarget_ExitsThree()
    {
        using var cli = new CliRun();
        var links = cli.File("links.csv", Links);

        var (code, _, error) = cli.Run("convert", "--links", links, "--to", Path.Combine(cli.Dir, "x.xlsx"));

        Assert.Equal(3, code);
        Assert.Contains("write a .graphml, .gexf or .net file", error);
    }
}
