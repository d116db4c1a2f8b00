namespace TenderFlow.Web.Tests.Infrastructure;

/// <summary>One file of a tender's audit package as <paramref name="client"/> may export it.</summary>
public static class AuditPackageFiles
{
    public static async Task<string> ReadAsync(HttpClient client, string tender, string file)
    {
        var response = await client.GetAsync($"/api/tenders/{tender}/audit/export");
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        using var tar = new System.Formats.Tar.TarReader(await response.Content.ReadAsStreamAsync());
        while (await tar.GetNextEntryAsync() is { } entry)
        {
            if (entry.Name.EndsWith(file, StringComparison.Ordinal))
            {
                using var reader = new StreamReader(entry.DataStream!);
                return await reader.ReadToEndAsync();
            }
        }
        throw new InvalidOperationException($"The package has no {file}.");
    }
}
