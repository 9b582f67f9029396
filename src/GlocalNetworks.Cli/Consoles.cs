using System;
using System.IO;
using Spectre.Console;

namespace GlocalNetworks.Cli;

/// <summary>Spectre.Console consoles over the command's writers: colour and terminal width only on a real terminal, plain
/// text (80 columns wide tables become as wide as they need) when redirected or in tests.</summary>
internal static class Consoles
{
    public static IAnsiConsole For(TextWriter writer) => Create(writer, ReferenceEquals(writer, Console.Out) && !Console.IsOutputRedirected);

    /// <summary>A console over the error stream (progress bars): a terminal only when it is the process's standard error and
    /// that is not redirected.</summary>
    public static IAnsiConsole ForError(TextWriter writer) => Create(writer, ReferenceEquals(writer, Console.Error) && !Console.IsErrorRedirected);

    private static IAnsiConsole Create(TextWriter writer, bool terminal)
    {
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
