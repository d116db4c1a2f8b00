namespace TenderFlow.Domain.Workflow.Loading;

/// <summary>One thing wrong with a definition file: where (file + JSON path) and why.</summary>
public sealed record DefinitionProblem(string File, string Path, string Reason)
{
    public override string ToString() => $"{File}: {Path}: {Reason}";
}

public sealed class InvalidDefinitionException(IReadOnlyList<DefinitionProblem> problems)
    : Exception("Invalid procedure definition(s):" + Environment.NewLine + string.Join(Environment.NewLine, problems.Select(p => "  " + p)))
{
    public IReadOnlyList<DefinitionProblem> Problems { get; } = problems;
}
