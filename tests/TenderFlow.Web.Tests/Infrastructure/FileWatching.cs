using System.Runtime.CompilerServices;

namespace TenderFlow.Web.Tests.Infrastructure;

/// <summary>
/// The suite starts hundreds of hosts, and every host watches files (configuration, wwwroot for <c>asp-append-version</c>).
/// With inotify each watch costs one of the user's 128 inotify instances until the watcher is collected; a full CI run came
/// close enough that the log-in page of a late browser test answered 500 (IOException from FileSystemWatcher). Polling
/// watchers and no configuration reloading take no inotify instances. The app itself is unchanged.
/// </summary>
internal static class FileWatching
{
    [ModuleInitializer]
    internal static void WithoutInotify()
    {
        Environment.SetEnvironmentVariable("DOTNET_USE_POLLING_FILE_WATCHER", "1");
        Environment.SetEnvironmentVariable("DOTNET_hostBuilder__reloadConfigOnChange", "false");
    }
}
