using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using TenderFlow.Domain.Audit;
using TenderFlow.Domain.Deadlines;
using TenderFlow.Domain.Tenders;
using TenderFlow.Domain.Workflow.Definitions;
using TenderFlow.Domain.Workflow.Runtime;
using TenderFlow.Web.Features.Audit;
using TenderFlow.Web.Hosting;

namespace TenderFlow.Benchmarks;

/// <summary>
/// The part of the benchmark's steps that needs no database: the production engine (role and reason checks, guards,
/// the Stateless machine, entry actions and deadline planning) on tenders held in memory, the deadline jobs the tender
/// should have (<see cref="DeadlineJobPlan"/>, as the schedule works them out every step), and the audit events built,
/// serialised and hash-chained as <see cref="AuditTrail"/> does. Added to the floor (the step's statements on raw
/// ADO.NET), it bounds what any step that keeps the engine and the chain could reach, with or without EF Core.
/// </summary>
public sealed class StepWorkWithoutDatabase
{
    private readonly WorkflowEngine _engine;
    private readonly WorkflowDefinition _definition;
    private readonly List<Tender> _tenders = [];
    private DateTime _nowUtc = new(2026, 1, 5, 8, 0, 0, DateTimeKind.Utc);
    private string _previousHash = AuditCanonicalForm.GenesisHash;
    private long _sequence;
    private long _position;
    private long _nextJobs;
    private readonly List<AuditEvent> _events = [];

    private StepWorkWithoutDatabase(WorkflowEngine engine, WorkflowDefinition definition)
    {
        _engine = engine;
        _definition = definition;
    }

    public static async Task<StepWorkWithoutDatabase> CreateAsync(IServiceProvider services)
    {
        var definition = services.GetRequiredService<DefinitionCatalog>().Find(EngineStepBenchmark.Definition)
            ?? throw new InvalidOperationException($"Definition '{EngineStepBenchmark.Definition}' is not loaded.");
        var work = new StepWorkWithoutDatabase(services.GetRequiredService<WorkflowEngine>(), definition);
        for (var i = 1; i <= EngineStepBenchmark.TenderCount; i++)
        {
            var (tender, violation) = TenderFactory.Create(definition, $"MEM-{i:000}", $"Wmo-maatwerkvoorzieningen regio {i} (in memory)", null, work._nowUtc);
            if (tender is null)
            {
                throw new InvalidOperationException($"Creating MEM-{i:000} was refused: {violation?.Message.En}");
            }
            work.Chain(await work._engine.EnterInitialPhaseAsync(tender, definition, TenderFlowHost.Officer, work._nowUtc, CancellationToken.None), tender.Id);
            work._tenders.Add(tender);
        }
        foreach (var tender in work._tenders)
        {
            await work.FireAsync(tender, "openAdmission", null);
        }
        return work;
    }

    /// <summary>The same cycle of triggers and clock moves as <see cref="EngineStepBenchmark.RunAsync"/>; returns the wall time.</summary>
    public async Task<TimeSpan> RunAsync(int steps)
    {
        var stopwatch = Stopwatch.StartNew();
        for (var i = 0; i < steps; i++)
        {
            var stage = EngineStepBenchmark.Cycle[_position / EngineStepBenchmark.TenderCount % EngineStepBenchmark.Cycle.Length];
            if (_position % EngineStepBenchmark.TenderCount == 0)
            {
                _nowUtc += stage.AdvanceFirst;
            }
            await FireAsync(_tenders[(int)(_position % EngineStepBenchmark.TenderCount)], stage.Trigger, stage.Reason);
            _position++;
        }
        return stopwatch.Elapsed;
    }

    private async Task FireAsync(Tender tender, string trigger, string? reason)
    {
        var result = await _engine.FireAsync(tender, _definition, trigger, TenderFlowHost.Officer, reason, _nowUtc, NoFacts.Instance, CancellationToken.None);
        if (result.Outcome is null)
        {
            throw new InvalidOperationException($"Step '{trigger}' was refused ({result.Violation?.Rule}): {result.Violation?.Message.En}");
        }
        DeadlineJobPlan.Watch(tender, _definition, _nowUtc);
        _nextJobs += DeadlineJobPlan.For(tender, _definition).Count(j => j.RunAtUtc > _nowUtc);
        Chain(result.Outcome.Records, tender.Id);
    }

    /// <summary>Jobs ahead, summed over the steps: none would mean the workload no longer plans what the real steps plan.</summary>
    public long JobsAhead => _nextJobs;

    private void Chain(IEnumerable<AuditRecord> records, Guid tenderId)
    {
        foreach (var record in records)
        {
            var payload = JsonSerializer.Serialize(record.Payload, AuditTrail.PayloadJson);
            var role = Domain.Workflow.Roles.Procurement;
            var hash = AuditCanonicalForm.ComputeHash(++_sequence, _nowUtc, TenderFlowHost.Officer.Id, role, tenderId, record.Action, record.Subject, payload, _previousHash);
            _events.Add(new AuditEvent
            {
                Sequence = _sequence, OccurredAtUtc = _nowUtc, ActorId = TenderFlowHost.Officer.Id, ActorRole = role, TenderId = tenderId,
                Action = record.Action, Subject = record.Subject, PayloadJson = payload, PreviousHash = _previousHash, Hash = hash,
            });
            _previousHash = hash;
            if (_events.Count > 64)
            {
                _events.Clear();   // only the building is measured, not an ever-growing list
            }
        }
    }

    /// <summary>open-house's guards ask only about deadlines; a question about facts would mean the workload changed.</summary>
    private sealed class NoFacts : ITenderFacts
    {
        public static readonly NoFacts Instance = new();

        private static Task<T> Unexpected<T>() => throw new InvalidOperationException("The in-memory workload asks no facts.");

        public Task<int> SelectedCandidateCountAsync(Guid tenderId, CancellationToken cancellationToken) => Unexpected<int>();
        public Task<int> OpenObjectionCountAsync(Guid tenderId, CancellationToken cancellationToken) => Unexpected<int>();
        public Task<DateTime?> ApprovedSpecificationWrittenAtUtcAsync(Guid tenderId, CancellationToken cancellationToken) => Unexpected<DateTime?>();
        public Task<QualityVerdict> TenderQualityVerdictAsync(Guid tenderId, CancellationToken cancellationToken) => Unexpected<QualityVerdict>();
        public Task<bool> ContractRecordedAsync(Guid tenderId, CancellationToken cancellationToken) => Unexpected<bool>();
        public Task<int> QuestionsNotInANoteCountAsync(Guid tenderId, CancellationToken cancellationToken) => Unexpected<int>();
    }
}
