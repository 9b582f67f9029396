using System;
using System.IO;
using GlocalNetworks.Metrics;

namespace GlocalNetworks.Cli.Tests;

/// <summary>Runs the command line in process with captured output and a scratch folder that is deleted afterwards.</summary>
public sealed class CliRun : IDisposable
{
    public CliRun()
    {
        Dir = Path.Combine(Path.GetTempPath(), "glocal-cli-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Dir);
    }

    public string Dir { get; }

    public string Out => Path.Combine(Dir, "out");

    public string File(string name, string text)
    {
        var p = Path.Combine(Dir, name);
        System.IO.File.WriteAllText(p, text);
        return p;
    }

    public string Read(string relative) => System.IO.File.ReadAllText(Path.Combine(Dir, relative));

    public (int Code, string Output, string Error) Run(params string[] args) => RunWith(null, args);

    public (int Code, string Output, string Error) RunWith(IMetricRegistry? registry, params string[] args)
    {
        var o = new StringWriter();
        var e = new StringWriter();
        var code = GlocalCli.Run(args, o, e, registry);
        return (code, o.ToString(), e.ToString());
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Dir, true);
        }
        catch (IOException)
        {
        }
    }
}
