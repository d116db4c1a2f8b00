using TenderFlow.Web.Cli;
using TenderFlow.Web.Hosting;

if (CliCommands.Matches(args))
{
    return await CliCommands.RunAsync(args);
}

var app = TenderFlowApp.Build(args);
await app.RunAsync();
return 0;
