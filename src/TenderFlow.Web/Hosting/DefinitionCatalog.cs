using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using TenderFlow.Domain.Workflow.Definitions;
using TenderFlow.Domain.Workflow.Loading;
using TenderFlow.Web.Data;

namespace TenderFlow.Web.Hosting;

/// <summary>
/// The definitions on disk (validated at start-up; an invalid file stops the app) plus, for running tenders,
/// the exact snapshot each one started on, looked up by content hash.
/// </summary>
public sealed class DefinitionCatalog
{
    private readonly DefinitionLoader _loader;
    private readonly IReadOnlyList<WorkflowDefinition> _current;
    private readonly ConcurrentDictionary<string, WorkflowDefinition> _byHash = new(StringComparer.Ordinal);

    public DefinitionCatalog(DefinitionLoader loader, IConfiguration configuration)
    {
        _loader = loader;
        Directory = WorkflowsDirectory.Resolve(configuration);
        _current = loader.LoadDirectory(Directory).DefinitionsOrThrow();
        foreach (var definition in _current)
        {
            _byHash[definition.ContentHash] = definition;
        }
    }

    public string Directory { get; }

    public IReadOnlyList<WorkflowDefinition> Current => _current;

    /// <summary>The highest version on disk, or the exact version asked for.</summary>
    public WorkflowDefinition? Find(string id, int? version = null) =>
        _current.Where(d => d.Id == id && (version is null || d.Version == version)).MaxBy(d => d.Version);

    public async Task<WorkflowDefinition> ForHashAsync(TenderFlowDbContext db, string hash, CancellationToken cancellationToken)
    {
        if (_byHash.TryGetValue(hash, out var known))
        {
            return known;
        }
        var snapshot = await db.DefinitionSnapshots.AsNoTracking().SingleAsync(s => s.Hash == hash, cancellationToken);
        var (definition, problems) = _loader.LoadText($"snapshot {snapshot.DefinitionId} v{snapshot.Version} ({hash[..12]})", snapshot.Json);
        if (definition is null)
        {
            throw new InvalidDefinitionException(problems);
        }
        if (definition.ContentHash != hash)
        {
            throw new DefinitionSnapshotAlteredException(hash, definition.ContentHash);
        }
        return _byHash.GetOrAdd(hash, definition);
    }

    /// <summary>
    /// A file whose content changed while keeping an id + version that tenders already run on is refused:
    /// two different procedures under one version number would confuse anyone reading the record later.
    /// </summary>
    public async Task<IReadOnlyList<DefinitionProblem>> CheckAgainstSnapshotsAsync(TenderFlowDbContext db, CancellationToken cancellationToken)
    {
        var problems = new List<DefinitionProblem>();
        foreach (var definition in _current)
        {
            var clash = await db.DefinitionSnapshots.AsNoTracking()
                .Where(s => s.DefinitionId == definition.Id && s.Version == definition.Version && s.Hash != definition.ContentHash)
                .Select(s => s.Hash).FirstOrDefaultAsync(cancellationToken);
            if (clash is not null)
            {
                problems.Add(new DefinitionProblem($"{definition.Id} v{definition.Version}", "$.version",
                    $"the content differs from the version-{definition.Version} snapshot that tenders already run on (hash {clash[..12]}…): raise the version"));
            }
        }
        return problems;
    }
}
