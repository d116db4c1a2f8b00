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

    /// <summary>
    /// The built TenderFlow.Web.dll on a free port, once the banner has been printed (it ends with an empty line after the
    /// sign-in lines). Its output is read to the end in the background, so a chatty app never blocks on a full pipe.
    /// </summary>
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
            var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
            {
                WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true,
            };
            start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "TenderFlow.Web.dll"));
            start.ArgumentList.Add("--urls");
            start.ArgumentList.Add("http://127.0.0.1:0");
            start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
            var output = new System.Text.StringBuilder();
            var banner = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
            var signInSeen = false;
            var process = new Process { StartInfo = start };
            process.OutputDataReceived += (_, e) =>
            {
                lock (output)
                {
                    if (e.Data is null)
                    {
                        banner.TrySetException(new InvalidOperationException($"TenderFlow stopped before its banner:{Environment.NewLine}{output}"));
                        return;
                    }
                    output.AppendLine(e.Data);
                    signInSeen |= e.Data.Contains("Sign in at", StringComparison.Ordinal);
                    if (signInSeen && e.Data.Length == 0)
                    {
                        banner.TrySetResult(output.ToString());
                    }
                }
            };
            process.ErrorDataReceived += (_, e) =>
            {
                lock (output)
                {
                    output.AppendLine(e.Data);
                }
            };
            process.Start();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            try
            {
                var text = await banner.Task.WaitAsync(TimeSpan.FromSeconds(90));
                var address = Regex.Match(text, @"TenderFlow is running at (http://\S+)");
                Assert.True(address.Success, $"no address in the banner:{Environment.NewLine}{text}");
                return new RunningApp(process, new Uri(address.Groups[1].Value), text);
            }
            catch
            {
                process.Kill(entireProcessTree: true);
                process.Dispose();
                throw;
            }
        }

        public async ValueTask DisposeAsync()
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
            _process.Dispose();
        }
    }
}
