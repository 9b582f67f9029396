using System;
using System.IO;
using Spectre.Console;

namespace GlocalNetworks.Cli;

/// <summary>Spectre.Console consoles over the command's writers: colour and terminal width only on a real terminal, plain
/// text (80 columns wide tables become as wide as they need) when redirected or in tests.</summary>
internal static class Consoles
{
    public static IAnsiConsole For(TextWriter writer)
    {
        var terminal = ReferenceEquals(writer, Console.Out) && !Console.IsOutputRedirected;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = terminal ? InteractionSupport.Detect : InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        if (!terminal)
        {
            console.Profile.Width = 200;
        }

        return console;
    }
}
