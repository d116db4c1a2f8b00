using System.Net;
using Microsoft.Extensions.DependencyInjection;
using TenderFlow.Web.Data;
using TenderFlow.Web.Features.AuditExport;
using TenderFlow.Web.Features.Sealing;
using TenderFlow.Web.Tests.Deadlines;
using TenderFlow.Web.Tests.Infrastructure;

namespace TenderFlow.Web.Tests.AuditExport;

/// <summary>
/// An export with documents takes as long as copying them. It reads a snapshot of the chain and does not hold the
/// database's write lock meanwhile: every other write (including the audit event of a read) would wait for it and then fail.
/// </summary>
public sealed class ExportWhileWritingTests : IDisposable
{
    private readonly HoldingVault _hold = new();
    private readonly TenderFlowFactory _app;

    public ExportWhileWritingTests() => _app = new TenderFlowFactory { ExtraServices = services => services.AddSingleton<ISealedVault>(_hold) };

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Steps_go_on_while_an_export_is_being_written_and_the_export_is_audited_after_its_range()
    {
        var procurement = _app.Procurement();
        var tender = (await procurement.CreateTenderAsync()).Id();
        var legal = _app.Legal();
        _hold.Arm();

        var export = legal.GetAsync($"/api/tenders/{tender}/audit/export?documents=true");
        Assert.True(await Task.Run(() => _hold.Entered.Wait(TimeSpan.FromSeconds(30))), "the export never reached its documents");
        var write = procurement.CreateTenderAsync();
        var finished = await Task.WhenAny(write, Task.Delay(TimeSpan.FromSeconds(20)));
        _hold.Release();

        Assert.Same(write, finished);
        var response = await export;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var second = Guid.Parse((await write).Id());
        var created = Assert.Single(_app.Events(second, "tender.created"));
        var exported = Assert.Single(_app.Events(Guid.Parse(tender), AuditExporter.ExportedAction));
        Assert.True(exported.Sequence > created.Sequence);
        Assert.True(exported.Payload()["lastSequence"]!.GetValue<long>() < created.Sequence, "the export's range is the snapshot it read");
        Assert.True(TenderFlow.Web.Features.Audit.AuditChainReader.Verify(new TenderFlow.Web.Hosting.DataDirectory(_app.Data).ConnectionString).Intact);
    }

    /// <summary>A vault whose name, once armed, is read by the export only after the test lets it go on.</summary>
    private sealed class HoldingVault : ISealedVault
    {
        private readonly ManualResetEventSlim _go = new(true);
        private int _armed;

        public ManualResetEventSlim Entered { get; } = new(false);

        public void Arm()
        {
            _go.Reset();
            Volatile.Write(ref _armed, 1);
        }

        public void Release() => _go.Set();

        public string Name
        {
            get
            {
                if (Interlocked.Exchange(ref _armed, 0) == 1)
                {
                    Entered.Set();
                    _go.Wait(TimeSpan.FromSeconds(60));
                }
                return "test-hold";
            }
        }

        public string DeadlineKey => "test-hold";
        public string Capability => "test.hold";
        public string OwnerPrefix => "test-hold/";

        public Task<IReadOnlyList<SealedEntry>> ContentsAsync(TenderFlowDbContext db, Guid tenderId, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<SealedEntry>>([]);
    }
}
