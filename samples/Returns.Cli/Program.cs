using Returns.Cli;

return await CliApp.RunAsync(args).ConfigureAwait(false);
