using TenderFlow.Domain.Tests.Support;
using TenderFlow.Domain.Workflow.Loading;
using TenderFlow.Domain.Workflow.Runtime;

namespace TenderFlow.Domain.Tests.Loading;

public sealed class DirectoryLoadingTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("tenderflow-definitions-").FullName;
    private readonly DefinitionLoader _loader = new(BehaviourRegistry.BuiltIn);

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private void Write(string name, string json) => File.WriteAllText(Path.Combine(_directory, name), json);

    [Fact]
    public void The_same_id_and_version_in_two_files_is_refused_in_the_later_file()
    {
        Write("a.json", MinimalDefinition.Json);
        Write("b.json", MinimalDefinition.Json);

        var result = _loader.LoadDirectory(_directory);

        var problem = Assert.Single(result.Problems);
        Assert.Equal("b.json", problem.File);
        Assert.Equal("$.id", problem.Path);
        Assert.Contains("duplicate definition: 'mini' version 1 is also declared in a.json", problem.Reason, StringComparison.Ordinal);
        var kept = Assert.Single(result.Definitions);
        Assert.Equal(("mini", 1), (kept.Id, kept.Version));
    }

    [Fact]
    public void A_duplicate_id_and_version_is_reported_next_to_the_later_files_other_problems()
    {
        Write("a.json", MinimalDefinition.Json);
        var broken = MinimalDefinition.Parse();
        broken.Triggers(0)["roles"] = MinimalDefinition.Strings("Wizard");
        broken.Phases(0)["colour"] = "red";
        Write("b.json", broken.ToJsonString());

        var result = _loader.LoadDirectory(_directory);

        Assert.Equal(["$.id", "$.phases[0].colour", "$.triggers[0].roles[0]"], result.Problems.Select(p => p.Path).Order(StringComparer.Ordinal));
        Assert.All(result.Problems, p => Assert.Equal("b.json", p.File));
        Assert.Contains(result.Problems, p => p.Reason.Contains("duplicate definition: 'mini' version 1 is also declared in a.json", StringComparison.Ordinal));
        Assert.Equal("mini", Assert.Single(result.Definitions).Id);
    }

    [Fact]
    public void The_same_id_with_another_version_is_a_separate_definition()
    {
        Write("a.json", MinimalDefinition.Json);
        var v2 = MinimalDefinition.Parse();
        v2["version"] = 2;
        Write("b.json", v2.ToJsonString());

        var result = _loader.LoadDirectory(_directory);

        Assert.True(result.IsValid, string.Join(Environment.NewLine, result.Problems));
        Assert.Equal([1, 2], result.Definitions.Select(d => d.Version).Order());
    }

    [Fact]
    public void A_problem_names_the_file_by_its_name_not_its_full_path()
    {
        Write("good.json", MinimalDefinition.Json);
        var broken = MinimalDefinition.Parse();
        broken["id"] = "broken";
        broken.Triggers(0)["roles"] = MinimalDefinition.Strings("Wizard");
        Write("broken.json", broken.ToJsonString());

        var result = _loader.LoadDirectory(_directory);

        var problem = Assert.Single(result.Problems);
        Assert.Equal("broken.json", problem.File);
        Assert.Equal("$.triggers[0].roles[0]", problem.Path);
        Assert.Equal("mini", Assert.Single(result.Definitions).Id);
    }

    [Fact]
    public void Files_in_subfolders_and_other_extensions_are_not_definitions()
    {
        Write("mini.json", MinimalDefinition.Json);
        Write("notes.txt", "not a definition");
        Directory.CreateDirectory(Path.Combine(_directory, "schema"));
        File.WriteAllText(Path.Combine(_directory, "schema", "other.json"), "{}");

        var result = _loader.LoadDirectory(_directory);

        Assert.True(result.IsValid, string.Join(Environment.NewLine, result.Problems));
        Assert.Single(result.Definitions);
    }

    [Fact]
    public void A_file_that_cannot_be_read_is_a_problem_next_to_the_others_not_a_crash()
    {
        Write("a.json", MinimalDefinition.Json);
        File.CreateSymbolicLink(Path.Combine(_directory, "b.json"), Path.Combine(_directory, "gone.json"));

        var result = _loader.LoadDirectory(_directory);

        var problem = Assert.Single(result.Problems);
        Assert.Equal(("b.json", "$"), (problem.File, problem.Path));
        Assert.StartsWith("the file cannot be read:", problem.Reason, StringComparison.Ordinal);
        Assert.Equal("mini", Assert.Single(result.Definitions).Id);
    }

    [Fact]
    public void A_repeated_version_cannot_hide_a_file_behind_another_version()
    {
        Write("a.json", MinimalDefinition.Json.Replace("\"version\": 1,", "\"version\": 1, \"version\": 0,", StringComparison.Ordinal));

        var result = _loader.LoadDirectory(_directory);

        var problem = Assert.Single(result.Problems);
        Assert.Equal("a.json", problem.File);
        Assert.Contains("Duplicate", problem.Reason, StringComparison.Ordinal);
        Assert.Empty(result.Definitions);
    }

    [Fact]
    public void An_empty_directory_is_a_problem()
    {
        var result = _loader.LoadDirectory(_directory);

        var problem = Assert.Single(result.Problems);
        Assert.Contains("no definition files", problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_directory_is_a_problem()
    {
        var result = _loader.LoadDirectory(Path.Combine(_directory, "absent"));

        var problem = Assert.Single(result.Problems);
        Assert.Contains("does not exist", problem.Reason, StringComparison.Ordinal);
        Assert.Empty(result.Definitions);
    }
}
