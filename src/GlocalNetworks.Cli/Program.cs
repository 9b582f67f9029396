using System;
using GlocalNetworks.Cli;

return GlocalCli.Run(args, Console.Out, Console.Error);
