using System;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using GlocalNetworks.IO;
using GlocalNetworks.IO.Csv;
using GlocalNetworks.Tests.TestUtils;

namespace GlocalNetworks.Tests.IO.Csv;

/// <summary>Every CSV reader either loads or throws a <see cref="GlocalDataException"/> naming the file and line: never another exception, never a hang.</summary>
public sealed class GlocalCsvFuzzProperties
{
    private static bool LoadsOrThrowsDataError(Func<object> load, string expectedFile)
    {
        try
        {
            load();
            return true;
        }
        catch (GlocalDataException e)
        {
            return e.Line is not null && e.Message.StartsWith(expectedFile, StringComparison.Ordinal);
        }
    }

    private static byte[] Mutate(byte[] valid, int seed)
    {
        var r = new SplitMix((ulong)(uint)seed);
        var bytes = (byte[])valid.Clone();
        var cut = r.Next(bytes.Length + 1);
        Array.Resize(ref bytes, cut);
        var flips = r.Next(4);
        for (var i = 0; i < flips && bytes.Length > 0; i++)
        {
            // Insert structural characters and raw bytes: quotes, separators, newlines, NUL, invalid UTF-8.
            byte[] alphabet = [(byte)'"', (byte)',', (byte)'\n', (byte)'\r', 0, 0xFF, 0xC3, (byte)'-', (byte)'9'];
            bytes[r.Next(bytes.Length)] = alphabet[r.Next(alphabet.Length)];
        }

        return bytes;
    }

    [Property(MaxTest = 300)]
    public bool Links_RandomBytes_LoadOrThrowDataError(byte[] bytes)
    {
        bytes ??= [];
        return LoadsOrThrowsDataError(() => GlocalCsv.Load(CsvInput.FromBytes("links.csv", bytes)), "links.csv");
    }

    [Property(MaxTest = 300)]
    public bool Links_TruncatedAndMutated_LoadOrThrowDataError(int seed)
    {
        var links = Mutate(Encoding.UTF8.GetBytes(GlocalCsvTests.Links), seed);
        return LoadsOrThrowsDataError(() => GlocalCsv.Load(CsvInput.FromBytes("links.csv", links),
            CsvInput.FromText("innovators.csv", GlocalCsvTests.Innovators), CsvInput.FromText("regions.csv", GlocalCsvTests.Regions)), "links.csv");
    }

    [Property(MaxTest = 300)]
    public bool Innovators_TruncatedAndMutated_LoadOrThrowDataError(int seed)
    {
        var inn = Mutate(Encoding.UTF8.GetBytes(GlocalCsvTests.Innovators), seed);
        return LoadsOrThrowsDataError(() => GlocalCsv.Load(CsvInput.FromText("links.csv", "source,target\n"),
            CsvInput.FromBytes("innovators.csv", inn), CsvInput.FromText("regions.csv", GlocalCsvTests.Regions)), "innovators.csv");
    }

    [Property(MaxTest = 300)]
    public bool Regions_TruncatedAndMutated_LoadOrThrowDataError(int seed)
    {
        var reg = Mutate(Encoding.UTF8.GetBytes(GlocalCsvTests.Regions), seed);
        return LoadsOrThrowsDataError(() => GlocalCsv.ReadRegions(CsvInput.FromBytes("regions.csv", reg)), "regions.csv");
    }

    [Property(MaxTest = 300)]
    public bool Events_RandomTextAndLenient_LoadOrThrowDataError(NonNull<string> text, bool lenient)
    {
        var options = LoadOptions.Default with { Mode = lenient ? LoadMode.Lenient : LoadMode.Strict };
        return LoadsOrThrowsDataError(() => GlocalCsv.LoadEvents(CsvInput.FromText("events.csv", "event,innovator,year\n" + text.Get), options: options), "events.csv");
    }

    [Property(MaxTest = 100)]
    public Property Links_ValidRandomRows_AllLoad()
    {
        var row = from a in Gen.Choose(0, 30)
                  from b in Gen.Choose(0, 30)
                  from w in Gen.Choose(1, 1000)
                  select (a, b, w);
        return Prop.ForAll(Gen.ListOf(row).ToArbitrary(), rows =>
        {
            var sb = new StringBuilder("source,target,weight\n");
            var expected = 0;
            foreach (var (a, b, w) in rows)
            {
                if (a == b)
                {
                    continue;
                }

                sb.Append("n").Append(a).Append(",n").Append(b).Append(',').Append(w / 8.0).Append('\n');
                expected++;
            }

            var (net, report) = GlocalCsv.Load(CsvInput.FromText("links.csv", sb.ToString()));
            return net.Links.Count == expected && report.Issues.Count == 0;
        });
    }
}
