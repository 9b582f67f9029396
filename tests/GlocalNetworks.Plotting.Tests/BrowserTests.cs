using System;
using System.Diagnostics;
using System.IO;
using GlocalNetworks.Data;
using SkiaSharp;
using Xunit;

namespace GlocalNetworks.Plotting.Tests;

/// <summary>Renders the report in headless Chromium (Debian's <c>chromium</c>, which <c>.ci/run</c> installs) and checks
/// that the page shows its tables and charts. Set <c>GLOCAL_CHROMIUM</c> to use another browser binary.</summary>
public class BrowserTests
{
    private static string Chromium()
    {
        var configured = Environment.GetEnvironmentVariable("GLOCAL_CHROMIUM");
        foreach (var candidate in new[] { configured, "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome" })
        {
            if (!string.IsNullOrEmpty(candidate) && File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("No Chromium found for the browser test: install it (apt-get install chromium) or set GLOCAL_CHROMIUM.");
    }

    private static (int Code, string Output) Run(string exe, params string[] args)
    {
        var psi = new ProcessStartInfo(exe) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        using var p = Process.Start(psi)!;
        var output = p.StandardOutput.ReadToEndAsync();
        var error = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(120_000))
        {
            p.Kill(true);
            throw new TimeoutException("Chromium did not finish within 120 s.");
        }

        return (p.ExitCode, output.Result + error.Result);
    }

    [Fact]
    public void Report_RendersWithItsChartsAndTables_InHeadlessChromium()
    {
        var chromium = Chromium();
        var dir = Path.Combine(Path.GetTempPath(), "glocal-browser-" + Guid.NewGuid().ToString("N"));
        try
        {
            var files = GlocalReport.Write(DefaultDataSet.Load().Network, dir, new GlocalReportOptions { TopK = 5 });
            var url = new Uri(files[0]).AbsoluteUri;
            string[] common = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--allow-file-access-from-files"];

            var (domCode, dom) = Run(chromium, [.. common, "--dump-dom", url]);
            Assert.True(domCode == 0, dom);
            Assert.Contains("<h2>Scale mix: from local buzz to global pipelines</h2>", dom);
            Assert.Contains("<td>POLITECNICO DI TORINO</td>", dom);
            Assert.Contains("src=\"data:image/png;base64,", dom);

            var shot = Path.Combine(dir, "screenshot.png");
            var (shotCode, log) = Run(chromium, [.. common, "--hide-scrollbars", "--window-size=1200,2400", "--screenshot=" + shot, url]);
            Assert.True(shotCode == 0 && File.Exists(shot), log);
            using var bitmap = SKBitmap.Decode(shot);
            Assert.Equal(1200, bitmap.Width);

            // The scale-mix bars are ScottPlot's first colour (#1f77b4): a rendered chart leaves many such pixels.
            var bars = 0;
            for (var y = 0; y < bitmap.Height; y += 2)
            {
                for (var x = 0; x < bitmap.Width; x += 2)
                {
                    var c = bitmap.GetPixel(x, y);
                    bars += Math.Abs(c.Red - 0x1f) < 12 && Math.Abs(c.Green - 0x77) < 12 && Math.Abs(c.Blue - 0xb4) < 12 ? 1 : 0;
                }
            }

            Assert.True(bars > 500, $"only {bars} sampled pixels in the bar colour: the charts did not render");
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }
}
