namespace TenderFlow.Web.Tests.Infrastructure;

public sealed class TempDirectory : IDisposable
{
    public TempDirectory(string? copyFrom = null)
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "tenderflow-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
        if (copyFrom is not null)
        {
            foreach (var file in Directory.GetFiles(copyFrom, "*.json"))
            {
                File.Copy(file, System.IO.Path.Combine(Path, System.IO.Path.GetFileName(file)));
            }
        }
    }

    public string Path { get; }

    public string FilePath(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        SqlitePools.Clear(Path);
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a finished host; the temp folder is cleaned by the OS.
        }
    }
}
