using System;
using System.Threading;
using GlocalNetworks.Cli;

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    // The first Ctrl+C asks the metrics to stop at their next check; a second one ends the process.
    e.Cancel = !cancel.IsCancellationRequested;
    cancel.Cancel();
};
return GlocalCli.Run(args, Console.Out, Console.Error, cancellationToken: cancel.Token);
