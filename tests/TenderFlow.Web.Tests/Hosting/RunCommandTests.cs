using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using TenderFlow.Web.Tests.Infrastructure;

namespace TenderFlow.Web.Tests.Hosting;

/// <summary>
/// The README's run command as an operator meets it: the app as its own process, started in an empty directory, so
/// ./data is created there, the demo is seeded and the console says how to sign in.
/// </summary>
public sealed partial class RunCommandTests
{
    [Fact]
    public async Task A_fresh_start_creates_data_answers_health_and_prints_a_login_that_works()
    {
        using var directory = new TempDirectory();

        string firstBanner;
        await using (var app = await RunningApp.StartAsync(directory.Path))
        {
            firstBanner = app.Banner;
            using var http = new HttpClient { BaseAddress = app.Address };
            var health = await http.GetFromJsonAsync<JsonObject>("/health");
            Assert.Equal("Healthy", health!["status"]!.GetValue<string>());
            Assert.True(File.Exists(Path.Combine(directory.Path, "data", "tenderflow.db")));

            var password = Password().Match(app.Banner).Groups[1].Value;
            var buyer = Login("Procurement", app.Banner);
            var login = await http.PostAsJsonAsync("/api/auth/login", new { email = buyer, password });
            Assert.True(login.IsSuccessStatusCode, $"the printed login {buyer} / {password} was refused");
            var token = (await login.Content.ReadFromJsonAsync<JsonObject>())!["accessToken"]!.GetValue<string>();
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            var tenders = await http.GetFromJsonAsync<JsonArray>("/api/tenders");
            Assert.Contains(tenders!, t => t!["definitionId"]!.GetValue<string>() == "sas-dialogue");
        }
        Assert.Contains("Demo data created", firstBanner);

        await using var again = await RunningApp.StartAsync(directory.Path);
        Assert.DoesNotContain("Demo data created", again.Banner);
    }

    private static string Login(string role, string banner) =>
        Regex.Match(banner, $@"^\s+{role}\s+(\S+)", RegexOptions.Multiline).Groups[1].Value;

    [GeneratedRegex(@"with password: (\S+)")]
    private static partial Regex Password();

    /// <summary>The built TenderFlow.Web.dll on a free port, once the banner has been printed (it ends with an empty line after the sign-in lines).</summary>
    private sealed class RunningApp : IAsyncDisposable
    {
        private readonly Process _process;

        private RunningApp(Process process, Uri address, string banner)
        {
            _process = process;
            Address = address;
            Banner = banner;
        }

        public Uri Address { get; }

        public string Banner { get; }

        public static async Task<RunningApp> StartAsync(string workingDirectory)
        {
            var start = new ProcessStartInfo("dotnet") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
            start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "TenderFlow.Web.dll"));
            start.ArgumentList.Add("--urls");
            start.ArgumentList.Add("http://127.0.0.1:0");
            start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
            var process = Process.Start(start)!;
            var errors = process.StandardError.ReadToEndAsync();
            var output = new System.Text.StringBuilder();
            using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(90));
            try
            {
                var signInSeen = false;
                while (await process.StandardOutput.ReadLineAsync(patience.Token) is { } line)
                {
                    output.AppendLine(line);
                    signInSeen |= line.Contains("Sign in at", StringComparison.Ordinal);
                    if (signInSeen && line.Length == 0)
                    {
                        var address = Regex.Match(output.ToString(), @"TenderFlow is running at (http://\S+)").Groups[1].Value;
                        return new RunningApp(process, new Uri(address), output.ToString());
                    }
                }
            }
            catch (OperationCanceledException)
            {
            }
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"TenderFlow did not start:{Environment.NewLine}{output}{await errors}");
        }

        public async ValueTask DisposeAsync()
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
            _process.Dispose();
        }
    }
}
